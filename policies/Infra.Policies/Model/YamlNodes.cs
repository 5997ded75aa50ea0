using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies;

/// <summary>Turns parsed YAML into program nodes, typing plain scalars the way the reading tool does.</summary>
internal static partial class YamlNodes
{
    /// <summary>
    /// Converts a YAML node. Kubernetes manifests are read with YAML 1.1 scalars (<c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c>
    /// are booleans, as sigs.k8s.io/yaml reads them); Pulumi YAML programs with YAML 1.2 core scalars.
    /// <paramref name="text"/> turns a string into a node (programs parse <c>${…}</c> expressions there).
    /// Nulls are dropped: an absent value and a null one mean the same to a rule.
    /// </summary>
    public static Node? Convert(YamlNode node, bool yaml11, Func<string, Node> text, Func<MapNode, Node>? map = null) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar, yaml11, text),
        YamlSequenceNode sequence => new ListNode(sequence.Children
            .Select(c => Convert(c, yaml11, text, map)).OfType<Node>().ToArray()),
        YamlMappingNode mapping => Map(mapping, yaml11, text, map),
        _ => null,
    };

    private static Node Map(YamlMappingNode mapping, bool yaml11, Func<string, Node> text, Func<MapNode, Node>? map)
    {
        var entries = new List<KeyValuePair<string, Node>>(mapping.Children.Count);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && Convert(value, yaml11, text, map) is { } converted)
            {
                entries.Add(new(name, converted));
            }
        }

        var node = new MapNode(entries.ToArray());
        return map is null ? node : map(node);
    }

    private static Node? Scalar(YamlScalarNode scalar, bool yaml11, Func<string, Node> text)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return text(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (Boolean(value, yaml11) is { } flag)
        {
            return BoolNode.Of(flag);
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new IntegerNode(whole);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new NumberNode(number);
        }

        return text(value);
    }

    private static bool? Boolean(string value, bool yaml11) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        "yes" or "on" when yaml11 => true,
        "no" or "off" when yaml11 => false,
        _ => null,
    };

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
