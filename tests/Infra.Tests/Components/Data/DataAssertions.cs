using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>Lookups and checks shared by the data tests.</summary>
internal static class DataAssertions
{
    /// <summary>The single child of <paramref name="component"/> of <paramref name="type"/>.</summary>
    public static ResourceDecl One(this ProgramDocument program, string component, string type) =>
        Assert.Single(program.ChildrenOf(component), r => r.Type == type);

    public static IReadOnlyList<ResourceDecl> All(this ProgramDocument program, string component, string type) =>
        [.. program.ChildrenOf(component).Where(r => r.Type == type)];

    /// <summary>True when the node is <c>${key.result}</c> of a random password of the program: a schema-secret output.</summary>
    public static bool IsRandomPassword(this ProgramDocument program, Node? node) =>
        node is ReferenceNode { Path: [{ Key: "result" }] } reference
        && program.FindResource(reference.Root)?.Type == "random:index/randomPassword:RandomPassword";

    /// <summary>True when the node is secret in the program: <c>fn::secret</c>, or a random password's result.</summary>
    public static bool IsSecret(this ProgramDocument program, Node? node) =>
        node is FunctionNode { Name: "secret" } || program.IsRandomPassword(node);

    /// <summary>True when the node references an output of a resource of <paramref name="type"/>.</summary>
    public static bool References(this ProgramDocument program, Node? node, string type) =>
        node is ReferenceNode reference && program.FindResource(reference.Root)?.Type == type;

    public static bool Protected(this ResourceDecl resource) => resource.Options.Bool("protect") == true;

    public static ResourceDecl Named(this ProgramDocument program, string logicalName) =>
        Assert.Single(program.Resources, r => r.LogicalName == logicalName);

    /// <summary>The provider a resource is bound to, as written in its options.</summary>
    public static string? ProviderKey(this ResourceDecl resource) =>
        resource.Options?["provider"] is ReferenceNode reference ? reference.Root : null;

    /// <summary>The node at a dotted path of maps (<c>settings.ipConfiguration.sslMode</c>), or null.</summary>
    public static Node? At(this Node? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node is MapNode map ? map[segment] : null;
        }

        return node;
    }

    public static string? Text(this Node? node, string path) => node.At(path) is StringNode s ? s.Value : null;

    public static long? Integer(this Node? node, string path) => node.At(path) is IntegerNode i ? i.Value : null;

    public static bool? Bool(this Node? node, string path) => node.At(path) is BoolNode b ? b.Value : null;

    public static IReadOnlyList<Node> Items(this Node? node, string path) => node.At(path) is ListNode list ? list.Items : [];

    public static IReadOnlyList<string> Strings(this Node? node, string path) => [.. node.Items(path).Select(i => ((StringNode)i).Value)];

    public static Dictionary<string, string> StringMap(this Node? node, string path) =>
        node.At(path) is MapNode map ? map.Entries.ToDictionary(e => e.Key, e => ((StringNode)e.Value).Value) : [];

    /// <summary>Every value in a node tree (maps, lists, function arguments, interpolation parts).</summary>
    public static IEnumerable<Node> Descendants(this Node? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        IEnumerable<Node> children = node switch
        {
            MapNode map => map.Entries.Select(e => e.Value),
            ListNode list => list.Items,
            FunctionNode function => [function.Argument],
            InterpolationNode interpolation => interpolation.Parts,
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    /// <summary>Every (key, value) pair of the maps of a node tree.</summary>
    public static IEnumerable<KeyValuePair<string, Node>> Entries(this Node? node) =>
        node.Descendants().OfType<MapNode>().SelectMany(m => m.Entries);
}
