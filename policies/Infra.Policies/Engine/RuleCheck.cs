namespace Infra.Policies;

/// <summary>What a rule reports about one place in a resource, before enforcement and exemptions apply.</summary>
internal sealed record RawFinding(
    PolicyResource? Resource,
    string Path,
    string Value,
    string Problem,
    string? Fix,
    FindingStatus Status,
    Enforcement? Enforcement);

/// <summary>
/// Handed to a rule's check: the context (environment, parameters, the whole program) and the way to report.
/// Rules only read; every report names a property path, its value, the problem and the fix.
/// </summary>
public sealed class RuleCheck
{
    private readonly List<RawFinding> sink;

    internal RuleCheck(PolicyResource? subject, PolicyProgram program, PolicyContext context, List<RawFinding> sink)
    {
        Subject = subject;
        Program = program;
        Context = context;
        this.sink = sink;
    }

    /// <summary>The resource reported on; null for findings about the stack as a whole.</summary>
    public PolicyResource? Subject { get; }

    public PolicyProgram Program { get; }

    public PolicyContext Context { get; }

    public bool IsProduction => Context.IsProduction;

    public PolicyParameters Parameters => Context.Parameters;

    /// <summary>Reports on another resource (stack rules attach findings to the resource concerned).</summary>
    public RuleCheck On(PolicyResource? resource) => new(resource, Program, Context, sink);

    /// <summary>The property holds a bad value (or is absent and its default is bad).</summary>
    public void Violation(PropertyValue at, string problem, string? fix = null, Enforcement? enforcement = null, string? shown = null) =>
        sink.Add(new RawFinding(Subject, at.Path, shown ?? at.Display(), problem, fix, FindingStatus.Violation, enforcement));

    /// <summary>A problem with the resource itself rather than one property (e.g. it should not exist).</summary>
    public void Flag(string path, string shown, string problem, string? fix = null, Enforcement? enforcement = null) =>
        sink.Add(new RawFinding(Subject, path, shown, problem, fix, FindingStatus.Violation, enforcement));

    /// <summary>The property's value is an expression, so the rule cannot decide now.</summary>
    public void CannotEvaluate(PropertyValue at, string? fix = null, Enforcement? enforcement = null) =>
        sink.Add(new RawFinding(Subject, at.Path, at.Display(), "is only known at deploy time", fix, FindingStatus.CannotEvaluate, enforcement));

    /// <summary>A companion resource the rule looks for is not in the program (e.g. no FlowLog for a VPC).</summary>
    public void Missing(string companion, string problem, string? fix = null, Enforcement? enforcement = null) =>
        sink.Add(new RawFinding(Subject, $"<{companion}>", "(none in the program)", problem, fix, FindingStatus.Violation, enforcement));

    /// <summary>A companion's existence cannot be decided (a reference or manifest hides it).</summary>
    public void CannotFind(string companion, string why, string? fix = null, Enforcement? enforcement = null) =>
        sink.Add(new RawFinding(Subject, $"<{companion}>", why, "cannot be confirmed at synthesis time",
            fix ?? "Refer to resources of the program directly (${key.id}) so the rule can follow the link, or exempt the resource with a justification.",
            FindingStatus.CannotEvaluate, enforcement));

    /// <summary>
    /// Reports an unknown value and returns false; returns true when the value is known or absent, so a
    /// rule can write <c>if (!c.Decidable(v)) return;</c>.
    /// </summary>
    public bool Decidable(PropertyValue value, Enforcement? enforcement = null)
    {
        if (value.IsUnknown)
        {
            CannotEvaluate(value, null, enforcement);
            return false;
        }

        return true;
    }

    /// <summary>Requires a boolean to be true. <paramref name="whenAbsent"/> is the provider's default.</summary>
    public void RequireTrue(PropertyValue value, bool whenAbsent, string problem, string? fix = null, Enforcement? enforcement = null)
    {
        if (!Decidable(value, enforcement))
        {
            return;
        }

        var actual = value.IsAbsent ? whenAbsent : value.AsBool();
        if (actual != true)
        {
            Violation(value, problem, fix, enforcement, Shown(value, whenAbsent));
        }
    }

    /// <summary>Forbids a boolean from being true. <paramref name="whenAbsent"/> is the provider's default.</summary>
    public void RequireNotTrue(PropertyValue value, bool whenAbsent, string problem, string? fix = null, Enforcement? enforcement = null)
    {
        if (!Decidable(value, enforcement))
        {
            return;
        }

        var actual = value.IsAbsent ? whenAbsent : value.AsBool();
        if (actual == true)
        {
            Violation(value, problem, fix, enforcement, Shown(value, whenAbsent));
        }
    }

    /// <summary>Requires a string from <paramref name="allowed"/> (case-insensitive). <paramref name="whenAbsent"/> is the provider's default, null if none.</summary>
    public void RequireOneOf(PropertyValue value, IReadOnlyCollection<string> allowed, string? whenAbsent, string problem,
        string? fix = null, Enforcement? enforcement = null)
    {
        if (!Decidable(value, enforcement))
        {
            return;
        }

        var actual = value.IsAbsent ? whenAbsent : value.AsString();
        if (actual is null || !allowed.Contains(actual, StringComparer.OrdinalIgnoreCase))
        {
            Violation(value, problem, fix, enforcement, value.IsAbsent && whenAbsent is not null ? $"(not set; defaults to \"{whenAbsent}\")" : null);
        }
    }

    /// <summary>
    /// Requires the property to be present (and not an empty string or list). An expression counts as present:
    /// a key or log group given as <c>${key.arn}</c> is set, whatever its value turns out to be.
    /// </summary>
    public void RequireSet(PropertyValue value, string problem, string? fix = null, Enforcement? enforcement = null)
    {
        if (value.IsAbsent || value.AsString() is "" || value.Node is Infra.Core.Values.ListNode { Items.Count: 0 })
        {
            Violation(value, problem, fix, enforcement);
        }
    }

    private static string? Shown(PropertyValue value, bool whenAbsent) =>
        value.IsAbsent ? $"(not set; defaults to {(whenAbsent ? "true" : "false")})" : null;
}
