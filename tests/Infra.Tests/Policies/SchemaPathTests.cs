using System.Text.Json;
using Infra.Policies;
using Infra.Tests.Policies.Cases;

namespace Infra.Tests.Policies;

/// <summary>
/// Every property path a rule reads, over every fixture, must exist in the provider schema of its resource type
/// (the shared provider schemas: aws 7.48, gcp 9.35, kubernetes 4.32, yandex-tf 0.222). A misspelt property would
/// otherwise read as "absent" and make a rule pass or fail for the wrong reason.
/// </summary>
public sealed class SchemaPathTests
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["aws"] = "aws.json",
        ["gcp"] = "gcp.json",
        ["kubernetes"] = "kubernetes.json",
        ["yandex"] = "yandex-tf.json",
    };

    [Fact]
    public void Every_property_path_the_rules_read_exists_in_the_provider_schema()
    {
        var recorder = new ReadRecorder();
        foreach (var ruleCase in AllCases.Cases)
        {
            var context = PolicyFixtures.Context(ruleCase.Environment) with
            {
                Reads = recorder,
                Parameters = ruleCase.Parameters ?? new PolicyParameters(),
            };
            PolicyPack.Evaluate(PolicyFixtures.Program(ruleCase.Resources), context);
        }

        var reads = recorder.Snapshot();
        var schemas = Files.ToDictionary(f => f.Key, f => JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory(), f.Value))).RootElement);
        var unknown = reads
            .Where(r => Resolve(schemas, r.Type, r.Path) is { } problem && problem.Length > 0)
            .Select(r => $"{r.Type} {r.Path}: {Resolve(schemas, r.Type, r.Path)}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(reads.Count > 300, $"only {reads.Count} paths were read; the fixtures no longer exercise the rules");
        Assert.True(unknown.Length == 0, "paths not in the provider schemas:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void A_misspelt_path_is_reported()
    {
        var schemas = new Dictionary<string, JsonElement>
        {
            ["aws"] = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory(), "aws.json"))).RootElement,
        };

        Assert.Null(Resolve(schemas, "aws:rds/instance:Instance", "storageEncrypted"));
        Assert.Null(Resolve(schemas, "aws:ec2/securityGroup:SecurityGroup", "ingress[].cidrBlocks"));
        Assert.NotNull(Resolve(schemas, "aws:rds/instance:Instance", "storageEncryption"));
        Assert.NotNull(Resolve(schemas, "aws:ec2/securityGroup:SecurityGroup", "ingress.cidrBlocks"));
    }

    /// <summary>Null when the path exists; otherwise why it does not.</summary>
    private static string? Resolve(IReadOnlyDictionary<string, JsonElement> schemas, string type, string path)
    {
        var package = type[..type.IndexOf(':', StringComparison.Ordinal)];
        if (!schemas.TryGetValue(package, out var schema))
        {
            return $"no schema for package {package}";
        }

        var properties = ResourceProperties(schema, type);
        if (properties is null)
        {
            return "the type is not in the schema";
        }

        var current = properties.Value;
        var steps = path.Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var name = step.TrimEnd('[', ']', '{', '}');
            if (!current.TryGetProperty(name, out var property))
            {
                return $"no property '{name}'";
            }

            foreach (var suffix in Suffixes(step[name.Length..]))
            {
                var resolved = Referenced(schema, property);
                if (suffix == "[]" && resolved.TryGetProperty("items", out var items))
                {
                    property = items;
                }
                else if (suffix == "{}" && resolved.TryGetProperty("additionalProperties", out var values))
                {
                    property = values;
                }
                else
                {
                    return $"'{name}' is not {(suffix == "[]" ? "a list" : "a map")}";
                }
            }

            if (i == steps.Length - 1)
            {
                return null;
            }

            if (IsAny(property))
            {
                return null;
            }

            var target = Referenced(schema, property);
            if (!target.TryGetProperty("properties", out var nested))
            {
                return $"'{name}' has no nested properties";
            }

            current = nested;
        }

        return null;
    }

    private static JsonElement? ResourceProperties(JsonElement schema, string type)
    {
        foreach (var resource in schema.GetProperty("resources").EnumerateObject())
        {
            if (string.Equals(resource.Name, type, StringComparison.OrdinalIgnoreCase))
            {
                return resource.Value.GetProperty("inputProperties");
            }
        }

        // Pods are not resources of the trimmed schema; their shape is ObjectMeta + PodSpec.
        return type == "kubernetes:core/v1:Pod"
            ? JsonDocument.Parse("""{"metadata": {"$ref": "#/types/kubernetes:meta/v1:ObjectMeta"}, "spec": {"$ref": "#/types/kubernetes:core/v1:PodSpec"}}""").RootElement
            : null;
    }

    private static IEnumerable<string> Suffixes(string text)
    {
        for (var i = 0; i + 1 < text.Length; i += 2)
        {
            yield return text.Substring(i, 2);
        }
    }

    private static bool IsAny(JsonElement property) =>
        property.TryGetProperty("$ref", out var reference) && reference.GetString()!.StartsWith("pulumi.json#", StringComparison.Ordinal);

    /// <summary>Follows <c>$ref</c> (and the referenced branch of a <c>oneOf</c>) to the type definition.</summary>
    private static JsonElement Referenced(JsonElement schema, JsonElement property)
    {
        if (property.TryGetProperty("oneOf", out var options))
        {
            property = options.EnumerateArray().FirstOrDefault(o => o.TryGetProperty("$ref", out _), property);
        }

        if (property.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text && text.StartsWith("#/types/", StringComparison.Ordinal))
        {
            return schema.GetProperty("types").GetProperty(text["#/types/".Length..]);
        }

        return property;
    }

    /// <summary>The shared provider schemas sit beside the repository: <c>../shared/provider-schemas</c> from its root.</summary>
    internal static string SchemaDirectory() => Path.Combine(RepositoryRoot(), "..", "shared", "provider-schemas");

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Infra.sln) was not found above the test binaries.");
    }
}
