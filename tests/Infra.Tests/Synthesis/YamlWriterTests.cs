using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Synthesis;

public class YamlWriterTests
{
    [Theory]
    [InlineData("0", "\"0\"")]
    [InlineData("08", "\"08\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("1.0", "\"1.0\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("False", "\"False\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("n", "\"n\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("1:20", "\"1:20\"")]
    [InlineData("-x", "\"-x\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("a #b", "\"a #b\"")]
    [InlineData("*alias", "\"*alias\"")]
    [InlineData("&anchor", "\"&anchor\"")]
    [InlineData("key:", "\"key:\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("plain-text_1.2/x", "plain-text_1.2/x")]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/*")]
    [InlineData("10.0.0.0/16", "\"10.0.0.0/16\"")]
    public void Strings_a_reader_could_take_for_something_else_are_quoted(string value, string written)
    {
        var yaml = YamlWriter.WriteNode(new StringNode(value));
        Assert.Equal($"value: {written}\n", yaml);
        Assert.Equal(value, ReadBack(yaml));
    }

    [Fact]
    public void Numbers_are_written_without_needless_decimals_and_read_back_as_numbers()
    {
        Assert.Equal("value: 3\n", YamlWriter.WriteNode(new NumberNode(3.0)));
        Assert.Equal("value: 2.5\n", YamlWriter.WriteNode(new NumberNode(2.5)));
        Assert.Equal("value: -7\n", YamlWriter.WriteNode(new IntegerNode(-7)));
        Assert.Equal("value: 9007199254740993\n", YamlWriter.WriteNode(new IntegerNode(9007199254740993)));
        Assert.Equal("value: 1E+20\n", YamlWriter.WriteNode(new NumberNode(1e20)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumberNode(double.NaN));
    }

    [Fact]
    public void Multi_line_text_uses_literal_blocks_only_when_they_keep_it_exact()
    {
        Assert.Equal("value: |\n  line 1\n\n  line 3\n", YamlWriter.WriteNode(new StringNode("line 1\n\nline 3\n")));
        Assert.Equal("value: |-\n  a\n  b\n", YamlWriter.WriteNode(new StringNode("a\nb")));
        Assert.Equal("value: |+\n  a\n\n", YamlWriter.WriteNode(new StringNode("a\n\n")));
        Assert.Equal("value: \"trailing \\nspace\"\n", YamlWriter.WriteNode(new StringNode("trailing \nspace")));
        Assert.Equal("value: \" indented\\nfirst\"\n", YamlWriter.WriteNode(new StringNode(" indented\nfirst")));
        foreach (var text in new[] { "line 1\n\nline 3\n", "a\nb", "a\n\n", "trailing \nspace", "x: ${y}\n" })
        {
            Assert.Equal(text.Replace("${", "$${", StringComparison.Ordinal), ReadBack(YamlWriter.WriteNode(new StringNode(text))));
        }
    }

    [Fact]
    public void Nested_collections_have_one_layout_and_empty_ones_are_inline()
    {
        var node = new MapNode(
        [
            new("list", new ListNode([new MapNode([new("a", new IntegerNode(1)), new("b", BoolNode.False)]), new ListNode([new StringNode("x")]), ListNode.Empty])),
            new("empty", MapNode.Empty),
            new("ref", new ReferenceNode("db", [PathSegment.Property("endpoints"), PathSegment.At(0), PathSegment.Property("a.b")])),
        ]);
        Assert.Equal(
            "value:\n  list:\n    - a: 1\n      b: false\n    -\n      - x\n    - []\n  empty: {}\n  ref: \"${db.endpoints[0][\\\"a.b\\\"]}\"\n",
            YamlWriter.WriteNode(node));
    }

    [Fact]
    public void A_program_has_no_anchors_and_no_nulls()
    {
        var yaml = Programs.Yaml(() =>
        {
            var tags = new Props { ["team"] = "platform", ["absent"] = (string?)null };
            _ = new CustomResource("aws:s3/bucket:Bucket", "a", new Props { ["tags"] = tags, ["acl"] = (string?)null });
            _ = new CustomResource("aws:s3/bucket:Bucket", "b", new Props { ["tags"] = tags });
        });
        Assert.DoesNotContain("&", yaml);
        Assert.DoesNotContain("*", yaml);
        Assert.DoesNotContain("null", yaml);
        Assert.DoesNotContain("absent", yaml);
        Assert.Equal(2, yaml.Split("team: platform").Length - 1);
    }

    private static string ReadBack(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("value")];
        Assert.False(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && LooksTyped(scalar.Value!), $"'{scalar.Value}' was written plain");
        return scalar.Value!;
    }

    // What YAML 1.1/1.2 core schemas resolve to non-strings when plain.
    private static bool LooksTyped(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^([-+]?[0-9][0-9_.:eExXoObB+-]*|true|false|yes|no|on|off|y|n|null|~|\.inf|\.nan)$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
