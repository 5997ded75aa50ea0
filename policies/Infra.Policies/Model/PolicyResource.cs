using Infra.Core;
using Infra.Core.Synthesis;

namespace Infra.Policies;

/// <summary>
/// One thing a rule judges: a resource of the program, or a Kubernetes object inside a
/// <c>kubernetes:yaml/v2:ConfigGroup</c> (which Pulumi registers as a child resource of the group).
/// </summary>
public sealed class PolicyResource
{
    // Every rule asks for these; cut from the type token once.
    private string? package;
    private string? kind;

    internal PolicyResource(ResourceDecl declaration, string key, string logicalName, string type, string urn,
        PropertyValue properties, PolicyResource? container = null, string? manifestPath = null, string? opaqueReason = null)
    {
        Declaration = declaration;
        Key = key;
        LogicalName = logicalName;
        Type = type;
        Urn = urn;
        Properties = properties;
        Container = container;
        ManifestPath = manifestPath;
        OpaqueReason = opaqueReason;
    }

    /// <summary>The key in the program; for a manifest object, the group's key and the object's place in it.</summary>
    public string Key { get; }

    /// <summary>The Pulumi logical name (for a manifest object, the name Pulumi gives the child resource).</summary>
    public string LogicalName { get; }

    /// <summary>The canonical type token, e.g. <c>aws:rds/instance:Instance</c> or <c>kubernetes:apps/v1:Deployment</c>.</summary>
    public string Type { get; }

    public string Urn { get; }

    /// <summary>The input properties (for a manifest object: the object without <c>apiVersion</c> and <c>kind</c>).</summary>
    public PropertyValue Properties { get; }

    /// <summary>The declaration this came from; the group's declaration for a manifest object.</summary>
    public ResourceDecl Declaration { get; }

    /// <summary>The ConfigGroup holding this manifest object; null for resources of the program.</summary>
    public PolicyResource? Container { get; }

    /// <summary>Where the object sits in its group: <c>objs[2]</c> or <c>yaml[0]</c> (the document index).</summary>
    public string? ManifestPath { get; }

    /// <summary>Set for group content that cannot be read at synthesis time (files, expressions, bad YAML).</summary>
    public string? OpaqueReason { get; }

    public bool IsOpaque => OpaqueReason is not null;

    /// <summary>A resource read with <c>get:</c>: it is not managed by the program, so rules do not judge it.</summary>
    public bool IsRead => Container is null && Declaration.Get is not null;

    public string Package => package ??= Type[..Type.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>The kind of a Kubernetes resource (the last part of the token).</summary>
    public string Kind => kind ??= Type[(Type.LastIndexOf(':') + 1)..];

    public SourceLocation DeclaredAt => Declaration.DeclaredAt;

    public int? YamlLine => Declaration.YamlLine;

    /// <summary>How messages name it: <c>'orders-db' (aws:rds/instance:Instance)</c>.</summary>
    public string Label => Container is null
        ? $"'{LogicalName}' ({Type})"
        : IsOpaque
            ? $"'{LogicalName}' ({Type}, {ManifestPath})"
            : $"'{LogicalName}' ({Type} in {Container.Type} '{Container.LogicalName}', {ManifestPath})";

    /// <summary>A top-level property, or a nested path (<c>settings.ipConfiguration.ipv4Enabled</c>).</summary>
    public PropertyValue this[string path] => Properties.Get(path);

    public PropertyValue Get(string path) => Properties.Get(path);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Label;
}
