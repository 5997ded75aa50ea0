using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies;

/// <summary>
/// Reads a Pulumi YAML program file (<c>Main.yaml</c>, <c>Pulumi.yaml</c>) into a <see cref="ProgramDocument"/> for the
/// policy pack, keeping each resource's line: <c>${…}</c> becomes a reference or interpolation, <c>$${</c> a literal,
/// <c>fn::name</c> a built-in call. Only what policies read is kept (name, config, resources); type tokens stay as written.
/// </summary>
public static class ProgramFileReader
{
    public static ProgramDocument Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static ProgramDocument Parse(string yaml, string fileName = "Main.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InfraException(Problem(fileName, (int)e.Start.Line, $"{fileName} is not valid YAML: {e.InnerException?.Message ?? e.Message}", "Correct the YAML syntax."));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InfraException(Problem(fileName, 1, $"{fileName} is not a Pulumi YAML program (no top-level mapping).", "Start the file with name:, runtime: yaml and resources:."));
        }

        var problems = new List<Diagnostic>();
        var resources = new List<ResourceDecl>();
        if (Child(root, "resources") is YamlMappingNode declared)
        {
            foreach (var (keyNode, body) in declared.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                var line = (int)keyNode.Start.Line;
                if (body is not YamlMappingNode resource || Child(resource, "type") is not YamlScalarNode { Value: { Length: > 0 } type })
                {
                    problems.Add(Problem(fileName, line, $"Resource '{key}' has no type.", "Give every resource a type token, e.g. type: aws:s3:BucketV2."));
                    continue;
                }

                resources.Add(new ResourceDecl
                {
                    Key = key,
                    Type = type,
                    Name = (Child(resource, "name") as YamlScalarNode)?.Value,
                    DefaultProvider = (Child(resource, "defaultProvider") as YamlScalarNode)?.Value == "true",
                    Properties = Convert(Child(resource, "properties")) as MapNode,
                    Options = Convert(Child(resource, "options")) as MapNode,
                    Get = Convert(Child(resource, "get")) as MapNode,
                    YamlLine = line,
                });
            }
        }

        return problems.Count > 0
            ? throw new InfraException(problems)
            : new ProgramDocument
            {
                Name = (Child(root, "name") as YamlScalarNode)?.Value,
                Description = (Child(root, "description") as YamlScalarNode)?.Value,
                Config = Convert(Child(root, "config")) as MapNode,
                Resources = resources,
            };
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static Node? Convert(YamlNode? node) => node is null ? null : YamlNodes.Convert(node, yaml11: false, Text, Builtin);

    /// <summary>A one-key map <c>fn::name: argument</c> is a built-in call.</summary>
    private static Node Builtin(MapNode map) =>
        map.Entries is [{ Key: var key, Value: var argument }] && key.StartsWith("fn::", StringComparison.Ordinal)
            ? new FunctionNode(key[4..], argument)
            : map;

    /// <summary>Splits <c>${…}</c> expressions out of text; a whole-string expression is a reference.</summary>
    internal static Node Text(string text)
    {
        var parts = new List<Node>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("$${"))
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            var end = text.AsSpan(i).StartsWith("${") ? text.IndexOf('}', i + 2) : -1;
            if (end > 0 && PropertyPath.TryParseExpression(text[(i + 2)..end], out var rootName, out var path, out _))
            {
                if (literal.Length > 0)
                {
                    parts.Add(new StringNode(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(new ReferenceNode(rootName, path));
                i = end + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            parts.Add(new StringNode(literal.ToString()));
        }

        return parts switch
        {
            [] => new StringNode(""),
            [StringNode or ReferenceNode] => parts[0],
            _ => new InterpolationNode(parts),
        };
    }

    private static Diagnostic Problem(string file, int line, string message, string fix) => new()
    {
        Code = "INFRA-POLICY-002",
        Message = message,
        File = file,
        Line = line,
        Rule = "a Pulumi YAML program: resources is a map of { type, properties, options }",
        Fix = fix,
    };
}
