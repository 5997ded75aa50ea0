using System.Globalization;
using System.Text;

namespace Infra.Core.Values;

/// <summary>
/// Short, single-line text of program values for messages, diffs and reports. Secrets are always masked:
/// a report or a pull-request comment must never carry a secret value, not even a literal one.
/// </summary>
public static class NodeText
{
    public const string Secret = "[secret]";

    /// <summary>The value, cut at <paramref name="maxLength"/> characters; <c>(not set)</c> for an absent value.</summary>
    public static string Describe(Node? node, int maxLength = 120)
    {
        if (node is null)
        {
            return "(not set)";
        }

        var builder = new StringBuilder();
        Append(builder, node, maxLength);
        return builder.Length <= maxLength ? builder.ToString() : string.Concat(builder.ToString(0, maxLength - 1), "…");
    }

    /// <summary>The whole expression as a Pulumi YAML author would write it (secrets masked).</summary>
    public static string Expression(Node node)
    {
        var builder = new StringBuilder();
        Append(builder, node, int.MaxValue);
        return builder.ToString();
    }

    /// <summary>Structural equality of two values (an integer equals the same whole number).</summary>
    public static bool AreEqual(Node a, Node b) => (a, b) switch
    {
        (StringNode x, StringNode y) => x.Value == y.Value,
        (IntegerNode x, IntegerNode y) => x.Value == y.Value,
        (NumberNode x, NumberNode y) => x.Value.Equals(y.Value),
        (IntegerNode x, NumberNode y) => x.Value == y.Value,
        (NumberNode x, IntegerNode y) => x.Value == y.Value,
        (BoolNode x, BoolNode y) => x.Value == y.Value,
        (ReferenceNode x, ReferenceNode y) => x.ToExpressionText() == y.ToExpressionText(),
        (InterpolationNode x, InterpolationNode y) => x.Parts.Count == y.Parts.Count && x.Parts.Zip(y.Parts).All(p => AreEqual(p.First, p.Second)),
        (FunctionNode x, FunctionNode y) => x.Name == y.Name && AreEqual(x.Argument, y.Argument),
        (ListNode x, ListNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => AreEqual(p.First, p.Second)),
        (MapNode x, MapNode y) => x.Entries.Count == y.Entries.Count && x.Entries.All(e => y[e.Key] is { } other && AreEqual(e.Value, other)),
        _ => false,
    };

    private static void Append(StringBuilder builder, Node node, int maxLength)
    {
        if (builder.Length > maxLength)
        {
            return;
        }

        switch (node)
        {
            case StringNode s:
                builder.Append('"').Append(s.Value.Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
                break;
            case IntegerNode i:
                builder.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case NumberNode n:
                builder.Append(n.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BoolNode b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case ListNode list:
                builder.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Append(builder, list.Items[i], maxLength);
                }

                builder.Append(']');
                break;
            case MapNode map:
                builder.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ").Append(map.Entries[i].Key).Append(": ");
                    Append(builder, map.Entries[i].Value, maxLength);
                }

                builder.Append('}');
                break;
            case ReferenceNode reference:
                builder.Append("${").Append(reference.ToExpressionText()).Append('}');
                break;
            case InterpolationNode interpolation:
                builder.Append('"');
                foreach (var part in interpolation.Parts)
                {
                    if (part is StringNode text)
                    {
                        builder.Append(text.Value);
                    }
                    else
                    {
                        builder.Append("${").Append(((ReferenceNode)part).ToExpressionText()).Append('}');
                    }
                }

                builder.Append('"');
                break;
            case FunctionNode { Name: "secret" }:
                builder.Append(Secret);
                break;
            case FunctionNode function:
                builder.Append("fn::").Append(function.Name).Append('(');
                Append(builder, function.Argument, maxLength);
                builder.Append(')');
                break;
        }
    }
}
