using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>
/// One statement of an IAM-style policy document (AWS IAM, S3 and KMS policies, Yandex bucket policies).
/// Actions, resources and principals are null when not literal; principals hold every value across kinds
/// (<c>*</c> for <c>Principal: "*"</c>) and are empty when the statement has none.
/// </summary>
internal sealed record PolicyStatement(
    PropertyValue At,
    bool IsAllow,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<(string Kind, string Value)>? Principals,
    MapNode? Condition)
{
    public bool HasCondition => Condition is { Entries.Count: > 0 };

    public bool HasWildcardPrincipal => Principals?.Any(p => p.Value == "*") == true;

    /// <summary>One element of the statement (<c>Action</c>, <c>Resource</c>, <c>Principal</c>), for messages.</summary>
    public PropertyValue Part(string name) => PropertyValue.Derived((At.Node as MapNode)?[name], $"{At.Path}.{name}");
}

/// <summary>Reads policy documents written as JSON text, as <c>fn::toJSON</c> of an object, or as an object.</summary>
internal static class PolicyDocuments
{
    /// <summary>The statements; null when the document is an expression or not JSON (the rule cannot judge it).</summary>
    public static IReadOnlyList<PolicyStatement>? Read(PropertyValue policy)
    {
        var document = policy.Node switch
        {
            StringNode text => JsonNodes.Parse(text.Value),
            FunctionNode { Name: "toJSON", Argument: MapNode map } => map,
            MapNode map => map,
            _ => null,
        };
        if (document is not MapNode root)
        {
            return null;
        }

        var statements = root["Statement"] switch
        {
            ListNode list => list.Items,
            MapNode single => [single],
            _ => [],
        };
        return statements.Select((s, i) => Statement(s, PropertyValue.Derived(s, $"{policy.Path}.Statement[{i}]"))).ToArray();
    }

    private static PolicyStatement Statement(Node node, PropertyValue at)
    {
        var map = node as MapNode;
        return new PolicyStatement(
            at,
            map?["Effect"] is StringNode { Value: var effect } && effect.Equals("Allow", StringComparison.OrdinalIgnoreCase),
            Strings(map?["Action"]),
            Strings(map?["Resource"]),
            Principals(map?["Principal"]),
            map?["Condition"] as MapNode);
    }

    private static IReadOnlyList<string>? Strings(Node? node) => node switch
    {
        null => [],
        StringNode text => [text.Value],
        ListNode list when list.Items.All(i => i is StringNode) => list.Items.Cast<StringNode>().Select(s => s.Value).ToArray(),
        _ => null,
    };

    /// <summary>
    /// A principal's text. The output of another resource (<c>${role.arn}</c>) names a principal, so it is kept as
    /// the expression; a config value could be anything, including <c>*</c>, so it makes the statement unknown.
    /// </summary>
    private static string? PrincipalText(Node node) => node switch
    {
        StringNode text => text.Value,
        _ when Expressions.NamesResource(node) || IsBuiltArn(node) => NodeText.Expression(node),
        _ => null,
    };

    /// <summary>
    /// An ARN assembled at deploy time (<c>arn:aws:iam::${account}:root</c>, or the same as <c>fn::join</c>): whatever
    /// fills it in, it names one principal and can never be the wildcard <c>*</c>.
    /// </summary>
    private static bool IsBuiltArn(Node node) => node switch
    {
        InterpolationNode { Parts: [StringNode first, ..] } => first.Value.StartsWith("arn:", StringComparison.Ordinal),
        FunctionNode { Name: "join", Argument: ListNode { Items: [StringNode, ListNode { Items: [StringNode first, ..] }] } } =>
            first.Value.StartsWith("arn:", StringComparison.Ordinal),
        _ => false,
    };

    private static IReadOnlyList<(string, string)>? Principals(Node? node)
    {
        switch (node)
        {
            case null:
                return [];
            case StringNode text:
                return [("*", text.Value)];
            case MapNode map:
                var principals = new List<(string, string)>();
                foreach (var (kind, value) in map.Entries)
                {
                    var items = value is ListNode list ? list.Items : [value];
                    foreach (var item in items)
                    {
                        if (PrincipalText(item) is not { } text)
                        {
                            return null;
                        }

                        principals.Add((kind, text));
                    }
                }

                return principals;
            default:
                return null;
        }
    }
}
