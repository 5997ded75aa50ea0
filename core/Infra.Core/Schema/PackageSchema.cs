using System.Collections.Concurrent;
using System.Text.Json;
using Infra.Core.Diagnostics;

namespace Infra.Core.Schema;

/// <summary>
/// One provider's package schema (the shape <c>pulumi package get-schema</c> prints, or its trimmed form).
/// Loading parses the JSON once and indexes the tokens; a resource, function or type is converted only when
/// a program first uses it, then cached. Safe to share between threads.
/// </summary>
public sealed class PackageSchema
{
    public const string ProviderPrefix = "pulumi:providers:";

    private readonly JsonDocument document;
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonElement> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> types = new(StringComparer.Ordinal);

    // Case-insensitive token → canonical token, aliases included: Pulumi YAML resolves types case-insensitively.
    private readonly Dictionary<string, string> resourceTokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> functionTokens = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, ResourceSpec> resourceSpecs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FunctionSpec> functionSpecs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SchemaType> namedTypes = new(StringComparer.Ordinal);
    private ResourceSpec? provider;

    private PackageSchema(JsonDocument document, string file)
    {
        this.document = document;
        File = file;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"{file} is not a Pulumi package schema: it has no \"name\".");
        }

        Name = name.GetString()!;
        Version = root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString()! : "unknown";
        Index(root, "resources", resources, resourceTokens, withAliases: true);
        Index(root, "functions", functions, functionTokens, withAliases: false);
        if (root.TryGetProperty("types", out var typeMap) && typeMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in typeMap.EnumerateObject())
            {
                types[type.Name] = type.Value;
            }
        }
    }

    /// <summary>The package name (<c>aws</c>, <c>yandex</c>).</summary>
    public string Name { get; }

    /// <summary>The schema's version (for yandex-tf.json, the Terraform provider's), or <c>unknown</c>.</summary>
    public string Version { get; }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    public string ProviderToken => ProviderPrefix + Name;

    public IReadOnlyCollection<string> ResourceTokens => resources.Keys;

    public IReadOnlyCollection<string> FunctionTokens => functions.Keys;

    /// <summary>Reads a schema file. Bad JSON or a file without a package name raise <see cref="InvalidDataException"/>.</summary>
    public static PackageSchema Load(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        return FromBytes(bytes, Path.GetFileName(path));
    }

    /// <summary>A schema given as text (tests, embedded schemas).</summary>
    public static PackageSchema Parse(string json, string file = "(in memory)") =>
        FromBytes(System.Text.Encoding.UTF8.GetBytes(json), file);

    private static PackageSchema FromBytes(byte[] bytes, string file)
    {
        try
        {
            return new PackageSchema(JsonDocument.Parse(bytes), file);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// The canonical token of a resource type as Pulumi YAML resolves it: exact or case-insensitive match,
    /// then <c>pkg:Name</c> → <c>pkg:index:Name</c> → <c>pkg:index/name:Name</c>, <c>pkg:mod:Name</c> → <c>pkg:mod/name:Name</c>.
    /// Null when none exists.
    /// </summary>
    public string? ResolveResourceToken(string token)
    {
        if (IsProviderToken(token))
        {
            return ProviderToken;
        }

        return Resolve(token, resourceTokens);
    }

    public string? ResolveFunctionToken(string token) => Resolve(token, functionTokens);

    /// <summary>The resource type with this canonical token (or the provider, for <c>pulumi:providers:&lt;name&gt;</c>).</summary>
    public ResourceSpec? GetResource(string canonicalToken)
    {
        if (canonicalToken == ProviderToken)
        {
            return Provider;
        }

        if (resourceSpecs.TryGetValue(canonicalToken, out var spec))
        {
            return spec;
        }

        if (!resources.TryGetValue(canonicalToken, out var element))
        {
            return null;
        }

        return Convert(resourceSpecs, canonicalToken, element, SchemaJson.ReadResource);
    }

    /// <summary>The provider resource: its inputs are the provider's configuration.</summary>
    public ResourceSpec Provider
    {
        get
        {
            if (provider is not null)
            {
                return provider;
            }

            lock (gate)
            {
                var root = document.RootElement;
                return provider ??= SchemaJson.ReadProvider(ProviderToken,
                    root.TryGetProperty("provider", out var element) ? element : default,
                    root.TryGetProperty("config", out var config) ? config : default, this);
            }
        }
    }

    public FunctionSpec? GetFunction(string canonicalToken)
    {
        if (functionSpecs.TryGetValue(canonicalToken, out var spec))
        {
            return spec;
        }

        if (!functions.TryGetValue(canonicalToken, out var element))
        {
            return null;
        }

        return Convert(functionSpecs, canonicalToken, element, SchemaJson.ReadFunction);
    }

    /// <summary>The closest resource token to a misspelt one, or null.</summary>
    public string? SuggestResource(string token) => Suggest.Closest(Expand(token), resources.Keys);

    public string? SuggestFunction(string token) => Suggest.Closest(Expand(token), functions.Keys);

    internal SchemaType ResolveNamedType(string token)
    {
        if (namedTypes.TryGetValue(token, out var type))
        {
            return type;
        }

        if (!types.TryGetValue(token, out var element))
        {
            // A schema that references a type it does not define: nothing can be checked against it.
            return SchemaType.Any;
        }

        return Convert(namedTypes, token, element, SchemaJson.ReadNamedType);
    }

    /// <summary>Converts once: JSON is read under the lock, converted specs are read without it.</summary>
    private T Convert<T>(ConcurrentDictionary<string, T> cache, string token, JsonElement element, Func<string, JsonElement, PackageSchema, T> read)
    {
        lock (gate)
        {
            if (!cache.TryGetValue(token, out var value))
            {
                value = read(token, element, this);
                cache[token] = value;
            }

            return value;
        }
    }

    internal bool IsProviderToken(string token) =>
        token.StartsWith(ProviderPrefix, StringComparison.Ordinal) && token.AsSpan(ProviderPrefix.Length).Equals(Name, StringComparison.Ordinal);

    private static string? Resolve(string token, Dictionary<string, string> tokens)
    {
        if (tokens.TryGetValue(token, out var canonical))
        {
            return canonical;
        }

        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        if (parts.Length == 2)
        {
            if (tokens.TryGetValue($"{parts[0]}:index:{parts[1]}", out canonical))
            {
                return canonical;
            }

            parts = [parts[0], "index", parts[1]];
        }

        return parts[2].Length > 0 && tokens.TryGetValue($"{parts[0]}:{parts[1]}/{LowerFirst(parts[2])}:{parts[2]}", out canonical)
            ? canonical
            : null;
    }

    /// <summary>The canonical-looking form of a short token, so a misspelt short form is compared with canonical tokens.</summary>
    private static string Expand(string token)
    {
        var parts = token.Split(':');
        if (parts.Length == 2)
        {
            parts = [parts[0], "index", parts[1]];
        }

        return parts.Length == 3 && !parts[1].Contains('/', StringComparison.Ordinal) && parts[2].Length > 0
            ? $"{parts[0]}:{parts[1]}/{LowerFirst(parts[2])}:{parts[2]}"
            : token;
    }

    private static string LowerFirst(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void Index(JsonElement root, string section, Dictionary<string, JsonElement> elements, Dictionary<string, string> tokens, bool withAliases)
    {
        if (!root.TryGetProperty(section, out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var entry in map.EnumerateObject())
        {
            elements[entry.Name] = entry.Value;
            tokens.TryAdd(entry.Name, entry.Name);
        }

        if (!withAliases)
        {
            return;
        }

        // Schema-declared aliases resolve to the current token, as in Pulumi YAML; real tokens win over aliases.
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array)
            {
                foreach (var alias in aliases.EnumerateArray())
                {
                    if (alias.ValueKind == JsonValueKind.Object && alias.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                    {
                        tokens.TryAdd(type.GetString()!, entry.Name);
                    }
                }
            }
        }
    }
}
