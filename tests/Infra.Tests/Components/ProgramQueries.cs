using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components;

/// <summary>Reads synthesized programs the way a policy would: by type token and schema property path.</summary>
internal static class ProgramQueries
{
    public static IReadOnlyList<ResourceDecl> OfType(this ProgramDocument program, string type) =>
        [.. program.Resources.Where(r => r.Type == type)];

    public static ResourceDecl Single(this ProgramDocument program, string type) => Assert.Single(program.OfType(type));

    /// <summary>The value at a dotted path (<c>vpcConfig.endpointPublicAccess</c>, <c>master.zonal.zone</c>), or null.</summary>
    public static Node? Get(this ResourceDecl resource, string path)
    {
        Node? current = resource.Properties;
        foreach (var part in path.Split('.'))
        {
            current = current is MapNode map ? map[part] : null;
        }

        return current;
    }

    public static bool? Bool(this ResourceDecl resource, string path) => resource.Get(path) is BoolNode b ? b.Value : null;

    public static string? Text(this ResourceDecl resource, string path) => resource.Get(path) is StringNode s ? s.Value : null;

    public static long? Integer(this ResourceDecl resource, string path) => resource.Get(path) is IntegerNode i ? i.Value : null;

    public static IReadOnlyList<Node> List(this ResourceDecl resource, string path) =>
        resource.Get(path) is ListNode list ? list.Items : [];

    public static IReadOnlyList<string> Strings(this ResourceDecl resource, string path) =>
        [.. resource.List(path).Select(n => Assert.IsType<StringNode>(n).Value)];

    public static Node? Get(this Node node, string key) => node is MapNode map ? map[key] : null;

    public static string? Text(this Node node, string key) => node.Get(key) is StringNode s ? s.Value : null;

    public static IReadOnlyList<string> Strings(this Node node, string key) =>
        node.Get(key) is ListNode list ? [.. list.Items.Select(n => Assert.IsType<StringNode>(n).Value)] : [];

    /// <summary>True when <paramref name="node"/> is a reference to <paramref name="resource"/> or one of its outputs.</summary>
    public static bool References(this Node? node, ResourceDecl resource) => node is ReferenceNode r && r.Root == resource.Key;

    /// <summary>Every string literal anywhere in a value.</summary>
    public static IEnumerable<string> AllStrings(Node? node) => node switch
    {
        StringNode s => [s.Value],
        ListNode list => list.Items.SelectMany(AllStrings),
        MapNode map => map.Entries.SelectMany(e => AllStrings(e.Value)),
        FunctionNode f => AllStrings(f.Argument),
        InterpolationNode i => i.Parts.SelectMany(AllStrings),
        _ => [],
    };

    /// <summary>The custom resources a component created, in declaration order.</summary>
    public static IReadOnlyList<Resource> Children(this ComponentResource component) => [.. component.CustomResourcesWithin()];
}
