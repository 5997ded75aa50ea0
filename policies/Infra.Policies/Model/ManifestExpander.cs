using Infra.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies;

/// <summary>
/// Opens a <c>kubernetes:yaml/v2:ConfigGroup</c> into the Kubernetes objects Pulumi will register for it
/// (from <c>objs</c> and the <c>yaml</c> text), named and typed as the provider names and types them:
/// <c>{resourcePrefix or group name}-{namespace/}{name}</c>, <c>kubernetes:{group/version}:{Kind}</c>.
/// Content that cannot be read now (<c>files</c>, expressions, invalid YAML) becomes an opaque entry,
/// which the engine reports as not evaluable.
/// </summary>
internal static class ManifestExpander
{
    public const string ConfigGroupType = "kubernetes:yaml/v2:ConfigGroup";

    public static IEnumerable<PolicyResource> Expand(PolicyResource group, ReadRecorder? reads)
    {
        var prefix = group["resourcePrefix"].AsString() ?? group.LogicalName;
        var children = new List<PolicyResource>();
        var objects = group["objs"];
        if (objects.IsUnknown)
        {
            children.Add(Opaque(group, objects, "is an expression: its objects are only known at deploy time"));
        }

        foreach (var item in objects.Items)
        {
            AddObject(group, prefix, item.Node, item.Path, item, children, reads);
        }

        var yaml = group["yaml"];
        var texts = yaml.Node is ListNode ? yaml.Items : yaml.IsAbsent ? [] : [yaml];
        foreach (var text in texts)
        {
            if (text.AsString() is not { } manifest)
            {
                children.Add(Opaque(group, text, "is an expression: its manifests are only known at deploy time"));
                continue;
            }

            AddDocuments(group, prefix, manifest, text, children, reads);
        }

        var files = group["files"];
        if (!files.IsAbsent && !(files.Node is ListNode { Items.Count: 0 }))
        {
            children.Add(Opaque(group, files, "lists manifest files, which the provider reads at deploy time; they are not checked here"));
        }

        return children;
    }

    private static void AddDocuments(PolicyResource group, string prefix, string manifest, PropertyValue at,
        List<PolicyResource> children, ReadRecorder? reads)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(manifest));
        }
        catch (YamlException e)
        {
            children.Add(Opaque(group, at, $"is not valid YAML (line {e.Start.Line}: {e.InnerException?.Message ?? e.Message})"));
            return;
        }

        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var node = YamlNodes.Convert(stream.Documents[i].RootNode, yaml11: true, text => new StringNode(text));
            if (node is MapNode { Entries.Count: > 0 })
            {
                AddObject(group, prefix, node, $"{at.Path}[document {i}]", at, children, reads);
            }
        }
    }

    private static void AddObject(PolicyResource group, string prefix, Node? node, string path, PropertyValue at,
        List<PolicyResource> children, ReadRecorder? reads)
    {
        if (node is ListNode nested)
        {
            for (var i = 0; i < nested.Items.Count; i++)
            {
                AddObject(group, prefix, nested.Items[i], $"{path}[{i}]", at, children, reads);
            }

            return;
        }

        if (node is not MapNode map || map["apiVersion"] is not StringNode apiVersion || map["kind"] is not StringNode kind)
        {
            children.Add(Opaque(group, at, "holds an object whose apiVersion and kind are not literal, so it cannot be checked"));
            return;
        }

        if (kind.Value.EndsWith("List", StringComparison.Ordinal) && map["items"] is ListNode items)
        {
            for (var i = 0; i < items.Items.Count; i++)
            {
                AddObject(group, prefix, items.Items[i], $"{path}.items[{i}]", at, children, reads);
            }

            return;
        }

        var type = TypeOf(apiVersion.Value, kind.Value);
        var body = new MapNode(map.Entries.Where(e => e.Key is not ("apiVersion" or "kind")).ToArray());
        var metadata = body["metadata"] as MapNode;
        var name = metadata?["name"] is StringNode n ? n.Value : "(unnamed)";
        var logicalName = metadata?["namespace"] is StringNode ns && ns.Value.Length > 0
            ? $"{prefix}-{ns.Value}/{name}"
            : $"{prefix}-{name}";
        var separator = group.Urn.LastIndexOf("::", StringComparison.Ordinal);
        var urn = $"{group.Urn[..separator]}${type}::{logicalName}";
        children.Add(new PolicyResource(group.Declaration, $"{group.Key}/{path}", logicalName, type, urn,
            new PropertyValue(body, "", "", type, reads), group, path));
    }

    /// <summary><c>v1</c> is the core group: <c>kubernetes:core/v1:Pod</c>; others keep their group: <c>kubernetes:apps/v1:Deployment</c>.</summary>
    public static string TypeOf(string apiVersion, string kind) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? $"kubernetes:{apiVersion}:{kind}" : $"kubernetes:core/{apiVersion}:{kind}";

    private static PolicyResource Opaque(PolicyResource group, PropertyValue at, string reason) =>
        new(group.Declaration, $"{group.Key}/{at.Path}", group.LogicalName, group.Type, group.Urn, at, group, at.Path,
            $"{at.Path} {reason}");
}
