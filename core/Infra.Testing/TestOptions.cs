namespace Infra.Testing;

/// <summary>How a program is run in a test. Config is given in memory: no environment variables, nothing global.</summary>
public sealed record TestOptions
{
    public string ProjectName { get; init; } = "infra";

    public string StackName { get; init; } = "test";

    public string OrganizationName { get; init; } = "organization";

    /// <summary>Plain config values; keys without a namespace belong to the project (<c>appName</c> = <c>infra:appName</c>).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret config values. The program only ever sees references; the values are used when outputs are evaluated.</summary>
    public IReadOnlyDictionary<string, string> SecretConfig { get; init; } = new Dictionary<string, string>();
}
