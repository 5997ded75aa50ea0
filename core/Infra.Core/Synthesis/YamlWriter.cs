using System.Globalization;
using System.Text;
using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>
/// Writes a program as Pulumi YAML: block style, two-space indent, no anchors, no nulls, integers without
/// decimals, a literal <c>$</c> doubled wherever Pulumi would read <c>$$</c> or <c>${</c>. The same program always gives the same bytes.
/// </summary>
public static class YamlWriter
{
    /// <summary>Resources written to a <see cref="TextWriter"/> are handed over in batches of about this many characters.</summary>
    private const int FlushChars = 32 * 1024;

    public static string Write(ProgramDocument program, IEnumerable<string>? headerComments = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var output = new StringBuilder(256 + (program.Resources.Count * 512));
        Write(program, headerComments, output, sink: null);
        return output.ToString();
    }

    /// <summary>
    /// Writes the same text as <see cref="Write(ProgramDocument, IEnumerable{string}?)"/> to <paramref name="sink"/> as it
    /// goes, so a large program is never held twice in memory (as a builder and as a string).
    /// </summary>
    public static void Write(ProgramDocument program, TextWriter sink, IEnumerable<string>? headerComments = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(sink);
        var output = new StringBuilder(FlushChars + (FlushChars / 4));
        Write(program, headerComments, output, sink);
        sink.Write(output);
    }

    private static void Write(ProgramDocument program, IEnumerable<string>? headerComments, StringBuilder output, TextWriter? sink)
    {
        foreach (var line in headerComments ?? [])
        {
            output.Append("# ").Append(line).Append('\n');
        }

        if (program.Name is not null)
        {
            output.Append("name: ");
            YamlScalars.AppendString(output, program.Name);
            output.Append('\n');
        }

        if (program.Description is not null)
        {
            output.Append("description:");
            WriteValue(output, new StringNode(program.Description), 0);
        }

        if (program.Config is { Entries.Count: > 0 })
        {
            output.Append("config:");
            WriteValue(output, program.Config, 0);
        }

        WriteSection(output, "variables", program.Variables);
        output.Append("resources:");
        if (program.Resources.Count == 0)
        {
            output.Append(" {}\n");
        }
        else
        {
            output.Append('\n');
            foreach (var resource in program.Resources)
            {
                WriteResource(output, resource);
                if (sink is not null && output.Length >= FlushChars)
                {
                    sink.Write(output);
                    output.Clear();
                }
            }
        }

        WriteSection(output, "outputs", program.Outputs);
    }

    /// <summary>Writes one value as a YAML document (for tests and reports).</summary>
    public static string WriteNode(Node node)
    {
        var output = new StringBuilder();
        output.Append("value:");
        WriteValue(output, node, 0);
        return output.ToString();
    }

    private static void WriteSection(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, Node>> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        output.Append(name).Append(":\n");
        foreach (var (key, value) in entries)
        {
            Indent(output, 2);
            AppendKey(output, key);
            WriteValue(output, value, 2);
        }
    }

    private static void WriteResource(StringBuilder output, ResourceDecl resource)
    {
        Indent(output, 2);
        AppendKey(output, resource.Key);
        output.Append('\n');
        Field(output, "type", new StringNode(resource.Type));
        if (resource.Name is not null)
        {
            Field(output, "name", new StringNode(resource.Name));
        }

        if (resource.DefaultProvider)
        {
            Field(output, "defaultProvider", BoolNode.True);
        }

        if (resource.Properties is not null)
        {
            Field(output, "properties", resource.Properties);
        }

        if (resource.Get is not null)
        {
            Field(output, "get", resource.Get);
        }

        if (resource.Options is not null)
        {
            Field(output, "options", resource.Options);
        }
    }

    private static void Field(StringBuilder output, string name, Node value)
    {
        Indent(output, 4);
        output.Append(name).Append(':');
        WriteValue(output, value, 4);
    }

