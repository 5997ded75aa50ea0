using System.Globalization;
using System.Text;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>How types and values are named in messages: "an integer", "a list of string", "the string \"12\"".</summary>
public static class TypeText
{
    private const int MaxListed = 12;

    /// <summary>A type with its article: "a string", "an object of type X", "one of \"a\", \"b\"".</summary>
    public static string Describe(SchemaType type)
    {
        type = type.Resolve();
        return type.Kind switch
        {
            _ when type.Const is not null => Literal(type.Const),
            SchemaTypeKind.Any => "any value",
            SchemaTypeKind.Enum => "one of " + List(type.Enum!.Values.Select(Literal).ToArray()),
            SchemaTypeKind.Union => string.Join(" or ", type.Alternatives.Select(Describe)),
            SchemaTypeKind.Integer or SchemaTypeKind.Object or SchemaTypeKind.Asset or SchemaTypeKind.Archive => "an " + Noun(type),
            _ => "a " + Noun(type),
        };
    }

    /// <summary>A type without its article: "string", "list of strings", "object of type X".</summary>
    public static string Noun(SchemaType type)
    {
        type = type.Resolve();
        return type.Kind switch
        {
            _ when type.Const is not null => $"{type.Kind.ToString().ToLowerInvariant()} {Literal(type.Const)}",
            SchemaTypeKind.Any => "any value",
            SchemaTypeKind.String => "string",
            SchemaTypeKind.Number => "number",
            SchemaTypeKind.Integer => "integer",
            SchemaTypeKind.Boolean => "boolean",
            SchemaTypeKind.Asset => "asset",
            SchemaTypeKind.Archive => "archive",
            SchemaTypeKind.Array => "list of " + Plural(type.Element!),
            SchemaTypeKind.Map => "map of " + Plural(type.Element!),
            SchemaTypeKind.Object => "object of type " + type.Token,
            SchemaTypeKind.Resource => $"resource of type {type.Token} (or its ID)",
            SchemaTypeKind.Enum => $"value of enum {type.Token}",
            SchemaTypeKind.Union => "union of " + string.Join(", ", type.Alternatives.Select(Noun)),
            _ => type.Kind.ToString(),
        };
    }

    private static string Plural(SchemaType type)
    {
        type = type.Resolve();
        return type.Kind switch
        {
            _ when type.Const is not null => "values " + Literal(type.Const),
            SchemaTypeKind.Any => "any values",
            SchemaTypeKind.String or SchemaTypeKind.Number or SchemaTypeKind.Integer or SchemaTypeKind.Boolean
                or SchemaTypeKind.Asset or SchemaTypeKind.Archive => Noun(type) + "s",
            SchemaTypeKind.Array => "lists of " + Plural(type.Element!),
            SchemaTypeKind.Map => "maps of " + Plural(type.Element!),
            SchemaTypeKind.Object => "objects of type " + type.Token,
            SchemaTypeKind.Resource => $"resources of type {type.Token} (or their IDs)",
            SchemaTypeKind.Enum => $"values of enum {type.Token}",
            _ => "values of " + Noun(type),
        };
    }

    /// <summary>A value as a message shows it: "the string \"12\"", "the number 2.5", "a list", "${vpc.id} (a string)".</summary>
    public static string DescribeValue(Node node, SchemaType? knownType = null) => node switch
    {
        StringNode s => "the string " + Quote(s.Value),
        IntegerNode i => "the integer " + i.Value.ToString(CultureInfo.InvariantCulture),
        NumberNode n => "the number " + YamlScalars.FormatNumber(n.Value),
        BoolNode b => "the boolean " + (b.Value ? "true" : "false"),
        ListNode => "a list",
        MapNode => "an object",
        InterpolationNode => "an interpolated string",
        ReferenceNode r when knownType?.Kind == SchemaTypeKind.Resource => $"'${{{r.ToExpressionText()}}}' (a resource of type {knownType.Token})",
        ReferenceNode r => $"'${{{r.ToExpressionText()}}}'" + (knownType is null ? "" : $" ({Describe(knownType)})"),
        FunctionNode f => $"fn::{f.Name}" + (knownType is null ? "" : $" ({Describe(knownType)})"),
        _ => node.GetType().Name,
    };

    /// <summary>The value as written in the program, for <c>Diagnostic.Value</c>.</summary>
    public static string ValueText(Node node) => node switch
    {
        StringNode s => s.Value,
        IntegerNode i => i.Value.ToString(CultureInfo.InvariantCulture),
        NumberNode n => YamlScalars.FormatNumber(n.Value),
        BoolNode b => b.Value ? "true" : "false",
        ListNode => "[…]",
        MapNode => "{…}",
        ReferenceNode r => "${" + r.ToExpressionText() + "}",
        InterpolationNode i => string.Concat(i.Parts.Select(p => p is ReferenceNode r ? "${" + r.ToExpressionText() + "}" : ((StringNode)p).Value)),
        FunctionNode f => "fn::" + f.Name,
        _ => node.GetType().Name,
    };

    /// <summary>Names for "what is allowed": sorted, at most a dozen, then how many more.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return "(none)";
        }

        var text = new StringBuilder();
        for (var i = 0; i < names.Count && i < MaxListed; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(names[i]);
        }

        if (names.Count > MaxListed)
        {
            text.Append(", … (").Append(names.Count - MaxListed).Append(" more)");
        }

        return text.ToString();
    }

    public static string Literal(Node node) => node switch
    {
        StringNode s => Quote(s.Value),
        _ => ValueText(node),
    };

    private static string Quote(string value) => "\"" + (value.Length > 60 ? value[..57] + "..." : value) + "\"";
}
