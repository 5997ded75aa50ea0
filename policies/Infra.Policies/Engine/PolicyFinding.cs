using System.Security.Cryptography;
using System.Text;

namespace Infra.Policies;

public enum FindingStatus
{
    /// <summary>The resource breaks the rule.</summary>
    Violation,

    /// <summary>The value the rule needs is an expression; mandatory rules fail closed on it.</summary>
    CannotEvaluate,

    /// <summary>A valid exemption covers the finding.</summary>
    Exempted,

    /// <summary>An exemption past its expiry date.</summary>
    ExpiredExemption,
}

/// <summary>
/// Where a finding is: the resource, its URN and the source line that declared it. <c>File</c>/<c>Line</c> are the
/// repository-relative C# file and line (or the YAML program file and line); <c>DeclaredVia</c> lists the component
/// declarations it sits in, outermost last; <c>Container</c> is the ConfigGroup of a Kubernetes object.
/// </summary>
public sealed record ResourceRef(
    string Key,
    string LogicalName,
    string Type,
    string Urn,
    string? File,
    int? Line,
    IReadOnlyList<(string File, int Line)> DeclaredVia,
    ResourceRef? Container = null)
{
    public string Label => Container is null ? $"'{LogicalName}' ({Type})" : $"'{LogicalName}' ({Type} in '{Container.LogicalName}')";

    public string Location => File is null ? "(unknown location)" : Line is null ? File : $"{File}:{Line}";
}

/// <summary>One result of one rule on one resource property.</summary>
public sealed record PolicyFinding
{
    public required string RuleId { get; init; }

    public required string RuleTitle { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The enforcement that applied in this environment (after config overrides).</summary>
    public required EnforcementLevel Level { get; init; }

    public required FindingStatus Status { get; init; }

    public required ResourceRef Resource { get; init; }

    /// <summary>The property path concerned, e.g. <c>settings.ipConfiguration.ipv4Enabled</c>; <c>&lt;Type&gt;</c> for a missing companion resource.</summary>
    public required string PropertyPath { get; init; }

    /// <summary>The offending value as written, <c>(not set; defaults to …)</c>, or the expression that hides it.</summary>
    public required string Value { get; init; }

    public required string Problem { get; init; }

    public required string Fix { get; init; }

    /// <summary>The whole story in one sentence: resource, path, value, problem and fix.</summary>
    public required string Message { get; init; }

    /// <summary>The exemption that covers (or covered, if expired) this finding.</summary>
    public Exemption? Exemption { get; init; }

    /// <summary>Stable across runs and line moves: a hash of rule id, URN and property path.</summary>
    public string Fingerprint => FingerprintOf(RuleId, Resource.Urn, PropertyPath);

    /// <summary>True when it fails the run: a mandatory violation, a mandatory unknown, or an expired mandatory exemption.</summary>
    public bool IsBlocking => Level == EnforcementLevel.Mandatory && Status != FindingStatus.Exempted;

    public static string FingerprintOf(string ruleId, string urn, string path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{urn}\n{path}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}

/// <summary>A (rule, resource) pair that was evaluated and passed.</summary>
public sealed record RuleEvaluation(string RuleId, ResourceRef Resource);

public enum ExemptionState
{
    /// <summary>Valid, and it covered at least one finding.</summary>
    Applied,

    /// <summary>Valid, but nothing needed it (the resource complies, or is gone).</summary>
    Unused,

    /// <summary>Past its expiry date: reported as a violation.</summary>
    Expired,
}

public sealed record ExemptionUse(Exemption Exemption, ExemptionState State, int CoveredFindings);

/// <summary>A rule as it applied in this run.</summary>
public sealed record RuleOutcome(PolicyRule Rule, EnforcementLevel Level, bool Overridden);

/// <summary>A failure of the engine itself (a rule threw, or the configuration names an unknown rule).</summary>
public sealed record PolicyError(string? RuleId, string? Resource, string Message);
