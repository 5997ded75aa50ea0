namespace Infra.Policies;

/// <summary>What a finding does to a run: block it, warn, or nothing at all.</summary>
public enum EnforcementLevel
{
    Disabled,
    Advisory,
    Mandatory,
}

/// <summary>How bad a violation is; drives SARIF <c>security-severity</c> and the console colour.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// A rule's default enforcement outside and inside production. The catalogue's "prod: M" is
/// <see cref="MandatoryInProduction"/>; "prod: A" on a prod-only rule is <see cref="AdvisoryInProduction"/>.
/// </summary>
public sealed record Enforcement(EnforcementLevel NonProduction, EnforcementLevel Production)
{
    public static readonly Enforcement Mandatory = new(EnforcementLevel.Mandatory, EnforcementLevel.Mandatory);

    public static readonly Enforcement Advisory = new(EnforcementLevel.Advisory, EnforcementLevel.Advisory);

    /// <summary>Advisory everywhere, mandatory in production ("prod: M").</summary>
    public static readonly Enforcement MandatoryInProduction = new(EnforcementLevel.Advisory, EnforcementLevel.Mandatory);

    /// <summary>Evaluated only in production, as a warning ("prod: A", prod-only).</summary>
    public static readonly Enforcement AdvisoryInProduction = new(EnforcementLevel.Disabled, EnforcementLevel.Advisory);

    public EnforcementLevel For(bool production) => production ? Production : NonProduction;

    /// <summary>In words, for help texts: "mandatory in every environment", "advisory outside production, mandatory in production", …</summary>
    public string Describe() => NonProduction == Production
        ? $"{Word(Production)} in every environment"
        : NonProduction == EnforcementLevel.Disabled
            ? $"{Word(Production)}, production only"
            : $"{Word(NonProduction)} outside production, {Word(Production)} in production";

    private static string Word(EnforcementLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The catalogue's notation: <c>M</c>, <c>A</c>, <c>prod: M</c>, <c>prod: A</c>.</summary>
    public override string ToString() => NonProduction == Production
        ? Letter(Production)
        : NonProduction == EnforcementLevel.Disabled || NonProduction == EnforcementLevel.Advisory
            ? $"prod: {Letter(Production)}"
            : $"{Letter(NonProduction)}; prod: {Letter(Production)}";

    private static string Letter(EnforcementLevel level) => level switch
    {
        EnforcementLevel.Mandatory => "M",
        EnforcementLevel.Advisory => "A",
        _ => "off",
    };
}

public static class SeverityExtensions
{
    /// <summary>The numeric string GitHub code scanning reads from <c>properties.security-severity</c>.</summary>
    public static string SecuritySeverity(this Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };
}
