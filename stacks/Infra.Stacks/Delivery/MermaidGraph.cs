using System.Text;
using Infra.Core;
using Infra.Core.Synthesis;

namespace Infra.Stacks.Delivery;

/// <summary>
/// A Mermaid flowchart of a stack's top-level components and how they connect: an edge A → B wherever a
/// resource of A refers to a resource of B (a workload to its database, a CDN to its bucket, everything to
/// the network). It renders on GitHub in Markdown.
/// </summary>
public static class MermaidGraph
{
    public static string Build(ProgramDocument program)
    {
        var deployment = program.Deployment ?? throw new ArgumentException("The graph needs a synthesized program.", nameof(program));
        var owner = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var groups = new List<Resource>();
        foreach (var top in deployment.Root?.Children ?? deployment.Resources.Where(r => r.Parent is null).ToList())
        {
            var members = top.IsCustom ? [top] : top.CustomResourcesWithin().ToList();
            if (members.Count == 0 || top is ProviderResource)
            {
                continue;
            }

            groups.Add(top);
            foreach (var member in members)
            {
                owner[member.Key!] = top;
            }
        }

        var ids = groups.Select((g, i) => (g, $"n{i}")).ToDictionary(p => p.g, p => p.Item2);
        var edges = new SortedSet<(int, int)>();
        foreach (var resource in program.Resources)
        {
            if (!owner.TryGetValue(resource.Key, out var from))
            {
                continue;
            }

            foreach (var target in DependencyGraph.ReferencedKeys(resource, program))
            {
                if (owner.TryGetValue(target, out var to) && to != from)
                {
                    edges.Add((groups.IndexOf(from), groups.IndexOf(to)));
                }
            }
        }

        var text = new StringBuilder("flowchart LR\n");
        foreach (var group in groups)
        {
            var kind = group.Type[(group.Type.LastIndexOf(':') + 1)..];
            var count = group.CustomResourcesWithin().Count();
            text.Append("  ").Append(ids[group]).Append("[\"").Append(Escape(group.Name)).Append("<br/><small>")
                .Append(Escape(kind)).Append(", ").Append(count).Append(count == 1 ? " resource" : " resources").Append("</small>\"]\n");
        }

        foreach (var (from, to) in edges)
        {
            text.Append("  ").Append(ids[groups[from]]).Append(" --> ").Append(ids[groups[to]]).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
