using System.Globalization;
using System.Text.Json;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Stacks.Delivery;

/// <summary>
/// What a stack has deployed, from `pulumi stack export`, as a program: each custom resource with its type,
/// logical name, inputs and protect flag — enough to tell which changes would replace or delete it.
/// </summary>
public static class DeployedState
{
    // Pulumi marks secret values in state with this signature key.
    private const string SecretSignature = "4dabf18193072939515e22adb298388d";

    public static ProgramDocument FromExport(string exportJson)
    {
        using var document = JsonDocument.Parse(exportJson);
        var resources = new List<ResourceDecl>();
        if (!document.RootElement.TryGetProperty("deployment", out var deployment) ||
            !deployment.TryGetProperty("resources", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return new ProgramDocument { Resources = resources };
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in list.EnumerateArray())
        {
            var type = resource.GetProperty("type").GetString()!;
            if (!resource.TryGetProperty("custom", out var custom) || !custom.GetBoolean() || type == "pulumi:pulumi:Stack")
            {
                continue;
            }

            var urn = resource.GetProperty("urn").GetString()!;
            var name = urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
            var key = name;
            for (var n = 2; !keys.Add(key); n++)
            {
                key = $"{name}-{n}";
            }

            var protect = resource.TryGetProperty("protect", out var p) && p.ValueKind == JsonValueKind.True;
            resources.Add(new ResourceDecl
            {
                Key = key,
                Name = key == name ? null : name,
                Type = type,
                Properties = resource.TryGetProperty("inputs", out var inputs) ? (MapNode)ToNode(inputs) : MapNode.Empty,
                Options = protect ? new MapNode([new("protect", BoolNode.True)]) : null,
            });
        }

        return new ProgramDocument { Resources = resources };
    }

    private static Node ToNode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object when value.TryGetProperty(SecretSignature, out _) => new FunctionNode("secret", new StringNode("[secret]")),
        JsonValueKind.Object => new MapNode(value.EnumerateObject()
            .Where(p => p.Name != "__defaults" && p.Value.ValueKind != JsonValueKind.Null)
            .Select(p => new KeyValuePair<string, Node>(p.Name, ToNode(p.Value))).ToArray()),
        JsonValueKind.Array => new ListNode(value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(ToNode).ToArray()),
        JsonValueKind.String => new StringNode(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => new IntegerNode(integer),
        JsonValueKind.Number => new NumberNode(value.GetDouble()),
        JsonValueKind.True => BoolNode.True,
        JsonValueKind.False => BoolNode.False,
        _ => new StringNode(value.GetRawText().ToString(CultureInfo.InvariantCulture)),
    };
}
