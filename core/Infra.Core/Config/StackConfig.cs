using System.Text.Json;

namespace Infra.Core.Configuration;

/// <summary>One config value as the stack holds it. Secret values are never decrypted by Infra: only their presence is known.</summary>
public sealed record ConfigValue(string? Text, bool IsSecret, bool IsStructured, string Source, int? Line);

/// <summary>
/// The raw configuration of one stack: from <c>Pulumi.&lt;stack&gt;.yaml</c> (the CLI), from
/// <c>PULUMI_CONFIG</c> (compiler mode under <c>pulumi</c>), or given in memory (tests).
/// </summary>
public sealed class StackConfig
{
    private readonly Dictionary<string, ConfigValue> values;

    private StackConfig(string project, string stack, string source, Dictionary<string, ConfigValue> values)
    {
        ProjectName = project;
        StackName = stack;
        Source = source;
        this.values = values;
    }

    public string ProjectName { get; }

    public string StackName { get; }

    /// <summary>Where the values came from, for messages (a file name, or <c>PULUMI_CONFIG</c>).</summary>
    public string Source { get; }

    /// <summary>Every key, fully qualified (<c>infra:cloud</c>, <c>aws:region</c>), in ordinal order.</summary>
    public IEnumerable<string> Keys => values.Keys.Order(StringComparer.Ordinal);

    public ConfigValue? this[string fullKey] => values.GetValueOrDefault(fullKey);

    /// <summary>Config given in memory. Keys without a namespace are put in the project's.</summary>
    public static StackConfig FromValues(string project, string stack, IReadOnlyDictionary<string, string>? plain = null,
        IEnumerable<string>? secretKeys = null)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var (key, text) in plain ?? new Dictionary<string, string>())
        {
            values[Qualify(project, key)] = new ConfigValue(text, false, LooksStructured(text), "in-memory config", null);
        }

        foreach (var key in secretKeys ?? [])
        {
            values[Qualify(project, key)] = new ConfigValue(null, true, false, "in-memory config", null);
        }

        return new StackConfig(project, stack, "in-memory config", values);
    }

    /// <summary>Reads <c>Pulumi.&lt;stack&gt;.yaml</c>. Problems in the file are raised together.</summary>
    public static StackConfig FromFile(string path, string project, string stack) =>
        new(project, stack, Path.GetFileName(path), StackFileReader.Read(path, project));

    /// <summary>
    /// Compiler mode: values from <c>PULUMI_CONFIG</c> (already decrypted by Pulumi; the plaintext of secret
    /// values is dropped here, never used), secret keys from <c>PULUMI_CONFIG_SECRET_KEYS</c> and from the
    /// stack file's <c>secure:</c> entries when the file is present.
    /// </summary>
    public static StackConfig FromEnvironment(string project, string stack, string? configJson, string? secretKeysJson, string? stackFile)
    {
        var secret = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(secretKeysJson))
        {
            foreach (var key in JsonSerializer.Deserialize<string[]>(secretKeysJson) ?? [])
            {
                secret.Add(key);
            }
        }

        Dictionary<string, ConfigValue>? fromFile = null;
        if (stackFile is not null && File.Exists(stackFile))
        {
            fromFile = StackFileReader.Read(stackFile, project);
            foreach (var (key, value) in fromFile)
            {
                if (value.IsSecret)
                {
                    secret.Add(key);
                }
            }
        }

        var source = "PULUMI_CONFIG";
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(configJson))
        {
            using var document = JsonDocument.Parse(configJson);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = Qualify(project, property.Name);
                var line = fromFile?.GetValueOrDefault(key)?.Line;
                var where = fromFile is null ? source : Path.GetFileName(stackFile)!;
                if (secret.Contains(key) || secret.Contains(property.Name))
                {
                    values[key] = new ConfigValue(null, true, false, where, line);
                    continue;
                }

                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                var structured = property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || LooksStructured(text);
                values[key] = new ConfigValue(text, false, structured, where, line);
            }
        }

        return new StackConfig(project, stack, fromFile is null ? source : Path.GetFileName(stackFile)!, values);
    }

    internal static string Qualify(string project, string key) => key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";

    private static bool LooksStructured(string text) =>
        text.Length > 1 && ((text[0] == '{' && text[^1] == '}') || (text[0] == '[' && text[^1] == ']'));
}
