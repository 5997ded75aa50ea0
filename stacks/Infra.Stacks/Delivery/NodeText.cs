using System.Globalization;
using System.Text;
using Infra.Core.Values;

namespace Infra.Stacks.Delivery;

/// <summary>Short one-line text of a value for diffs; secrets are masked, long values shortened.</summary>
public static class NodeText
{
    private const int MaxLength = 80;

    public static string Of(Node node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.Length <= MaxLength ? text.ToString() : string.Concat(text.ToString(0, MaxLength - 1), "…");
    }

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

    private static void Append(StringBuilder text, Node node)
    {
        switch (node)
        {
            case StringNode s:
                text.Append('"').Append(s.Value.Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
                break;
            case IntegerNode i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case NumberNode n:
                text.Append(n.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BoolNode b:
                text.Append(b.Value ? "true" : "false");
                break;
            case ReferenceNode r:
                text.Append("${").Append(r.ToExpressionText()).Append('}');
                break;
            case InterpolationNode interpolation:
                text.Append('"');
                foreach (var part in interpolation.Parts)
                {
                    text.Append(part is StringNode literal ? literal.Value : "${" + ((ReferenceNode)part).ToExpressionText() + "}");
                }

                text.Append('"');
                break;
            case FunctionNode { Name: "secret" }:
                text.Append("[secret]");
                break;
            case FunctionNode function:
                text.Append("fn::").Append(function.Name).Append('(');
                Append(text, function.Argument);
                text.Append(')');
                break;
            case ListNode list:
                text.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, list.Items[i]);
                }

                text.Append(']');
                break;
            case MapNode map:
                text.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ").Append(map.Entries[i].Key).Append(": ");
                    Append(text, map.Entries[i].Value);
                }

                text.Append('}');
                break;
        }
    }
}
