using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>Builds in-cluster components against an explicit kubernetes provider and synthesizes the program.</summary>
internal static class ClusterProgram
{
    public static ProgramDocument Synthesize(Action<ComponentResourceOptions> build, string stack = "prod")
    {
        var deployment = Deployment.Run(StackConfig.FromValues("infra", stack), () =>
        {
            var k8s = new ProviderResource("kubernetes", "k8s", new Props { ["kubeconfig"] = "apiVersion: v1\nkind: Config\n" });
            build(new ComponentResourceOptions { Providers = [k8s] });
        });
        return Synthesizer.Synthesize(deployment);
    }

    public static IEnumerable<ResourceDecl> OfType(this ProgramDocument program, string type) =>
        program.Resources.Where(r => r.Type == type);

    public static ResourceDecl Named(this ProgramDocument program, string logicalName) =>
        program.Resources.Single(r => r.LogicalName == logicalName);

    /// <summary>The node at a dotted path of a map (<c>spec.template.spec</c>), or null.</summary>
    public static Node? At(this Node? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (node is not MapNode map)
            {
                return null;
            }

            node = map[segment];
        }

        return node;
    }

    public static string? Text(this Node? node, string path) => node.At(path) is StringNode s ? s.Value : null;

    public static long? Integer(this Node? node, string path) => node.At(path) is IntegerNode i ? i.Value : null;

    public static bool? Bool(this Node? node, string path) => node.At(path) is BoolNode b ? b.Value : null;

    public static IReadOnlyList<Node> Items(this Node? node, string path) => node.At(path) is ListNode list ? list.Items : [];

    public static IReadOnlyList<string> Strings(this Node? node, string path) =>
        node.Items(path).Select(i => ((StringNode)i).Value).ToList();

    public static Dictionary<string, string> StringMap(this Node? node, string path) =>
        node.At(path) is MapNode map
            ? map.Entries.ToDictionary(e => e.Key, e => ((StringNode)e.Value).Value)
            : [];

    /// <summary>The provider a resource is bound to, as written in its options.</summary>
    public static string? ProviderKey(this ResourceDecl resource) =>
        resource.Options?["provider"] is ReferenceNode reference ? reference.Root : null;
}
