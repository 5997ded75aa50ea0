using System.Globalization;
using System.Text;

namespace Infra.Core.Values;

/// <summary>Turns a C# interpolated string with outputs into a program expression.</summary>
internal static class Interpolation
{
    public static List<Node> Split(FormattableString format)
    {
        var parts = new List<Node>();
        var text = format.Format;
        var literal = new StringBuilder();
        var arguments = format.GetArguments();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i);
                var hole = text[(i + 1)..end];
                var formatAt = hole.IndexOf(':');
                var alignAt = hole.IndexOf(',');
                var indexEnd = new[] { formatAt, alignAt, hole.Length }.Where(x => x >= 0).Min();
                var argument = arguments[int.Parse(hole.AsSpan(0, indexEnd), CultureInfo.InvariantCulture)];
                var node = NodeConverter.FromObject(argument);
                object? known = null;
                if (node is null || NodeConverter.TryToObject(node, out known))
                {
                    // A value known now (also a known output) is formatted now, with the format given in the hole.
                    literal.Append(string.Format(CultureInfo.InvariantCulture, "{0" + hole[indexEnd..] + "}", node is null ? argument : known));
                }
                else
                {
                    Flush(parts, literal);
                    parts.Add(node);
                }

                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush(parts, literal);
        return parts;
    }

    public static Output<string> Build(List<Node> parts)
    {
        if (parts.Count == 0)
        {
            return Output.Create("");
        }

        if (parts.Count == 1 && parts[0] is StringNode only)
        {
            return Output.Create(only.Value);
        }

        if (parts.TrueForAll(p => p is StringNode or ReferenceNode))
        {
            return new Output<string>(new InterpolationNode(parts.ToArray()), false, null);
        }

        // ${…} can only hold property access; other expressions are joined instead.
        var joined = new FunctionNode("join", new ListNode([new StringNode(""), new ListNode(parts.ToArray())]));
        return new Output<string>(joined, false, null);
    }

    private static void Flush(List<Node> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new StringNode(literal.ToString()));
            literal.Clear();
        }
    }
}
