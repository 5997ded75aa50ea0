using Infra.Stacks.Delivery;

namespace Infra.Tests.Composition;

public class GraphTests
{
    [Fact]
    public void The_graph_shows_components_and_the_data_flows_between_them()
    {
        var chart = MermaidGraph.Build(PlatformStacks.Synthesize("aws", "prod").Program);
        var lines = chart.Split('\n');
        Assert.Equal("flowchart LR", lines[0]);
        string Id(string name) => lines.Single(l => l.Contains($"[\"{name}<br/>", StringComparison.Ordinal)).Trim().Split('[')[0];
        Assert.Contains($"  {Id("backend")} --> {Id("orders")}", lines);
        Assert.Contains($"  {Id("backend")} --> {Id("events-bus")}", lines);
        Assert.Contains($"  {Id("static")} --> {Id("assets")}", lines);
        Assert.Contains($"  {Id("platform")} --> {Id("main")}", lines);
        Assert.DoesNotContain($"  {Id("frontend")} --> {Id("orders")}", lines);
        Assert.Contains("orders<br/><small>PostgresDatabase,", chart);
    }
}