    /// <summary>Writes a value after "key:" (the caller wrote the key at <paramref name="indent"/>), ending the line.</summary>
    private static void WriteValue(StringBuilder output, Node node, int indent)
    {
        switch (node)
        {
            case MapNode { Entries.Count: 0 }:
                output.Append(" {}\n");
                break;
            case ListNode { Items.Count: 0 }:
                output.Append(" []\n");
                break;
            case MapNode map:
                output.Append('\n');
                WriteEntries(output, map.Entries, indent + 2, firstInline: false);
                break;
            case FunctionNode function:
                output.Append('\n');
                WriteEntries(output, [new("fn::" + function.Name, function.Argument)], indent + 2, firstInline: false);
                break;
            case ListNode list:
                output.Append('\n');
                WriteItems(output, list.Items, indent + 2);
                break;
            default:
                output.Append(' ');
                WriteScalar(output, node, indent);
                output.Append('\n');
                break;
        }
    }

    private static void WriteEntries(StringBuilder output, IReadOnlyList<KeyValuePair<string, Node>> entries, int indent, bool firstInline)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0 || !firstInline)
            {
                Indent(output, indent);
            }

            AppendKey(output, entries[i].Key);
            WriteValue(output, entries[i].Value, indent);
        }
    }

    private static void WriteItems(StringBuilder output, IReadOnlyList<Node> items, int indent)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Indent(output, indent);
            output.Append('-');
            switch (item)
            {
                case MapNode { Entries.Count: > 0 } map:
                    output.Append(' ');
                    WriteEntries(output, map.Entries, indent + 2, firstInline: true);
                    break;
                case FunctionNode function:
                    output.Append(' ');
                    WriteEntries(output, [new("fn::" + function.Name, function.Argument)], indent + 2, firstInline: true);
                    break;
                case ListNode { Items.Count: > 0 } list:
                    output.Append('\n');
                    WriteItems(output, list.Items, indent + 2);
                    break;
                default:
                    WriteValue(output, item, indent);
                    break;
            }
        }
    }

    private static void WriteScalar(StringBuilder output, Node node, int indent)
    {
        switch (node)
        {
            case StringNode s:
                WriteText(output, EscapeLiteral(s.Value), indent);
                break;
            case IntegerNode i:
                output.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case NumberNode n:
                output.Append(YamlScalars.FormatNumber(n.Value));
                break;
            case BoolNode b:
                output.Append(b.Value ? "true" : "false");
                break;
            case ReferenceNode r:
                YamlScalars.AppendString(output, "${" + r.ToExpressionText() + "}");
                break;
            case InterpolationNode interpolation:
                WriteText(output, Interpolate(interpolation), indent);
                break;
            default:
                throw new InvalidOperationException($"Unexpected node {node.GetType().Name}.");
        }
    }

    private static void WriteText(StringBuilder output, string text, int indent)
    {
        if (YamlScalars.FitsLiteralBlock(text))
        {
            var trailing = text.Length - text.TrimEnd('\n').Length;
            output.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
            var body = trailing == 0 ? text : text[..^1];
            foreach (var line in body.Split('\n'))
            {
                output.Append('\n');
                if (line.Length > 0)
                {
                    Indent(output, indent + 2);
                    output.Append(line);
                }
            }

            return;
        }

        YamlScalars.AppendString(output, text);
    }

    private static string Interpolate(InterpolationNode interpolation)
    {
        var text = new StringBuilder();
        var parts = interpolation.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            text.Append(parts[i] switch
            {
                StringNode s => EscapeLiteral(s.Value, followedByExpression: i + 1 < parts.Count && parts[i + 1] is ReferenceNode),
                ReferenceNode r => "${" + r.ToExpressionText() + "}",
                _ => throw new InvalidOperationException("Interpolations hold only text and references."),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// Pulumi reads <c>${</c> in any string as an expression and <c>$$</c> as one <c>$</c>. So a <c>$</c> that
    /// the reader would see followed by <c>$</c> or <c>{</c> (including the <c>${</c> of a following
    /// expression) is doubled; every other <c>$</c> stays as it is.
    /// </summary>
    private static string EscapeLiteral(string value, bool followedByExpression = false)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            escaped.Append(c);
            var next = i + 1 < value.Length ? value[i + 1] : (followedByExpression ? '$' : '\0');
            if (c == '$' && next is '$' or '{')
            {
                escaped.Append('$');
            }
        }

        return escaped.ToString();
    }

    private static void AppendKey(StringBuilder output, string key)
    {
        YamlScalars.AppendString(output, key);
        output.Append(':');
    }

    private static void Indent(StringBuilder output, int count) => output.Append(' ', count);
}
