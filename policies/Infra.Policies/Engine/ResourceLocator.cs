namespace Infra.Policies;

/// <summary>Builds report references for resources: URN, the declaring source line and the component chain.</summary>
internal sealed class ResourceLocator(PolicyProgram program, PolicyContext context, string stack, string project)
{
    private const string StackType = "pulumi:pulumi:Stack";
    private readonly Dictionary<PolicyResource, ResourceRef> cache = [];
    private ResourceRef? stackRef;

    /// <summary>The reference for a resource; for null, the stack itself (findings about the program as a whole).</summary>
    public ResourceRef Ref(PolicyResource? resource)
    {
        if (resource is null)
        {
            return stackRef ??= StackRef();
        }

        if (cache.TryGetValue(resource, out var known))
        {
            return known;
        }

        var (file, line) = Where(resource);
        var via = new List<(string, int)>();
        foreach (var ancestor in resource.Declaration.Model?.SelfAndAncestors().Skip(1) ?? [])
        {
            if (ancestor.DeclaredAt.IsKnown)
            {
                via.Add((ancestor.DeclaredAt.RelativeFile, ancestor.DeclaredAt.Line));
            }
        }

        var reference = new ResourceRef(resource.Key, resource.LogicalName, resource.Type, resource.Urn, file, line, via,
            resource.Container is { } container ? Ref(container) : null);
        cache[resource] = reference;
        return reference;
    }

    /// <summary>The resource an exemption names, if the program has it.</summary>
    public PolicyResource? Find(string name) => program.Resources.FirstOrDefault(r =>
        !r.IsOpaque && (r.Key == name || r.LogicalName == name || r.Urn == name));

    private (string File, int Line) Where(PolicyResource resource)
    {
        if (resource.DeclaredAt.IsKnown)
        {
            return (resource.DeclaredAt.RelativeFile, resource.DeclaredAt.Line);
        }

        return (context.ProgramFile ?? "Pulumi.yaml", resource.YamlLine ?? 1);
    }

    private ResourceRef StackRef()
    {
        var name = $"{project}-{stack}";
        var root = program.Document.Deployment?.Root?.DeclaredAt;
        var (file, line) = root is { IsKnown: true } declared
            ? (declared.RelativeFile, declared.Line)
            : (context.ProgramFile ?? "Pulumi.yaml", 1);
        return new ResourceRef(name, name, StackType, $"urn:pulumi:{stack}::{project}::{StackType}::{name}", file, line, []);
    }
}
