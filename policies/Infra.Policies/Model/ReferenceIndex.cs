using Infra.Core.Values;

namespace Infra.Policies;

/// <summary>
/// Which resources of one type point at which others through one property, built once per evaluation: a rule that
/// asks "which companions refer to this bucket?" for every bucket then looks the answer up instead of scanning
/// every companion, so the cost stays flat however many buckets the program has.
/// </summary>
internal sealed class ReferenceIndex
{
    private readonly PolicyResource[] resources;
    private readonly Dictionary<string, List<int>> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byLiteral = new(StringComparer.Ordinal);

    /// <param name="program">The program, to tell references to its resources from other expressions.</param>
    /// <param name="referrers">The resources of the type, in program order.</param>
    /// <param name="property">The top-level property that may refer to another resource.</param>
    public ReferenceIndex(PolicyProgram program, IEnumerable<PolicyResource> referrers, string property)
    {
        resources = referrers.ToArray();
        for (var i = 0; i < resources.Length; i++)
        {
            var value = resources[i][property];
            switch (value.Node)
            {
                case ReferenceNode reference:
                    Add(byKey, reference.Root, i);
                    break;
                case InterpolationNode interpolation:
                    foreach (var part in interpolation.Parts)
                    {
                        if (part is ReferenceNode inner)
                        {
                            Add(byKey, inner.Root, i);
                        }
                    }

                    break;
                case StringNode text:
                    Add(byLiteral, text.Value, i);
                    break;
            }

            HasUnresolved |= value.IsUnknown && program.Referenced(value) is null;
        }
    }

    /// <summary>True when some resource's property is an expression that names no resource of the program (it may name any).</summary>
    public bool HasUnresolved { get; }

    /// <summary>
    /// The resources whose property refers to the resource with <paramref name="key"/> (a reference, or an interpolation
    /// containing one) or equals one of <paramref name="literalNames"/>, in program order: what
    /// <see cref="PolicyProgram.RefersTo"/> would select.
    /// </summary>
    public IEnumerable<PolicyResource> Referencing(string key, IReadOnlyList<string?> literalNames)
    {
        var hits = new SortedSet<int>();
        if (byKey.TryGetValue(key, out var referencing))
        {
            hits.UnionWith(referencing);
        }

        foreach (var name in literalNames)
        {
            if (name is not null && byLiteral.TryGetValue(name, out var named))
            {
                hits.UnionWith(named);
            }
        }

        return hits.Select(i => resources[i]);
    }

    private static void Add(Dictionary<string, List<int>> index, string value, int position)
    {
        if (!index.TryGetValue(value, out var positions))
        {
            index[value] = positions = [];
        }

        if (positions.Count == 0 || positions[^1] != position)
        {
            positions.Add(position);
        }
    }
}
