using Infra.Core.Diagnostics;

namespace Infra.Core.Configuration;

/// <summary>Records which keys a program read and every problem found, so that all are reported at once.</summary>
internal sealed class ConfigTracker(StackConfig config)
{
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> problems = [];

    public StackConfig Config { get; } = config;

    public IReadOnlyList<Diagnostic> Problems => problems;

    public ConfigValue? Read(string fullKey)
    {
        read.Add(fullKey);
        return Config[fullKey];
    }

    public void MarkKnown(string fullKey) => read.Add(fullKey);

    public void Missing(string fullKey, string expected)
    {
        problems.Add(new Diagnostic
        {
            Code = "INFRA-CONFIG-001",
            Message = $"Missing required configuration value '{fullKey}'.",
            File = Config.Source,
            Key = fullKey,
            Rule = $"required; {expected}",
            Fix = $"Run `pulumi config set {fullKey} <value> --stack {Config.StackName}` or add it under `config:` in {FileName}.",
        });
    }

    public void Invalid(string fullKey, ConfigValue value, string rule, string fix)
    {
        problems.Add(new Diagnostic
        {
            Code = "INFRA-CONFIG-002",
            Message = $"Configuration value '{fullKey}' is not valid.",
            File = value.Source,
            Line = value.Line,
            Key = fullKey,
            Value = value.IsSecret ? "[secret]" : value.Text,
            Rule = rule,
            Fix = fix,
        });
    }

    public void SecretReadAsPlain(string fullKey, ConfigValue value)
    {
        problems.Add(new Diagnostic
        {
            Code = "INFRA-CONFIG-003",
            Message = $"Configuration value '{fullKey}' is a secret and cannot be read as plain text at synthesis time.",
            File = value.Source,
            Line = value.Line,
            Key = fullKey,
            Value = "[secret]",
            Rule = "secrets are passed to Pulumi as references and never decrypted by Infra",
            Fix = "Read it with Config.GetSecret/RequireSecret, or store it without --secret if it is not secret.",
        });
    }

    /// <summary>
    /// Keys of the project's namespace that nothing read: almost always a typo. When the program stopped early,
    /// only near misses of keys it did read are reported (others may be read by code that never ran).
    /// </summary>
    public void ReportUnknownKeys(bool onlyNearMisses = false)
    {
        var prefix = Config.ProjectName + ":";
        var known = read.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        foreach (var key in Config.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || read.Contains(key))
            {
                continue;
            }

            if (onlyNearMisses && Suggest.Closest(key, known) is null)
            {
                continue;
            }

            var value = Config[key]!;
            problems.Add(new Diagnostic
            {
                Code = "INFRA-CONFIG-004",
                Message = $"Unknown configuration key '{key}'.{Suggest.DidYouMean(key, known)}",
                File = value.Source,
                Line = value.Line,
                Key = key,
                Value = value.IsSecret ? "[secret]" : value.Text,
                Rule = known.Length == 0 ? "this program reads no keys of its namespace" : "known keys: " + string.Join(", ", known.Order(StringComparer.Ordinal)),
                Fix = "Correct the key's spelling or remove it.",
            });
        }
    }

    private string FileName => $"Pulumi.{Config.StackName}.yaml";
}
