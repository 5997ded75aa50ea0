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

    internal PolicyProgram(ProgramDocument document, string stack, string project, Func<string, string?>? resolver, ReadRecorder? reads)
    {
        Document = document;
        var resources = new List<PolicyResource>();
        foreach (var declaration in document.Resources)
        {
            var type = TypeTokens.Canonical(declaration.Type, resolver);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var urn = ProgramDocument.UrnOf(stack, project, Canonical(declaration, type),
                key => visited.Add(key) ? ParentOf(document, key, resolver) : null);
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

    /// <summary>Resources of <paramref name="type"/> whose <paramref name="property"/> refers to <paramref name="target"/>.</summary>
    public IEnumerable<PolicyResource> Referencing(PolicyResource target, string type, string property, params string?[] literalNames) =>
        OfType(type).Where(r => RefersTo(r[property], target, literalNames));

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
