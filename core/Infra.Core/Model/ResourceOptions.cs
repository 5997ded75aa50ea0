using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// Resource options, as in Pulumi .NET, limited to what Pulumi YAML can express. Options that YAML
/// accepts only as literals are typed as plain C# values, so an output can never be passed to them.
/// </summary>
public abstract record ResourceOptions
{
    /// <summary>The parent in Infra's resource tree. Component parents are flattened away in the program.</summary>
    public Resource? Parent { get; init; }

    /// <summary>Explicit dependencies; a component stands for every custom resource within it.</summary>
    public IReadOnlyList<Resource>? DependsOn { get; init; }

    /// <summary>Refuse deletion. A literal or a config reference; never an output of a resource. Default: inherited from the parent.</summary>
    public Input<bool>? Protect { get; init; }

    public IReadOnlyList<string>? IgnoreChanges { get; init; }

    /// <summary>Provider plugin version (literal semver).</summary>
    public string? Version { get; init; }

    /// <summary>The explicit provider. Default: the parent's provider for this package, else the package's default provider.</summary>
    public ProviderResource? Provider { get; init; }

    public CustomTimeouts? CustomTimeouts { get; init; }

    public IReadOnlyList<Alias>? Aliases { get; init; }

    public IReadOnlyList<string>? ReplaceOnChanges { get; init; }

    public string? PluginDownloadURL { get; init; }

    /// <summary>Leave the cloud resource in place when it is removed from the program. Default: inherited from the parent.</summary>
    public bool? RetainOnDelete { get; init; }

    public Resource? DeletedWith { get; init; }

    public IReadOnlyList<Resource>? ReplaceWith { get; init; }

    public IReadOnlyList<string>? HideDiffs { get; init; }

    /// <summary>Any value; a change of it replaces the resource.</summary>
    public Input? ReplacementTrigger { get; init; }
}

public sealed record CustomResourceOptions : ResourceOptions
{
    public bool? DeleteBeforeReplace { get; init; }

    public IReadOnlyList<string>? AdditionalSecretOutputs { get; init; }

    /// <summary>Adopt an existing cloud resource with this ID (<c>import</c>, literal).</summary>
    public string? ImportId { get; init; }

    /// <summary>Read an existing resource instead of managing it (<c>get: {id}</c>); the args become its <c>state</c>.</summary>
    public Input<string>? Id { get; init; }

    /// <summary>Provider resources only: environment variables remapped for the provider.</summary>
    public IReadOnlyDictionary<string, string>? EnvVarMappings { get; init; }
}

public sealed record ComponentResourceOptions : ResourceOptions
{
    /// <summary>Providers inherited by descendants, one per package.</summary>
    public IReadOnlyList<ProviderResource>? Providers { get; init; }
}

/// <summary>Create/update/delete/read time limits, written as Go durations (<c>30m</c>, <c>1h30m</c>).</summary>
public sealed record CustomTimeouts
{
    public TimeSpan? Create { get; init; }

    public TimeSpan? Update { get; init; }

    public TimeSpan? Delete { get; init; }

    public TimeSpan? Read { get; init; }
}

/// <summary>A previous identity of a resource, so that renaming or re-parenting does not replace it.</summary>
public sealed record Alias
{
    /// <summary>A complete old URN; when set, the other fields must be empty.</summary>
    public string? Urn { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    /// <summary>The old parent, a custom resource in the program (components are flattened: use <see cref="ParentUrn"/>).</summary>
    public Resource? Parent { get; init; }

    public string? ParentUrn { get; init; }

    public bool NoParent { get; init; }

    public string? Stack { get; init; }

    public string? Project { get; init; }
}

/// <summary>Marks a stack property whose value is exported as a stack output.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;
}
