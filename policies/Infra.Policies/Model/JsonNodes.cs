using System.Text.Json;
using Infra.Core.Values;

namespace Infra.Policies;

/// <summary>Turns JSON text (policy documents, configuration values) into program nodes.</summary>
internal static class JsonNodes
{
    /// <summary>The parsed document, or null when the text is not JSON.</summary>
    public static Node? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Convert(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Node? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MapNode(element.EnumerateObject()
            .Select(p => (p.Name, Value: Convert(p.Value)))
            .Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, Node>(p.Name, p.Value!)).ToArray()),
        JsonValueKind.Array => new ListNode(element.EnumerateArray().Select(Convert).OfType<Node>().ToArray()),
        JsonValueKind.String => new StringNode(element.GetString()!),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? new IntegerNode(whole) : new NumberNode(element.GetDouble()),
        JsonValueKind.True => BoolNode.True,
        JsonValueKind.False => BoolNode.False,
        _ => null,
    };
}
