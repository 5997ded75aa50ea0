using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>
/// The program's PodDisruptionBudgets by namespace and by the first label their selector asks for, built once per
/// evaluation. Finding the budgets that might select a workload's pods is then a few lookups, whether its namespace
/// holds one workload or thousands (INF-WL-014 runs for every Deployment and StatefulSet).
/// </summary>
internal sealed class DisruptionBudgets
{
    private readonly Dictionary<string, InNamespace> byNamespace = new(StringComparer.Ordinal);
    private readonly InNamespace unknownNamespace = new();

    public DisruptionBudgets(PolicyProgram program)
    {
        foreach (var budget in program.OfType(K8s.PodDisruptionBudget))
        {
            var name = KubernetesObjects.NamespaceOf(program, budget).Name;
            InNamespace space;
            if (name is null)
            {
                space = unknownNamespace;
            }
            else if (!byNamespace.TryGetValue(name, out space!))
            {
                byNamespace[name] = space = new InNamespace();
            }

            space.Add(new Budget(budget, budget["spec"]["selector"]["matchLabels"]));
        }
    }

    /// <summary>
    /// Every budget in namespace <paramref name="namespaceName"/> (null: a namespace that is an expression) for which
    /// <see cref="KubernetesObjects.Selects"/> with <paramref name="podLabels"/> may be true or unknown. The budgets left
    /// out select on a first label the pods have with another value, or do not have: they cannot select the pods.
    /// </summary>
    public IEnumerable<Budget> Candidates(string? namespaceName, PropertyValue podLabels)
    {
        var space = namespaceName is null ? unknownNamespace : byNamespace.GetValueOrDefault(namespaceName);
        if (space is null)
        {
            return [];
        }

        if (podLabels.Node is not MapNode labels)
        {
            return space.All;
        }

        var candidates = new List<Budget>(space.Others);
        foreach (var (key, value) in labels.Entries)
        {
            if (value is StringNode text)
            {
                candidates.AddRange(space.ByFirstLabel.GetValueOrDefault((key, text.Value)) ?? []);
            }
            else
            {
                // Not a literal label value: a selector on this key is undecidable, whatever value it wants.
                candidates.AddRange(space.ByFirstKey.GetValueOrDefault(key) ?? []);
            }
        }

        return candidates;
    }

    /// <summary>A budget and its <c>spec.selector.matchLabels</c>.</summary>
    internal sealed record Budget(PolicyResource Resource, PropertyValue Selector);

    private sealed class InNamespace
    {
        public List<Budget> All { get; } = [];

        /// <summary>Budgets whose selector is absent, empty, not a map, or whose first wanted value is not literal.</summary>
        public List<Budget> Others { get; } = [];

        public Dictionary<(string Key, string Value), List<Budget>> ByFirstLabel { get; } = [];

        public Dictionary<string, List<Budget>> ByFirstKey { get; } = new(StringComparer.Ordinal);

        public void Add(Budget budget)
        {
            All.Add(budget);
            if (budget.Selector.Node is MapNode { Entries: [var (key, first), ..] } && first is StringNode wanted)
            {
                Append(ByFirstLabel, (key, wanted.Value), budget);
                Append(ByFirstKey, key, budget);
            }
            else
            {
                Others.Add(budget);
            }
        }

        private static void Append<TKey>(Dictionary<TKey, List<Budget>> index, TKey key, Budget budget)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var budgets))
            {
                index[key] = budgets = [];
            }

            budgets.Add(budget);
        }
    }
}
