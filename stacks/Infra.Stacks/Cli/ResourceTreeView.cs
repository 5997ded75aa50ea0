using Infra.Core;
using Spectre.Console;

namespace Infra.Stacks.Cli;

/// <summary>The resource tree of a stack by component, with counts: what `infra preview` shows first.</summary>
public static class ResourceTreeView
{
    public static Tree Build(Deployment deployment)
    {
        var root = deployment.Root;
        var total = deployment.Resources.Count(r => r.IsCustom);
        var tree = new Tree(Markup.Escape($"{deployment.ProjectName}-{deployment.StackName}") + $" [grey]({total} resources)[/]");
        var tops = root is null ? deployment.Resources.Where(r => r.Parent is null) : root.Children;
        foreach (var resource in tops)
        {
            Add(tree.AddNode(Label(resource)), resource);
        }

        return tree;
    }

    public static Table CountsByType(Deployment deployment)
    {
        var table = new Table().AddColumn("type").AddColumn(new TableColumn("count").RightAligned());
        foreach (var group in deployment.Resources.Where(r => r.IsCustom).GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static void Add(TreeNode node, Resource resource)
    {
        foreach (var child in resource.Children)
        {
            Add(node.AddNode(Label(child)), child);
        }
    }

    private static string Label(Resource resource)
    {
        if (resource.IsCustom)
        {
            return $"{Markup.Escape(resource.Name)} [grey]{Markup.Escape(resource.Type)}[/]";
        }

        var count = resource.CustomResourcesWithin().Count();
        return $"[bold]{Markup.Escape(resource.Name)}[/] [blue]{Markup.Escape(resource.Type)}[/] [grey]({count} resources)[/]";
    }
}
