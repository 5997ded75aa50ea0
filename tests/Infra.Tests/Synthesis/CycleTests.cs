using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Synthesis;

public class CycleTests
{
    private static ResourceDecl Resource(string key, params string[] references) => new()
    {
        Key = key,
        Type = "aws:s3/bucket:Bucket",
        Properties = new MapNode(references.Select((r, i) => new KeyValuePair<string, Node>($"p{i}", new ReferenceNode(r, [PathSegment.Property("arn")]))).ToArray()),
    };

    [Fact]
    public void Reference_cycles_are_reported_with_their_path()
    {
        var program = new ProgramDocument { Resources = [Resource("a", "b"), Resource("b", "c"), Resource("c", "a"), Resource("d", "d"), Resource("e", "a")] };
        var problems = DependencyGraph.FindCycles(program);
        Assert.Equal(["Reference cycle: a → b → c → a.", "Reference cycle: d → d."], problems.Select(p => p.Message));
        Assert.All(problems, p => Assert.Equal("INFRA-PROGRAM-002", p.Code));
    }

    [Fact]
    public void An_acyclic_program_has_no_cycle_even_when_deep()
    {
        var resources = Enumerable.Range(0, 20_000).Select(i => i == 0 ? Resource("r0") : Resource($"r{i}", $"r{i - 1}")).ToArray();
        Assert.Empty(DependencyGraph.FindCycles(new ProgramDocument { Resources = resources }));
    }
}
