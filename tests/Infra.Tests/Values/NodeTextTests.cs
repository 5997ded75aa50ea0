using Infra.Core.Values;

namespace Infra.Tests.Values;

public class NodeTextTests
{
    [Fact]
    public void Secrets_are_masked_even_when_literal()
    {
        var value = new MapNode([new("user", new StringNode("app")), new("password", new FunctionNode("secret", new StringNode("hunter2")))]);
        Assert.Equal("{user: \"app\", password: [secret]}", NodeText.Describe(value));
        Assert.DoesNotContain("hunter2", NodeText.Expression(value));
    }

    [Fact]
    public void Long_values_are_cut_and_absent_ones_named()
    {
        Assert.Equal(10, NodeText.Describe(new StringNode(new string('x', 50)), 10).Length);
        Assert.EndsWith("…", NodeText.Describe(new StringNode(new string('x', 50)), 10));
        Assert.Equal("(not set)", NodeText.Describe(null));
    }

    [Fact]
    public void Whole_numbers_equal_whatever_their_node()
    {
        Assert.True(NodeText.AreEqual(new IntegerNode(3), new NumberNode(3.0)));
        Assert.False(NodeText.AreEqual(new StringNode("3"), new IntegerNode(3)));
    }
}
