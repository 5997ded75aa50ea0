using System.Globalization;
using System.Text.Json;
using Infra.Core.Configuration;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// A bag of configuration, as Pulumi's <c>Config</c>: <c>new Config()</c> reads the project's namespace,
/// <c>new Config("aws")</c> reads <c>aws:*</c>. Plain values are read at synthesis time; secret values only
/// ever become references (<c>${infra:dbPassword}</c>) that Pulumi resolves and keeps secret.
/// A missing or malformed value is recorded, not thrown, so that every problem is reported together.
/// </summary>
public sealed class Config
{
    private static readonly JsonSerializerOptions ObjectOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly ConfigTracker tracker;

    public Config(string? name = null)
    {
        var deployment = Deployment.Current;
        tracker = deployment.ConfigTracker;
        Name = name is null ? deployment.ProjectName : name.EndsWith(":config", StringComparison.Ordinal) ? name[..^7] : name;
    }

    /// <summary>The namespace, e.g. <c>infra</c> or <c>aws</c>.</summary>
    public string Name { get; }

    public string FullKey(string key) => $"{Name}:{key}";

    public string? Get(string key) => Plain(key) is { } value ? value.Text : null;

    public string Require(string key) => Get(key) ?? Missing(key, "a string", "");

    public bool? GetBoolean(string key) => Parse(key, "true or false", "Use true or false.",
        text => text switch { "true" => true, "false" => false, _ => (bool?)null });

    public bool RequireBoolean(string key) => GetBoolean(key) ?? MissingUnlessInvalid(key, "true or false", false);

    public int? GetInt32(string key) => Parse(key, "a whole number", "Give a whole number such as 3.",
        text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (int?)null);

    public int RequireInt32(string key) => GetInt32(key) ?? MissingUnlessInvalid(key, "a whole number", 0);

    public double? GetDouble(string key) => Parse(key, "a number", "Give a number such as 1.5.",
        text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null);

    public double RequireDouble(string key) => GetDouble(key) ?? MissingUnlessInvalid(key, "a number", 0d);

    /// <summary>A structured value (set with <c>pulumi config set --path</c> or written as a map), bound to <typeparamref name="T"/> with camelCase names; unknown members are errors.</summary>
    public T? GetObject<T>(string key)
        where T : class => GetObject<T>(key, ObjectOptions);

    /// <summary>A structured value bound with the given serializer options (e.g. a contract that skips non-data members).</summary>
    public T? GetObject<T>(string key, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = Plain(key);
        if (value?.Text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(value.Text, options);
        }
        catch (JsonException e)
        {
            tracker.Invalid(FullKey(key), value, $"a {typeof(T).Name} object: {e.Message}", "Correct the structure of this value; see the README's configuration reference.");
            return null;
        }
    }

    public T RequireObject<T>(string key)
        where T : class => GetObject<T>(key) ?? MissingUnlessInvalid<T>(key, $"a {typeof(T).Name} object", null!);

    /// <summary>A secret value, as a reference Pulumi resolves (Infra never sees the plaintext). Null when the key is absent.</summary>
    public Output<string>? GetSecret(string key)
    {
        var fullKey = FullKey(key);
        var value = tracker.Read(fullKey);
        return value is null ? null : Output.CreateSecret<string>(Output.FromNode<string>(ConfigReference(fullKey)));
    }

    public Output<string> RequireSecret(string key) =>
        GetSecret(key) ?? Output.CreateSecret<string>(Output.FromNode<string>(ConfigReference(FullKey(Missing(key, "a secret string", key)))));

    /// <summary>A plain value passed as a reference (<c>${infra:key}</c>) instead of being baked into the program.</summary>
    public Output<string> Reference(string key) => Reference<string>(key);

    /// <summary>A plain value of type <typeparamref name="T"/> passed as a reference, e.g. for the protect option.</summary>
    public Output<T> Reference<T>(string key)
    {
        var fullKey = FullKey(key);
        tracker.Read(fullKey);
        return Output.FromNode<T>(ConfigReference(fullKey));
    }

    /// <summary>Records that a value is present but not acceptable, for checks the typed getters cannot make (e.g. one of a set of names).</summary>
    public void ReportInvalid(string key, string rule, string fix)
    {
        var fullKey = FullKey(key);
        if (tracker.Read(fullKey) is { } value)
        {
            tracker.Invalid(fullKey, value, rule, fix);
        }
    }

    private static ReferenceNode ConfigReference(string fullKey)
    {
        // Structured keys are read with a path: infra:db.password → root infra:db, path password.
        var dot = fullKey.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new ReferenceNode(fullKey, [])
            : new ReferenceNode(fullKey[..dot], PropertyPath.Parse(fullKey[(dot + 1)..]));
    }

    private ConfigValue? Plain(string key)
    {
        var fullKey = FullKey(key);
        var value = tracker.Read(fullKey);
        if (value is { IsSecret: true })
        {
            tracker.SecretReadAsPlain(fullKey, value);
            return null;
        }

        return value;
    }

    private T? Parse<T>(string key, string rule, string fix, Func<string, T?> parse)
        where T : struct
    {
        var value = Plain(key);
        if (value?.Text is null)
        {
            return null;
        }

        var parsed = parse(value.Text.Trim());
        if (parsed is null)
        {
            tracker.Invalid(FullKey(key), value, rule, fix);
        }

        return parsed;
    }

    private T MissingUnlessInvalid<T>(string key, string expected, T fallback)
    {
        if (tracker.Config[FullKey(key)] is null)
        {
            tracker.Missing(FullKey(key), expected);
        }

        return fallback;
    }

    private T Missing<T>(string key, string expected, T fallback)
    {
        if (tracker.Config[FullKey(key)] is null)
        {
            tracker.Missing(FullKey(key), expected);
        }

        return fallback;
    }
}
