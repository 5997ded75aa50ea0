using System.Collections.Concurrent;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Policies;

/// <summary>
/// The program as rules see it: every managed resource and every Kubernetes object inside a ConfigGroup,
/// with canonical types and URNs, plus lookups that follow <c>${…}</c> references between resources.
/// </summary>
public sealed class PolicyProgram
{
    private readonly Dictionary<string, PolicyResource> byKey = new(StringComparer.Ordinal);
    private readonly ILookup<string, PolicyResource> byType;
    private readonly ILookup<string, int> positionsByType;
    private readonly int[] opaquePositions;
    // Built on first use; concurrent, so that the program stays safe to read from several threads.
    private readonly ConcurrentDictionary<(string Type, string Property), ReferenceIndex> references = new();
    private readonly ConcurrentDictionary<(string Type, string Property), (HashSet<string> Keys, HashSet<string> Names)> targets = new();
    private readonly ConcurrentDictionary<Type, object> indexes = new();

    internal PolicyProgram(ProgramDocument document, string stack, string project, Func<string, string?>? resolver, ReadRecorder? reads)
    {
        Document = document;
        var resources = new List<PolicyResource>();
        foreach (var declaration in document.Resources)
        {
            var type = TypeTokens.Canonical(declaration.Type, resolver);
            string urn;
            if (declaration.Options?["parent"] is ReferenceNode { Path.Count: 0 })
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                urn = ProgramDocument.UrnOf(stack, project, Canonical(declaration, type),
                    key => visited.Add(key) ? ParentOf(document, key, resolver) : null);
            }
            else
            {
                // No parent (components are flattened away): the URN names the resource's own type only.
                urn = ProgramDocument.UrnOf(stack, project, Canonical(declaration, type), NoParent);
            }

            var properties = declaration.Properties ?? MapNode.Empty;
            var resource = new PolicyResource(declaration, declaration.Key, declaration.LogicalName, type, urn,
                new PropertyValue(properties, "", "", type, reads));
            resources.Add(resource);
            byKey[resource.Key] = resource;
            if (resource.Is(ManifestExpander.ConfigGroupType) && !resource.IsRead)
            {
                resources.AddRange(ManifestExpander.Expand(resource, reads));
            }
        }

