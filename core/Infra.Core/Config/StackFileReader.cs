using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Configuration;

/// <summary>Reads the <c>config:</c> section of a stack settings file, keeping line numbers for messages.</summary>
internal static partial class StackFileReader
{
    public static Dictionary<string, ConfigValue> Read(string path, string project)
    {
        var file = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InfraException(new Diagnostic
            {
                Code = "INFRA-CONFIG-000",
                Message = $"{file} is not valid YAML: {e.InnerException?.Message ?? e.Message}",
                File = file,
                Line = (int)e.Start.Line,
                Fix = "Correct the YAML syntax at that line.",
            });
        }

        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return values;
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config)
        {
            return values;
        }

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = StackConfig.Qualify(project, ((YamlScalarNode)keyNode).Value ?? "");
            var line = (int)keyNode.Start.Line;
            values[key] = valueNode switch
            {
                YamlMappingNode secure when IsSecure(secure) => new ConfigValue(null, true, false, file, line),
                YamlScalarNode scalar => new ConfigValue(scalar.Value ?? "", false, false, file, line),
                _ when ContainsSecure(valueNode) => new ConfigValue(null, true, true, file, line),
                _ => new ConfigValue(ToJson(valueNode), false, true, file, line),
            };
        }

        return values;
    }

    private static bool IsSecure(YamlMappingNode node) =>
        node.Children.Count == 1 && node.Children.ContainsKey(new YamlScalarNode("secure"));

    private static bool ContainsSecure(YamlNode node) => node switch
    {
        YamlMappingNode map => IsSecure(map) || map.Children.Values.Any(ContainsSecure),
        YamlSequenceNode list => list.Children.Any(ContainsSecure),
        _ => false,
    };

    private static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode list:
                writer.WriteStartArray();
                foreach (var item in list.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                writer.WriteBooleanValue(text == "true");
                return;
            }

            if (text is "null" or "~" or "")
            {
                writer.WriteNullValue();
                return;
            }

            if (Number().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                writer.WriteRawValue(text);
                return;
            }
        }

        writer.WriteStringValue(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex Number();
}
