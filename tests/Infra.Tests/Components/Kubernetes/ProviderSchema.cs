using System.Text.Json;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>
/// Checks emitted resources against the shared provider schemas (type tokens, property names, scalar kinds,
/// required inputs). A small stand-in until the repository's schema validator covers these components.
/// </summary>
internal sealed class ProviderSchema
{
    private static readonly Dictionary<string, ProviderSchema> Loaded = [];
    private readonly JsonElement root;

    private ProviderSchema(JsonElement root) => this.root = root;

    public static ProviderSchema Load(string package)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(package, out var schema))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory(), package + ".json")));
                schema = new ProviderSchema(document.RootElement.Clone());
                Loaded[package] = schema;
            }

            return schema;
        }
    }

    /// <summary>The shared schema folder: <c>shared/provider-schemas</c> beside the repository (or inside it).</summary>
    public static string SchemaDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "provider-schemas");
            if (File.Exists(Path.Combine(candidate, "kubernetes.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/provider-schemas was not found above the test directory; check out shared/ beside the repository.");
    }

    /// <summary>Every problem of one resource, as "key: path: problem" lines.</summary>
    public IEnumerable<string> Problems(ResourceDecl resource)
    {
        if (!root.GetProperty("resources").TryGetProperty(resource.Type, out var definition))
        {
            yield return $"{resource.Key}: unknown type {resource.Type}";
            yield break;
        }

        var properties = resource.Properties ?? MapNode.Empty;
        foreach (var required in definition.GetProperty("requiredInputs").EnumerateArray())
        {
            if (properties[required.GetString()!] is null)
            {
                yield return $"{resource.Key}: missing required input {required.GetString()}";
            }
        }

        foreach (var problem in CheckObject(properties, definition.GetProperty("inputProperties"), resource.Key))
        {
            yield return problem;
        }
    }

    private IEnumerable<string> CheckObject(MapNode map, JsonElement properties, string path)
    {
        foreach (var (name, value) in map.Entries)
        {
            if (!properties.TryGetProperty(name, out var property))
            {
                yield return $"{path}.{name}: not a property";
                continue;
            }

            foreach (var problem in CheckValue(value, property, $"{path}.{name}"))
            {
                yield return problem;
            }
        }
    }

    private IEnumerable<string> CheckValue(Node value, JsonElement property, string path)
    {
        if (value is FunctionNode { Name: "secret" } secret)
        {
            value = secret.Argument;
        }

        if (value is ReferenceNode or InterpolationNode or FunctionNode)
        {
            return [];   // known only at deploy time
        }

        if (property.TryGetProperty("oneOf", out var options))
        {
            var attempts = options.EnumerateArray().Select(o => CheckValue(value, o, path).ToList()).ToList();
            return attempts.Any(a => a.Count == 0) ? [] : attempts[0];
        }

        if (property.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            if (target.StartsWith("pulumi.json#/", StringComparison.Ordinal))
            {
                return [];
            }

            var type = root.GetProperty("types").GetProperty(target["#/types/".Length..]);
            if (type.TryGetProperty("enum", out _))
            {
                return value is StringNode ? [] : [$"{path}: expected an enum string"];
            }

            return CheckType(value, type, path);
        }

        var kind = property.TryGetProperty("type", out var t) ? t.GetString() : null;
        return (kind, value) switch
        {
            ("string", StringNode) or ("integer", IntegerNode) or ("number", IntegerNode or NumberNode) or ("boolean", BoolNode) => [],
            ("array", ListNode list) => list.Items.SelectMany((item, i) => CheckValue(item, property.GetProperty("items"), $"{path}[{i}]")).ToList(),
            ("object", MapNode map) when property.TryGetProperty("additionalProperties", out var values) =>
                map.Entries.SelectMany(e => CheckValue(e.Value, values, $"{path}.{e.Key}")).ToList(),
            ("object", MapNode) => [],
            _ => [$"{path}: expected {kind}, got {value.GetType().Name}"],
        };
    }

    private List<string> CheckType(Node value, JsonElement type, string path)
    {
        if (value is not MapNode map)
        {
            return [$"{path}: expected an object, got {value.GetType().Name}"];
        }

        var problems = CheckObject(map, type.GetProperty("properties"), path).ToList();
        if (type.TryGetProperty("required", out var required))
        {
            problems.AddRange(required.EnumerateArray()
                .Where(r => map[r.GetString()!] is null)
                .Select(r => $"{path}: missing required {r.GetString()}"));
        }

        return problems;
    }
}