        Resources = resources;
        byType = resources.Where(r => !r.IsOpaque).ToLookup(r => r.Type, TypeTokens.Comparer);
        positionsByType = Enumerable.Range(0, resources.Count).Where(i => !resources[i].IsOpaque).ToLookup(i => resources[i].Type, TypeTokens.Comparer);
        opaquePositions = [.. Enumerable.Range(0, resources.Count).Where(i => resources[i].IsOpaque)];
    }

    public ProgramDocument Document { get; }

    /// <summary>Every resource and manifest object, in program order (objects follow their group).</summary>
    public IReadOnlyList<PolicyResource> Resources { get; }

    /// <summary>True when some ConfigGroup holds content that cannot be read now; stack rules then cannot prove an absence.</summary>
    public bool HasOpaqueManifests => Resources.Any(r => r.IsOpaque);

    public PolicyResource? ByKey(string key) => byKey.GetValueOrDefault(key);

    /// <summary>Managed resources and manifest objects of the given types.</summary>
    public IEnumerable<PolicyResource> OfType(params string[] types) =>
        types.SelectMany(t => byType[t]).Where(r => !r.IsRead);

    /// <summary>
    /// What the engine hands a resource rule, in program order: the resources of the rule's types, and the unreadable
    /// manifest content when the rule inspects manifests (so the engine can report it as not evaluable). Every other
    /// resource would find no check; skipping them keeps a pack of many rules linear in the program's size.
    /// </summary>
    internal IEnumerable<PolicyResource> JudgedBy(ResourceRule rule)
    {
        var positions = new List<int>();
        foreach (var type in rule.Types)
        {
            positions.AddRange(positionsByType[type]);
        }

        if (opaquePositions.Length > 0 && rule.InspectsManifests)
        {
            positions.AddRange(opaquePositions);
        }

        positions.Sort();
        for (var i = 0; i < positions.Count; i++)
        {
            if (i == 0 || positions[i] != positions[i - 1])
            {
                yield return Resources[positions[i]];
            }
        }
    }

    /// <summary>The resource a value points at (<c>${key}</c>, <c>${key.id}</c>, <c>${key.arn}</c>), if it is one of the program's.</summary>
    public PolicyResource? Referenced(PropertyValue value) =>
        value.Node is ReferenceNode reference ? ByKey(reference.Root) : null;

    /// <summary>
    /// True when the value refers to <paramref name="target"/>: a reference to it, an interpolation that
    /// contains one, or a literal equal to one of the target's known names (e.g. a bucket's <c>bucket</c>).
    /// </summary>
    public static bool RefersTo(PropertyValue value, PolicyResource target, params string?[] literalNames) => value.Node switch
    {
        ReferenceNode reference => reference.Root == target.Key,
        InterpolationNode interpolation => interpolation.Parts.OfType<ReferenceNode>().Any(r => r.Root == target.Key),
        StringNode text => literalNames.Any(n => n is not null && n == text.Value),
        _ => false,
    };

    /// <summary>Resources of <paramref name="type"/> whose <paramref name="property"/> refers to <paramref name="target"/>, in program order.</summary>
    public IEnumerable<PolicyResource> Referencing(PolicyResource target, string type, string property, params string?[] literalNames)
    {
        ArgumentNullException.ThrowIfNull(target);
        return References(type, property).Referencing(target.Key, literalNames);
    }

    /// <summary>
    /// True when <paramref name="value"/> refers to some resource of <paramref name="type"/>: a reference to it, an
    /// interpolation containing one, or a literal equal to its <paramref name="nameProperty"/>.
    /// </summary>
    internal bool RefersToAny(PropertyValue value, string type, string nameProperty)
    {
        var known = targets.GetOrAdd((type, nameProperty), static (key, program) =>
        {
            var resources = program.OfType(key.Type).ToArray();
            return (resources.Select(r => r.Key).ToHashSet(StringComparer.Ordinal),
                resources.Select(r => r[key.Property].AsString()).OfType<string>().ToHashSet(StringComparer.Ordinal));
        }, this);

        return value.Node switch
        {
            ReferenceNode reference => known.Keys.Contains(reference.Root),
            InterpolationNode interpolation => interpolation.Parts.OfType<ReferenceNode>().Any(r => known.Keys.Contains(r.Root)),
            StringNode text => known.Names.Contains(text.Value),
            _ => false,
        };
    }

    /// <summary>The index of which resources of <paramref name="type"/> refer to which others through <paramref name="property"/>.</summary>
    internal ReferenceIndex References(string type, string property) =>
        references.GetOrAdd((type, property), static (key, program) => new ReferenceIndex(program, program.OfType(key.Type), key.Property), this);

    /// <summary>
    /// Something rules derive from the whole program (an index), built on first use and kept for this evaluation, so
    /// that a rule run for each of N resources does not redo an O(N) scan each time.
    /// </summary>
    internal T Index<T>(Func<PolicyProgram, T> build)
        where T : class => (T)indexes.GetOrAdd(typeof(T), static (_, state) => state.build(state.program), (build, program: this));

    private static ResourceDecl? NoParent(string key) => null;

    private static ResourceDecl Canonical(ResourceDecl declaration, string type) => new()
    {
        Key = declaration.Key,
        Type = type,
        Name = declaration.Name,
    };

    private static ResourceDecl? ParentOf(ProgramDocument document, string key, Func<string, string?>? resolver)
    {
        if (document.FindResource(key)?.Options?["parent"] is not ReferenceNode { Path.Count: 0 } parent ||
            document.FindResource(parent.Root) is not { } declaration)
        {
            return null;
        }

        return Canonical(declaration, TypeTokens.Canonical(declaration.Type, resolver));
    }
}
