using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Core.Diagnostics;
using Infra.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Synthesis;

/// <summary>
/// Turns YAML nodes into program values the way Pulumi YAML reads them: plain scalars resolved by the YAML 1.2
/// core schema (as Go's yaml.v3 does), strings parsed for <c>${…}</c>, single-key <c>fn::</c> mappings as
/// built-in calls, <c>fn::pkg:fn</c> as an invoke. YAML nulls are dropped (an absent value).
/// </summary>
internal sealed partial class YamlValueReader(string? file, List<Diagnostic> problems)
{
    /// <summary>The value of <paramref name="node"/>; null for a YAML null or a value with an error (reported).</summary>
    public Node? Read(YamlNode node, string at) => node switch
    {
        YamlScalarNode scalar => ReadScalar(scalar, at),
        YamlSequenceNode sequence => ReadList(sequence, at),
        YamlMappingNode mapping => ReadMapping(mapping, at),
        _ => null,
    };

    /// <summary>A string that must not hold an expression (a type token, a logical name).</summary>
    public string? ReadLiteral(YamlNode node, string at, string what)
    {
        if (node is YamlScalarNode scalar && Read(scalar, at) is StringNode text)
        {
            return text.Value;
        }

        Fail(node, at, ProgramReader.StructureError, $"'{at}' must be a literal string ({what}).", "a literal: Pulumi YAML evaluates no expression here",
            "Write the value as plain text.");
        return null;
    }

    public void Fail(YamlNode node, string at, string code, string message, string rule, string fix) => problems.Add(new Diagnostic
    {
        Code = code,
        Message = message,
        File = file,
        Line = (int)node.Start.Line,
        Key = at,
        Rule = rule,
        Fix = fix,
    });

    private Node? ReadScalar(YamlScalarNode scalar, string at)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag is not ("tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "!"))
        {
            Fail(scalar, at, ProgramReader.StructureError, $"Tag '{tag}' is not supported.", "the standard tags !!str, !!int, !!float, !!bool, !!null",
                "Remove the tag.");
            return null;
        }

        if (tag == "tag:yaml.org,2002:str" || (tag is null && scalar.Style != ScalarStyle.Plain) || tag == "!")
        {
            return ReadString(scalar, text, at);
        }

        if ((tag is null or "tag:yaml.org,2002:null") && text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (tag is null or "tag:yaml.org,2002:bool")
        {
            switch (text)
            {
                case "true" or "True" or "TRUE":
                    return BoolNode.True;
                case "false" or "False" or "FALSE":
                    return BoolNode.False;
            }
        }

        if (tag is null or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float")
        {
            if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return tag == "tag:yaml.org,2002:float" ? new NumberNode(whole) : new IntegerNode(whole);
            }

            if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return new IntegerNode(hex);
            }

            if ((Integer().IsMatch(text) || Float().IsMatch(text)) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return new NumberNode(number);
            }

            if (text is ".inf" or "-.inf" or "+.inf" or ".Inf" or "-.Inf" or "+.Inf" or ".INF" or ".nan" or ".NaN" or ".NAN")
            {
                Fail(scalar, at, ProgramReader.StructureError, $"'{at}' is {text}: programs hold only finite numbers.", "a finite number", "Write a number.");
                return null;
            }
        }

        if (tag is not null && tag != "tag:yaml.org,2002:str")
        {
            Fail(scalar, at, ProgramReader.StructureError, $"'{text}' is not a valid {tag[(tag.LastIndexOf(':') + 1)..]}.", "a value that matches its tag",
                "Correct the value or remove the tag.");
            return null;
        }

        return ReadString(scalar, text, at);
    }

    private Node? ReadString(YamlScalarNode scalar, string text, string at)
    {
        var node = InterpolationParser.Parse(text, out var error);
        if (node is null)
        {
            Fail(scalar, at, ProgramReader.InterpolationError, $"'{at}': {error}.", "${name}, ${name.property}, ${name[0][\"key\"]}; $$ is a literal $",
                "Correct the expression, or write $${ for a literal ${.");
        }

        return node;
    }

    private ListNode ReadList(YamlSequenceNode sequence, string at)
    {
        var items = new List<Node>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemAt = $"{at}[{i}]";
            var value = Read(item, itemAt);
            if (value is not null)
            {
                items.Add(value);
            }
            else if (item is YamlScalarNode { Value: "" or "~" or "null" or "Null" or "NULL", Style: ScalarStyle.Plain })
            {
                Fail(item, itemAt, ProgramReader.StructureError, $"'{itemAt}' is null; lists cannot hold nulls.", "no null list items", "Remove the item.");
            }
        }

        return items.Count == 0 ? ListNode.Empty : new ListNode(items);
    }

    private Node? ReadMapping(YamlMappingNode mapping, string at)
    {
        if (mapping.Children.Count == 1)
        {
            var (keyNode, valueNode) = mapping.Children.First();
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (key.StartsWith("fn::", StringComparison.Ordinal))
            {
                return ReadFunction(key[4..], valueNode, $"{at}.{key}");
            }
        }

        var entries = new List<KeyValuePair<string, Node>>(mapping.Children.Count);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Read(valueNode, at.Length == 0 ? key : $"{at}.{key}") is { } value)
            {
                entries.Add(new(key, value));
            }
        }

        return entries.Count == 0 ? MapNode.Empty : new MapNode(entries);
    }

    private Node? ReadFunction(string name, YamlNode argumentNode, string at)
    {
        var argument = Read(argumentNode, at);
        foreach (var builtin in Fn.BuiltinNames)
        {
            if (string.Equals(builtin, name, StringComparison.OrdinalIgnoreCase))
            {
                if (argument is null)
                {
                    Fail(argumentNode, at, ProgramReader.StructureError, $"'{at}' has no argument.", $"fn::{builtin}: <argument>", "Give the function its argument.");
                    return null;
                }

                return new FunctionNode(builtin, argument);
            }
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            // fn::<package>:<function> is shorthand for fn::invoke without options or return.
            List<KeyValuePair<string, Node>> call = [new("function", new StringNode(name))];
            if (argument is not null)
            {
                call.Add(new("arguments", argument));
            }

            return new FunctionNode("invoke", new MapNode(call));
        }

        return new FunctionNode(name, argument ?? MapNode.Empty);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
