using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Schema;

/// <summary>Pulumi YAML reads <c>$$</c> as <c>$</c> and <c>${</c> as an expression: literal dollars must survive both.</summary>
public sealed class YamlWriterEscapingTests
{
    [Theory]
    [InlineData("price: 5$", "\"price: 5$\"")]
    [InlineData("echo $$ > pid", "\"echo $$$ > pid\"")]
    [InlineData("literal ${x}", "\"literal $${x}\"")]
    [InlineData("$${x}", "$$$${x}")]
    [InlineData("a$b", "a$b")]
    public void Literal_dollars_are_escaped_so_Pulumi_reads_them_back_unchanged(string literal, string expected)
    {
        Assert.Equal("value: " + expected + "\n", YamlWriter.WriteNode(new StringNode(literal)));
    }

    [Fact]
    public void A_dollar_just_before_an_expression_is_doubled()
    {
        var node = new InterpolationNode([new StringNode("cost-$"), new ReferenceNode("db", [PathSegment.Property("port")])]);

        Assert.Equal("value: cost-$$${db.port}\n", YamlWriter.WriteNode(node));
    }
}
