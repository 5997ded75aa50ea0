using Infra.Components;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

public sealed class GrowingListTests
{
    [Fact]
    public void Items_added_after_the_resource_was_declared_are_written_in_order()
    {
        var program = Synthesizer.Synthesize(Deployment.Run(StackConfig.FromValues("infra", "dev"), () =>
        {
            var members = new GrowingList();
            _ = new CustomResource("random:index/randomShuffle:RandomShuffle", "shuffle", new Props { ["inputs"] = members.Node });
            members.Add("a");
            members.Add("b");
        }));

        Assert.Contains("inputs:\n        - a\n        - b\n", YamlWriter.Write(program), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_node_is_added_once()
    {
        var members = new GrowingList();
        var item = new StringNode("a");

        members.Add(item);
        members.Add(item);
        members.Add("a");

        Assert.Equal(2, members.Count);
        Assert.Equal(2, members.Node.Items.Count);
    }
}
