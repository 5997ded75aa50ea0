using Infra.Core.Values;

namespace Infra.Tests.Values;

public class PropertyPathTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("a.b[0].c", "a.b[0].c")]
    [InlineData("tags[\"Name\"]", "tags.Name")]
    [InlineData("labels[\"app.kubernetes.io/name\"]", "labels[\"app.kubernetes.io/name\"]")]
    [InlineData("status.loadBalancer.ingress[0].hostname", "status.loadBalancer.ingress[0].hostname")]
    public void Paths_are_parsed_and_formatted_canonically(string path, string canonical)
    {
        var segments = PropertyPath.Parse(path);
        Assert.Equal("res." + canonical, PropertyPath.Format("res", segments));
    }

    [Theory]
    [InlineData("a..b", "a property name is missing at position 2")]
    [InlineData("a[x]", "a list index must be a non-negative whole number in [ ]")]
    [InlineData("a[\"k\"", "an unterminated [\"key\"] access")]
    [InlineData("a b", "unexpected ' ' at position 1")]
    public void Invalid_paths_are_refused_with_the_reason(string path, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PropertyPath.Parse(path));
        Assert.Equal($"Invalid property path '{path}': {reason}", error.Message);
    }

    [Theory]
    [InlineData("aws:region", "aws:region", 0)]
    [InlineData("my-bucket.arn", "my-bucket", 1)]
    [InlineData("[\"my.key\"].x[2]", "my.key", 2)]
    public void Expressions_split_into_root_and_path(string text, string root, int segments)
    {
        Assert.True(PropertyPath.TryParseExpression(text, out var parsedRoot, out var path, out var error), error);
        Assert.Equal(root, parsedRoot);
        Assert.Equal(segments, path.Count);
    }

    [Theory]
    [InlineData("", "the expression is empty")]
    [InlineData("a}b", "unexpected '}' in the name 'a}'")]
    [InlineData("[0]", "the root of an expression cannot be a list index")]
    public void Bad_expressions_are_reported(string text, string expected)
    {
        Assert.False(PropertyPath.TryParseExpression(text, out _, out _, out var error));
        Assert.Equal(expected, error);
    }
}
