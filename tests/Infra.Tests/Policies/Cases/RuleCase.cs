namespace Infra.Tests.Policies.Cases;

/// <summary>
/// One fixture for one rule: a program (the body of a Pulumi YAML <c>resources:</c> block) and the expected outcome.
/// A failing case names the property path the violation must point at (a prefix is enough).
/// </summary>
public sealed record RuleCase(string RuleId, string Cloud, string Name, string Resources, string? FailsAt = null, string Environment = "prod")
{
    /// <summary>Rule parameters for the case (e.g. a minimum Kubernetes version); the defaults when null.</summary>
    public Infra.Policies.PolicyParameters? Parameters { get; init; }

    public bool ShouldFail => FailsAt is not null;

    public override string ToString() => $"{RuleId} {Cloud} {(ShouldFail ? "fails" : "passes")}: {Name}";

    public static RuleCase Pass(string ruleId, string cloud, string name, string resources, string environment = "prod") =>
        new(ruleId, cloud, name, resources, null, environment);

    public static RuleCase Fail(string ruleId, string cloud, string name, string resources, string path, string environment = "prod") =>
        new(ruleId, cloud, name, resources, path, environment);
}
