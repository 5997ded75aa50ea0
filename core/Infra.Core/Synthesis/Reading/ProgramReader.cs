using System.Text;
using Infra.Core.Diagnostics;
using Infra.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Synthesis;

/// <summary>
/// Reads any Pulumi YAML program (<c>Pulumi.yaml</c>, <c>Main.yaml</c>, or what <see cref="YamlWriter"/> wrote) into a
/// <see cref="ProgramDocument"/>, keeping each resource's line. Whatever Pulumi YAML would refuse in the file
/// itself is reported, all at once: YAML errors, anchors/aliases/merge keys, duplicate keys, invalid
/// <c>${…}</c> expressions, unknown resource keys, <c>properties</c> together with <c>get</c>.
/// </summary>
public static class ProgramReader
{
    public const string SyntaxError = "INFRA-YAML-001";
    public const string AnchorError = "INFRA-YAML-002";
    public const string DuplicateKey = "INFRA-YAML-003";
    public const string InterpolationError = "INFRA-YAML-004";
    public const string UnknownResourceKey = "INFRA-YAML-005";
    public const string PropertiesWithGet = "INFRA-YAML-006";

    /// <summary>A value or declaration of the wrong form (missing type, non-literal name, a list where a mapping belongs, …).</summary>
    public const string StructureError = "INFRA-YAML-007";

    private static readonly string[] ResourceKeys = ["type", "name", "defaultProvider", "properties", "options", "get"];

