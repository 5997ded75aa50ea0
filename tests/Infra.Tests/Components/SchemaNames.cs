using System.Collections.Concurrent;
using System.Text.Json;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components;

/// <summary>
/// Checks a synthesized program's type tokens, property names (at every depth), required inputs and the
/// output properties its references read, against the provider schemas in <c>../shared/provider-schemas</c>.
/// Values are not type-checked here: it guards the names a component author types by hand.
/// </summary>
internal static class SchemaNames
{
    private static readonly ConcurrentDictionary<string, JsonDocument> Schemas = new();

    private static readonly Dictionary<string, string> Files = new()
    {
        ["aws"] = "aws.json",
        ["gcp"] = "gcp.json",
        ["kubernetes"] = "kubernetes.json",
        ["random"] = "random.json",
        ["yandex"] = "yandex-tf.json",
    };

    /// <summary>Every problem found, one line each; empty when the program conforms.</summary>
    public static List<string> Problems(ProgramDocument program)
    {
        var problems = new List<string>();
        var byKey = program.Resources.ToDictionary(r => r.Key);
        foreach (var resource in program.Resources)
        {
            var isProvider = resource.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);
            var package = isProvider ? resource.Type["pulumi:providers:".Length..] : resource.Type[..resource.Type.IndexOf(':', StringComparison.Ordinal)];
            var root = Load(package).RootElement;
            JsonElement definition;
            if (isProvider)
            {
                definition = root.GetProperty("provider");
            }
            else if (!root.GetProperty("resources").TryGetProperty(resource.Type, out definition))
            {
                problems.Add($"{resource.Key}: type {resource.Type} is not in {Files[package]}");
                continue;
            }

            CheckObject(problems, root, resource.Key, resource.Properties ?? MapNode.Empty,
                definition.GetProperty("inputProperties"), definition.TryGetProperty("requiredInputs", out var required) ? required : default);
            CheckReferences(problems, byKey, resource.Key, resource.Properties);
        }

        return problems;
    }

    private static JsonDocument Load(string package) => Schemas.GetOrAdd(package, p =>
    {
        var directory = SchemaDirectory();
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, Files[p])));
    });

    /// <summary>The schemas sit beside the repository: <c>&lt;repo&gt;/../shared/provider-schemas</c>.</summary>
    private static string SchemaDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
            {
                var schemas = Path.Combine(directory.FullName, "..", "shared", "provider-schemas");
                return Directory.Exists(schemas)
                    ? schemas
                    : throw new DirectoryNotFoundException($"The provider schemas are expected at {Path.GetFullPath(schemas)} (beside the repository).");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Infra.sln) was not found above the test binaries.");
    }

    private static void CheckObject(List<string> problems, JsonElement root, string path, MapNode value, JsonElement properties, JsonElement required)
    {
        if (required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(e => e.GetString()!))
            {
                if (value[name] is null)
                {
                    problems.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        foreach (var (name, item) in value.Entries)
        {
            if (!properties.TryGetProperty(name, out var property))
            {
                problems.Add($"{path}.{name}: no such property");
                continue;
            }

            CheckValue(problems, root, $"{path}.{name}", item, property);
        }
    }

    private static void CheckValue(List<string> problems, JsonElement root, string path, Node value, JsonElement property)
    {
        if (property.TryGetProperty("oneOf", out var choices))
        {
            foreach (var choice in choices.EnumerateArray().Where(c => c.TryGetProperty("$ref", out var r) && r.GetString()!.StartsWith("#/types/", StringComparison.Ordinal)))
            {
                CheckValue(problems, root, path, value, choice);
            }

            return;
        }

        if (property.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/types/", StringComparison.Ordinal))
        {
            var type = root.GetProperty("types").GetProperty(target["#/types/".Length..]);
            if (value is MapNode map && type.TryGetProperty("properties", out var fields))
            {
                CheckObject(problems, root, path, map, fields, type.TryGetProperty("required", out var required) ? required : default);
            }

            return;
        }

        var kind = property.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (kind == "array" && value is ListNode list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                CheckValue(problems, root, $"{path}[{i}]", list.Items[i], property.GetProperty("items"));
            }
        }
        else if (kind == "object" && value is MapNode map && property.TryGetProperty("additionalProperties", out var values))
        {
            foreach (var (key, item) in map.Entries)
            {
                CheckValue(problems, root, $"{path}[\"{key}\"]", item, values);
            }
        }
        else if (kind is not null && !Fits(value, kind))
        {
            problems.Add($"{path}: a {kind} is expected");
        }
    }

    /// <summary>Whether a literal fits a schema type; expressions (references, built-in calls) are resolved at deploy time and pass.</summary>
    private static bool Fits(Node value, string kind) => value switch
    {
        ReferenceNode or FunctionNode => true,
        StringNode or InterpolationNode => kind == "string",
        IntegerNode => kind is "integer" or "number",
        NumberNode => kind == "number",
        BoolNode => kind == "boolean",
        ListNode => kind == "array",
        MapNode => kind == "object",
        _ => false,
    };

    /// <summary>References to another resource must read an output property it has.</summary>
    private static void CheckReferences(List<string> problems, Dictionary<string, ResourceDecl> byKey, string path, Node? node)
    {
        switch (node)
        {
            case ReferenceNode reference when byKey.TryGetValue(reference.Root, out var target) && reference.Path.Count > 0:
                var first = reference.Path[0].Key;
                if (first is "id" or "urn")
                {
                    return;
                }

                var package = target.Type[..target.Type.IndexOf(':', StringComparison.Ordinal)];
                var outputs = Load(package).RootElement.GetProperty("resources").GetProperty(target.Type).GetProperty("properties");
                if (first is null || !outputs.TryGetProperty(first, out _))
                {
                    problems.Add($"{path}: ${{{reference.ToExpressionText()}}} reads '{first}', which {target.Type} does not output");
                }

                break;
            case MapNode map:
                foreach (var (_, value) in map.Entries)
                {
                    CheckReferences(problems, byKey, path, value);
                }

                break;
            case ListNode list:
                foreach (var item in list.Items)
                {
                    CheckReferences(problems, byKey, path, item);
                }

                break;
            case FunctionNode function:
                CheckReferences(problems, byKey, path, function.Argument);
                break;
            case InterpolationNode interpolation:
                foreach (var part in interpolation.Parts)
                {
                    CheckReferences(problems, byKey, path, part);
                }

                break;
        }
    }
}
