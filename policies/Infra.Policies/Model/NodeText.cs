using System.Globalization;
using System.Text;
using Infra.Core.Values;

namespace Infra.Policies;

/// <summary>Short, single-line renderings of program values for messages.</summary>
internal static class NodeText
{
    private const int MaxLength = 120;

    public static string Describe(Node? node)
    {
        if (node is null)
        {
            return "(not set)";
        }

        var builder = new StringBuilder();
        Append(builder, node);
        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength - 1) + "…";
    }

    /// <summary>The expression as a Pulumi YAML author would write it.</summary>
    public static string Expression(Node node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Node node)
    {
        if (builder.Length > MaxLength)
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
                    Append(builder, list.Items[i]);
                }

                builder.Append(']');
                break;
            case MapNode map:
                builder.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ").Append(map.Entries[i].Key).Append(": ");
                    Append(builder, map.Entries[i].Value);
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
                        Append(builder, part);
                    }
                }

                builder.Append('"');
                break;
            case FunctionNode function:
                builder.Append("fn::").Append(function.Name).Append('(');
                Append(builder, function.Argument);
                builder.Append(')');
                break;
        }
    }
}
