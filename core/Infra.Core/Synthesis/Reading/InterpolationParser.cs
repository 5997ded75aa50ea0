using System.Text;
using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>
/// Reads a Pulumi YAML string as Pulumi does: <c>$$</c> is one <c>$</c> (so <c>$${</c> is a literal <c>${</c>),
/// <c>${…}</c> is an expression. A string that is exactly one expression is a <see cref="ReferenceNode"/>;
/// text around expressions makes an <see cref="InterpolationNode"/>; no expression, a <see cref="StringNode"/>.
/// </summary>
internal static class InterpolationParser
{
    /// <summary>The node for <paramref name="text"/>, or null with <paramref name="error"/> set.</summary>
    public static Node? Parse(string text, out string? error)
    {
        error = null;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new StringNode(text);
        }

        List<Node>? parts = null;
        var literal = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClose(text, i + 2);
                if (end < 0)
                {
                    error = $"'${{' at position {i} is not closed by '}}' (write $${{ for a literal ${{)";
                    return null;
                }

                var body = text[(i + 2)..end];
                if (!PropertyPath.TryParseExpression(body, out var root, out var path, out var problem))
                {
                    error = $"'${{{body}}}' is not a valid expression: {problem}";
                    return null;
                }

                parts ??= [];
                if (literal.Length > 0)
                {
                    parts.Add(new StringNode(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(new ReferenceNode(root, path));
                i = end + 1;
                continue;
            }

            literal.Append(c);
            i++;
        }

        if (parts is null)
        {
            return new StringNode(literal.ToString());
        }

        if (literal.Length > 0)
        {
            parts.Add(new StringNode(literal.ToString()));
        }

        return parts is [ReferenceNode single] ? single : new InterpolationNode(parts);
    }

    /// <summary>The index of the <c>}</c> that ends an expression starting at <paramref name="start"/>; quoted keys may hold <c>}</c>.</summary>
    private static int FindClose(string text, int start)
    {
        for (var j = start; j < text.Length; j++)
        {
            if (text[j] == '"')
            {
                for (j++; j < text.Length && text[j] != '"'; j++)
                {
                    if (text[j] == '\\')
                    {
                        j++;
                    }
                }
            }
            else if (text[j] == '}')
            {
                return j;
            }
        }

        return -1;
    }
}
