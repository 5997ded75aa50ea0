using System.Collections;
using System.Text;

namespace Infra.Policies;

/// <summary>What every rule declares: identity, documentation, severity and default enforcement.</summary>
public abstract class PolicyRule
{
    /// <summary>The catalogue id, <c>INF-&lt;AREA&gt;-NNN</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One line: what must hold.</summary>
    public required string Title { get; init; }

    /// <summary>Why it matters and what exactly is checked, per cloud.</summary>
    public required string Description { get; init; }

    /// <summary>How to comply; shown with every violation that carries no more specific fix.</summary>
    public required string Help { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The default enforcement per environment. Findings may carry a different one for one aspect of the rule (see <see cref="EnforcementNote"/>).</summary>
    public required Enforcement Enforcement { get; init; }

    /// <summary>The catalogue's wording when parts of the rule differ in enforcement, e.g. "M for dangerous adds; prod: M for drop ALL".</summary>
    public string? EnforcementNote { get; init; }

    /// <summary>Public checks this rule corresponds to (checkov, KICS, Trivy, CIS).</summary>
    public IReadOnlyList<string> Anchors { get; init; } = [];

    /// <summary>The clouds (provider packages) the rule reads: <c>aws</c>, <c>gcp</c>, <c>yandex</c>, <c>kubernetes</c>.</summary>
    public abstract IReadOnlyList<string> Clouds { get; }

    /// <summary>The area of the catalogue: <c>NET</c>, <c>K8S</c>, <c>DATA</c>, …</summary>
    public string Area => Id.Split('-')[1];

    /// <summary>A stable identifier-like name for SARIF (<c>NoPublicDatabaseEndpoint</c>-style, from the title).</summary>
    public string Name
    {
        get
        {
            var name = new StringBuilder();
            foreach (var word in Title.Split([' ', '-', '/', ',', ';', ':', '(', ')', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.All(char.IsAsciiLetterOrDigit))
                {
                    name.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
                }
            }

            return name.ToString();
        }
    }

    public override string ToString() => $"{Id} {Title}";
}

/// <summary>A rule judged one resource at a time; the check may still look at other resources through the program.</summary>
public sealed class ResourceRule : PolicyRule
{
    /// <summary>The check per type token; written as a collection initializer: <c>Checks = { { Aws.Subnet, Check } }</c>.</summary>
    public TypeChecks Checks { get; init; } = [];

    public IReadOnlyCollection<string> Types => Checks.Types;

    public override IReadOnlyList<string> Clouds => Checks.Types
        .Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when the rule judges Kubernetes objects, so unreadable ConfigGroup content is not evaluable for it.</summary>
    public bool InspectsManifests => Checks.Types.Any(t => t.StartsWith("kubernetes:", StringComparison.Ordinal) &&
        !t.StartsWith("kubernetes:helm.sh/", StringComparison.Ordinal) && !t.StartsWith("kubernetes:yaml/", StringComparison.Ordinal));
}

/// <summary>A rule over the whole program (e.g. every workload namespace has a default-deny NetworkPolicy).</summary>
public sealed class StackRule : PolicyRule
{
    public required IReadOnlyList<string> AppliesTo { get; init; }

    public required Action<PolicyProgram, RuleCheck> Check { get; init; }

    public override IReadOnlyList<string> Clouds => AppliesTo;
}

/// <summary>The checks of a resource rule by type token; written as a collection initializer.</summary>
public sealed class TypeChecks : IEnumerable<KeyValuePair<string, Action<PolicyResource, RuleCheck>>>
{
    private readonly Dictionary<string, Action<PolicyResource, RuleCheck>> checks = new(TypeTokens.Comparer);

    public IReadOnlyCollection<string> Types => checks.Keys;

    public void Add(string type, Action<PolicyResource, RuleCheck> check) => checks.Add(type, check);

    public void Add(IEnumerable<string> types, Action<PolicyResource, RuleCheck> check)
    {
        foreach (var type in types)
        {
            checks.Add(type, check);
        }
    }

    public Action<PolicyResource, RuleCheck>? For(string type) => checks.GetValueOrDefault(type);

    public IEnumerator<KeyValuePair<string, Action<PolicyResource, RuleCheck>>> GetEnumerator() => checks.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