    private static readonly HashSet<string> OptionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn", "ignoreChanges", "import", "parent",
        "protect", "provider", "providers", "version", "pluginDownloadURL", "replaceOnChanges", "retainOnDelete", "deletedWith",
        "replaceWith", "hideDiffs", "replacementTrigger", "envVarMappings",
    };

    /// <summary>Reads a program file; its name is used in diagnostics.</summary>
    public static ProgramDocument ReadFile(string path) => Read(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));

    /// <summary>Reads program text, or raises every problem in one <see cref="InfraException"/>.</summary>
    public static ProgramDocument Read(string yaml, string? file = null) =>
        TryRead(yaml, file, out var program, out var problems) ? program! : throw new InfraException(problems);

    /// <summary>Reads program text; false with every problem when the file has any.</summary>
    public static bool TryRead(string yaml, string? file, out ProgramDocument? program, out IReadOnlyList<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var found = new List<Diagnostic>();
        problems = found;
        program = null;
        var scan = YamlPrescan.Scan(yaml, file, found);
        if (scan.SyntaxError || scan.DuplicateKeys)
        {
            // The document cannot be loaded; what the scan found is all there is to report.
            return false;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            if (found.Count == 0)
            {
                found.Add(new Diagnostic { Code = SyntaxError, Message = $"The file is not valid YAML: {e.Message}", File = file, Line = (int)e.Start.Line });
            }

            return false;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is not YamlMappingNode top)
        {
            found.Add(new Diagnostic
            {
                Code = StructureError,
                Message = "A program is a mapping of name, config, variables, resources and outputs.",
                File = file,
                Line = root is null ? 1 : (int)root.Start.Line,
                Fix = "Start the file with 'name:' and 'resources:'.",
            });
            return false;
        }

        var document = ReadProgram(top, new YamlValueReader(file, found));
        if (found.Count > 0)
        {
            return false;
        }

        program = document;
        return true;
    }

    private static ProgramDocument ReadProgram(YamlMappingNode top, YamlValueReader values)
    {
        string? name = null;
        string? description = null;
        MapNode? config = null;
        var variables = new List<KeyValuePair<string, Node>>();
        var resources = new List<ResourceDecl>();
        var outputs = new List<KeyValuePair<string, Node>>();
        foreach (var (keyNode, valueNode) in top.Children)
        {
            switch (KeyText(keyNode))
            {
                case "name":
                    name = values.ReadLiteral(valueNode, "name", "the project name");
                    break;
                case "description":
                    description = values.Read(valueNode, "description") is StringNode text ? text.Value : (valueNode as YamlScalarNode)?.Value;
                    break;
                case "config":
                    config = values.Read(valueNode, "config") as MapNode;
                    break;
                case "variables":
                    ReadEntries(valueNode, "variables", values, variables);
                    break;
                case "outputs":
                    ReadEntries(valueNode, "outputs", values, outputs);
                    break;
                case "resources" when valueNode is YamlMappingNode declarations:
                    foreach (var (resourceKey, declaration) in declarations.Children)
                    {
                        if (ReadResource(resourceKey, declaration, values) is { } resource)
                        {
                            resources.Add(resource);
                        }
                    }

                    break;
                case "resources":
                    if (valueNode is not YamlScalarNode { Value: "" or "~" or "null" })
                    {
                        values.Fail(valueNode, "resources", StructureError, "'resources' must be a mapping of resource keys to declarations.",
                            "resources: {key: {type, properties, options}}", "Write each resource under its key.");
                    }

                    break;
                case "components":
                    values.Fail(keyNode, "components", StructureError, "'components' are only allowed in a plugin (PulumiPlugin.yaml), not in a program.",
                        "programs declare resources; components come from packages", "Declare the component in a plugin package, or remove it.");
                    break;
            }
        }

        return new ProgramDocument
        {
            Name = name,
            Description = description,
            Config = config,
            Variables = variables,
            Resources = resources,
            Outputs = outputs,
        };
    }

    private static void ReadEntries(YamlNode section, string name, YamlValueReader values, List<KeyValuePair<string, Node>> into)
    {
        if (section is not YamlMappingNode mapping)
        {
            values.Fail(section, name, StructureError, $"'{name}' must be a mapping.", $"{name}: {{key: value}}", "Write one entry per key.");
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = KeyText(keyNode);
            if (values.Read(valueNode, $"{name}.{key}") is { } value)
            {
                into.Add(new(key, value));
            }
        }
    }

    private static ResourceDecl? ReadResource(YamlNode keyNode, YamlNode declaration, YamlValueReader values)
    {
        var key = KeyText(keyNode);
        var at = $"resources.{key}";
        if (declaration is not YamlMappingNode fields)
        {
            values.Fail(declaration, at, StructureError, $"Resource '{key}' must be a mapping with 'type', 'properties' and 'options'.",
                "resources: {key: {type, name, properties, options, get, defaultProvider}}", "Write the declaration as a mapping.");
            return null;
        }

        string? type = null;
        string? name = null;
        var defaultProvider = false;
        MapNode? properties = null;
        MapNode? options = null;
        MapNode? get = null;
        YamlNode? getNode = null;
        foreach (var (fieldNode, value) in fields.Children)
        {
            var field = KeyText(fieldNode);
            var fieldAt = $"{at}.{field}";
            switch (field)
            {
                case "type":
                    type = values.ReadLiteral(value, fieldAt, "a type token");
                    break;
                case "name":
                    name = values.ReadLiteral(value, fieldAt, "the logical name");
                    break;
                case "defaultProvider":
                    defaultProvider = values.Read(value, fieldAt) is BoolNode { Value: true };
                    break;
                case "properties":
                    properties = ReadMap(value, fieldAt, values);
                    break;
                case "options":
                    options = ReadMap(value, fieldAt, values);
                    break;
                case "get":
                    get = ReadMap(value, fieldAt, values);
                    getNode = value;
                    break;
                default:
                    UnknownKey(fieldNode, key, field, values);
                    break;
            }
        }

        if (type is null && fields.Children.Keys.All(k => KeyText(k) != "type"))
        {
            values.Fail(keyNode, at, StructureError, $"Resource '{key}' has no 'type'.", "every resource has a type token", "Add 'type: <package>:<module>:<Type>'.");
        }
        else if (type is { Length: 0 })
        {
            values.Fail(keyNode, at, StructureError, $"Resource '{key}' has an empty 'type'.", "every resource has a type token", "Write its type token, e.g. 'aws:s3/bucket:Bucket'.");
        }

        if (properties is not null && getNode is not null)
        {
            values.Fail(getNode, $"{at}.get", PropertiesWithGet, $"Resource '{key}' has both 'properties' and 'get'.",
                "get reads an existing resource; properties manage a new one", "Keep 'get' (with its 'state') to read, or 'properties' to manage.");
        }

        return new ResourceDecl
        {
            Key = key,
            Type = type ?? "",
            Name = name,
            DefaultProvider = defaultProvider,
            Properties = properties,
            Options = options,
            Get = get,
            YamlLine = (int)keyNode.Start.Line,
        };
    }

    private static string KeyText(YamlNode key) => (key as YamlScalarNode)?.Value ?? "";

    private static MapNode? ReadMap(YamlNode node, string at, YamlValueReader values)
    {
        var value = values.Read(node, at);
        if (value is null or MapNode)
        {
            return value as MapNode;
        }

        values.Fail(node, at, StructureError, $"'{at}' must be a mapping.", "a mapping of names to values", "Write one entry per name.");
        return null;
    }

    private static void UnknownKey(YamlNode fieldNode, string key, string field, YamlValueReader values)
    {
        var suggestion = Suggest.Closest(field, ResourceKeys);
        var hint = OptionNames.Contains(field) ? $" '{field}' is an option: move it under 'options'."
            : suggestion is not null ? $" Did you mean '{suggestion}'?"
            : " If it is an input, move it under 'properties'.";
        values.Fail(fieldNode, $"resources.{key}.{field}", UnknownResourceKey, $"Resource '{key}' has unknown key '{field}'." + hint,
            "resource keys: " + string.Join(", ", ResourceKeys),
            OptionNames.Contains(field) ? "Move it under 'options'." : suggestion is not null ? $"Rename it to '{suggestion}'." : "Move it under 'properties' or 'options', or remove it.");
    }
}
