using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>
/// Turns Infra's resource tree into a flat Pulumi YAML program. YAML programs cannot declare components,
/// so each custom resource stands at top level with what it would have inherited from its component
/// ancestors written out: provider, protect and retainOnDelete.
/// </summary>
public static class Synthesizer
{
    public static ProgramDocument Synthesize(Deployment deployment, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var declarations = new List<ResourceDecl>(deployment.Resources.Count);
        foreach (var resource in deployment.Resources)
        {
            if (resource is CustomResource custom)
            {
                declarations.Add(Lower(custom));
            }
        }

        var program = new ProgramDocument
        {
            Name = deployment.ProjectName,
            Description = description,
            Resources = declarations,
            Outputs = deployment.Outputs,
            Deployment = deployment,
        };

        var cycles = DependencyGraph.FindCycles(program);
        if (cycles.Count > 0)
        {
            throw new InfraException(cycles);
        }

        return program;
    }

    private static ResourceDecl Lower(CustomResource resource)
    {
        var key = resource.Key!;
        var custom = resource.Options;
        var options = new List<KeyValuePair<string, Node>>();

        // A custom parent is a real resource of the program; component parents are flattened away.
        if (resource.Parent is CustomResource customParent)
        {
            options.Add(new("parent", Ref(customParent)));
        }

        var provider = Inherited.ProviderFor(resource);
        if (provider is not null && !(provider.IsDefault && custom.Provider is null))
        {
            options.Add(new("provider", Ref(provider)));
        }

        AddResources(options, "dependsOn", custom.DependsOn);
        if (Inherited.Protect(resource) is { Node: { } protect })
        {
            options.Add(new("protect", protect));
        }

        AddStrings(options, "ignoreChanges", custom.IgnoreChanges);
        if (custom.Version is not null)
        {
            options.Add(new("version", new StringNode(custom.Version)));
        }

        if (custom.CustomTimeouts is { } timeouts)
        {
            options.Add(new("customTimeouts", Durations.Lower(timeouts)));
        }

        if (custom.Aliases is { Count: > 0 } aliases)
        {
            options.Add(new("aliases", new ListNode(aliases.Select(LowerAlias).ToArray())));
        }

        AddStrings(options, "replaceOnChanges", custom.ReplaceOnChanges);
        if (custom.PluginDownloadURL is not null)
        {
            options.Add(new("pluginDownloadURL", new StringNode(custom.PluginDownloadURL)));
        }

        if (Inherited.RetainOnDelete(resource) is { } retain)
        {
            options.Add(new("retainOnDelete", BoolNode.Of(retain)));
        }

        if (custom.DeletedWith is { } deletedWith)
        {
            options.Add(new("deletedWith", Ref(deletedWith.CustomResourcesWithin().FirstOrDefault() ??
                throw new InvalidOperationException($"deletedWith of '{resource.Name}': component '{deletedWith.Name}' has no resources."))));
        }

        AddResources(options, "replaceWith", custom.ReplaceWith);
        AddStrings(options, "hideDiffs", custom.HideDiffs);
        if (custom.ReplacementTrigger is { Node: { } trigger })
        {
            options.Add(new("replacementTrigger", trigger));
        }

        if (custom.DeleteBeforeReplace is { } deleteBeforeReplace)
        {
            options.Add(new("deleteBeforeReplace", BoolNode.Of(deleteBeforeReplace)));
        }

        AddStrings(options, "additionalSecretOutputs", custom.AdditionalSecretOutputs);
        if (custom.ImportId is not null)
        {
            options.Add(new("import", new StringNode(custom.ImportId)));
        }

        if (custom.EnvVarMappings is { Count: > 0 } mappings)
        {
            options.Add(new("envVarMappings", new MapNode(mappings.OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => new KeyValuePair<string, Node>(m.Key, new StringNode(m.Value))).ToArray())));
        }

        var isRead = custom.Id is { Node: not null };
        return new ResourceDecl
        {
            Key = key,
            Type = resource.Type,
            Name = resource.Name == key ? null : resource.Name,
            DefaultProvider = resource is ProviderResource { IsDefault: true },
            Properties = isRead || resource.Properties.Entries.Count == 0 ? null : resource.Properties,
            Options = options.Count == 0 ? null : new MapNode(options.ToArray()),
            Get = isRead ? ReadSpec(custom.Id!.Value.Node!, resource.Properties) : null,
            DeclaredAt = resource.DeclaredAt,
            Model = resource,
        };
    }

    private static MapNode ReadSpec(Node id, MapNode state) => state.Entries.Count == 0
        ? new MapNode([new("id", id)])
        : new MapNode([new("id", id), new("state", state)]);

    private static Node LowerAlias(Alias alias)
    {
        if (alias.Urn is not null)
        {
            return new StringNode(alias.Urn);
        }

        var entries = new List<KeyValuePair<string, Node>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                entries.Add(new(key, new StringNode(value)));
            }
        }

        Add("name", alias.Name);
        Add("type", alias.Type);
        if (alias.Parent is not null)
        {
            entries.Add(new("parent", Ref(alias.Parent)));
        }
        else
        {
            Add("parent", alias.ParentUrn);
        }

        if (alias.NoParent)
        {
            entries.Add(new("noParent", BoolNode.True));
        }

        Add("stack", alias.Stack);
        Add("project", alias.Project);
        return new MapNode(entries.ToArray());
    }

    private static ReferenceNode Ref(Resource resource) => new(resource.RequireKey(), []);

    private static void AddResources(List<KeyValuePair<string, Node>> options, string name, IReadOnlyList<Resource>? resources)
    {
        if (resources is not { Count: > 0 })
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<Node>();
        foreach (var custom in resources.SelectMany(r => r.CustomResourcesWithin()))
        {
            if (seen.Add(custom.Key!))
            {
                references.Add(Ref(custom));
            }
        }

        if (references.Count > 0)
        {
            options.Add(new(name, new ListNode(references.ToArray())));
        }
    }

    private static void AddStrings(List<KeyValuePair<string, Node>> options, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            options.Add(new(name, new ListNode(values.Select(v => (Node)new StringNode(v)).ToArray())));
        }
    }
}
