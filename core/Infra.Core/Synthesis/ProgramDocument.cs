using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>One resource of a Pulumi YAML program.</summary>
public sealed class ResourceDecl
{
    public required string Key { get; init; }

    public required string Type { get; init; }

    /// <summary>The logical name when it differs from the key (written as <c>name:</c>).</summary>
    public string? Name { get; init; }

    public bool DefaultProvider { get; init; }

    public MapNode? Properties { get; init; }

    public MapNode? Options { get; init; }

    /// <summary><c>get: {id, state}</c> for resources that are read, not managed.</summary>
    public MapNode? Get { get; init; }

    /// <summary>The C# line that declared it; unknown for programs read from a file.</summary>
    public SourceLocation DeclaredAt { get; init; } = SourceLocation.Unknown;

    /// <summary>The line in the YAML file, for programs read from a file.</summary>
    public int? YamlLine { get; init; }

    /// <summary>Infra's model of the resource; null for programs read from a file.</summary>
    public CustomResource? Model { get; init; }

    public string LogicalName => Name ?? Key;
}

/// <summary>A Pulumi YAML program: what synthesis writes and what checks and policies read.</summary>
public sealed class ProgramDocument
{
    private Dictionary<string, ResourceDecl>? byKey;

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The <c>config:</c> block, for programs read from a file; Infra's programs declare none (config is referenced by full key).</summary>
    public MapNode? Config { get; init; }

    public IReadOnlyList<KeyValuePair<string, Node>> Variables { get; init; } = [];

    public required IReadOnlyList<ResourceDecl> Resources { get; init; }

    public IReadOnlyList<KeyValuePair<string, Node>> Outputs { get; init; } = [];

    /// <summary>The model the program was synthesized from; null for programs read from a file.</summary>
    public Deployment? Deployment { get; init; }

    public ResourceDecl? FindResource(string key)
    {
        byKey ??= Resources.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return byKey.GetValueOrDefault(key);
    }

    /// <summary>The URN Pulumi gives a top-level resource of this program.</summary>
    public static string UrnOf(string stack, string project, ResourceDecl resource, Func<string, ResourceDecl?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(parentOf);
        var first = parentOf(resource.Key);
        if (first is null)
        {
            return $"urn:pulumi:{stack}::{project}::{resource.Type}::{resource.LogicalName}";
        }

        var types = new List<string> { resource.Type };
        for (var parent = first; parent is not null; parent = parentOf(parent.Key))
        {
            types.Insert(0, parent.Type);
        }

        return $"urn:pulumi:{stack}::{project}::{string.Join('$', types)}::{resource.LogicalName}";
    }
}
