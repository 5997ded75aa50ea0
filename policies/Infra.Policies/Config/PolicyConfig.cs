using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;

namespace Infra.Policies;

/// <summary>
/// The policy settings of a stack, under the config key <c>infra:policy</c>:
/// <code>
/// infra:policy:
///   enforcement: { INF-WL-004: mandatory, INF-IAM-004: disabled }
///   exemptions:
///     - { ruleId: INF-DATA-001, resource: reporting-db, justification: "…", owner: team-data, expires: 2026-03-31 }
///   parameters: { minKubernetesVersion: "1.30", minBackupRetentionDays: 14 }
/// </code>
/// Every problem (unknown rule, bad level, missing justification, bad date) is reported at once.
/// </summary>
public sealed record PolicyConfig
{
    public const string DefaultKey = "policy";

    public static readonly PolicyConfig Empty = new();

    public IReadOnlyDictionary<string, EnforcementLevel> Enforcement { get; init; } = new Dictionary<string, EnforcementLevel>();

    public IReadOnlyList<Exemption> Exemptions { get; init; } = [];

    public PolicyParameters Parameters { get; init; } = new();

    /// <summary>Reads the settings through the core <see cref="Config"/> API; call it while the program runs (inside <c>Deployment.Run</c>).</summary>
    public static PolicyConfig Load(string key = DefaultKey)
    {
        var config = new Config();
        var raw = config.GetObject<RawConfig>(key);
        var where = Deployment.Current.StackConfig[config.FullKey(key)];
        return raw is null ? Empty : Validate(raw, config.FullKey(key), where);
    }

    /// <summary>Reads the settings from stack config without running a program (e.g. for <c>infra policy --program</c>).</summary>
    public static PolicyConfig FromStackConfig(StackConfig stackConfig, string key = DefaultKey)
    {
        ArgumentNullException.ThrowIfNull(stackConfig);
        var fullKey = $"{stackConfig.ProjectName}:{key}";
        if (stackConfig[fullKey] is not { Text: { } text } value)
        {
            return Empty;
        }

        RawConfig? raw;
        try
        {
            raw = JsonSerializer.Deserialize<RawConfig>(text, Json);
        }
        catch (JsonException e)
        {
            throw new InfraException(Problem(fullKey, value, $"The policy settings are not valid: {e.Message}", null));
        }

        return raw is null ? Empty : Validate(raw, fullKey, value);
    }

    private static PolicyConfig Validate(RawConfig raw, string fullKey, ConfigValue? where)
    {
        var problems = new List<Diagnostic>();
        var ids = PolicyPack.Rules.Select(r => r.Id).ToArray();
        string? RuleId(string? id, string at)
        {
            var rule = id is null ? null : PolicyPack.Find(id);
            if (rule is null)
            {
                problems.Add(Problem(fullKey, where, $"{at} names rule '{id}', which does not exist.{Suggest.DidYouMean(id ?? "", ids)}", id));
            }

            return rule?.Id;
        }

        var levels = new Dictionary<string, EnforcementLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, text) in raw.Enforcement ?? [])
        {
            if (!Enum.TryParse<EnforcementLevel>(text, ignoreCase: true, out var level) || int.TryParse(text, out _))
            {
                problems.Add(Problem(fullKey, where, $"enforcement.{id} is '{text}'; use mandatory, advisory or disabled.", text));
            }
            else if (RuleId(id, $"enforcement.{id}") is { } known)
            {
                levels[known] = level;
            }
        }

        var exemptions = new List<Exemption>();
        foreach (var (entry, i) in (raw.Exemptions ?? []).Select((e, i) => (e, i)))
        {
            var at = $"exemptions[{i}]";
            var missing = new[] { ("resource", entry.Resource), ("justification", entry.Justification), ("owner", entry.Owner), ("expires", entry.Expires) }
                .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToArray();
            if (missing.Length > 0)
            {
                problems.Add(Problem(fullKey, where, $"{at} has no {string.Join(", ", missing)}; every exemption needs a resource, a justification, an owner and an expiry date.", null));
            }

            var expires = default(DateOnly);
            if (!string.IsNullOrWhiteSpace(entry.Expires) &&
                !DateOnly.TryParseExact(entry.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
            {
                problems.Add(Problem(fullKey, where, $"{at}.expires is '{entry.Expires}'; write the date as YYYY-MM-DD.", entry.Expires));
            }

            if (RuleId(entry.RuleId, $"{at}.ruleId") is { } rule && missing.Length == 0 && expires != default)
            {
                exemptions.Add(new Exemption(rule, entry.Resource!, entry.Justification!.Trim(), entry.Owner!.Trim(), expires));
            }
        }

        var parameters = new PolicyParameters();
        if (raw.Parameters is { } p)
        {
            if (p.MinBackupRetentionDays is < 1 || p.MinLogRetentionDays is < 1 || p.AdminPorts?.Any(port => port is < 1 or > 65535) == true)
            {
                problems.Add(Problem(fullKey, where, "parameters: retention days must be at least 1 and ports between 1 and 65535.", null));
            }

            parameters = parameters with
            {
                AdminPorts = p.AdminPorts ?? parameters.AdminPorts,
                MinBackupRetentionDays = p.MinBackupRetentionDays ?? parameters.MinBackupRetentionDays,
                MinLogRetentionDays = p.MinLogRetentionDays ?? parameters.MinLogRetentionDays,
                MinKubernetesVersion = p.MinKubernetesVersion,
            };
        }

        return problems.Count > 0
            ? throw new InfraException(problems)
            : new PolicyConfig { Enforcement = levels, Exemptions = exemptions, Parameters = parameters };
    }

    private static Diagnostic Problem(string fullKey, ConfigValue? where, string message, string? value) => new()
    {
        Code = "INFRA-POLICY-001",
        Message = $"Policy configuration '{fullKey}': {message}",
        File = where?.Source,
        Line = where?.Line,
        Key = fullKey,
        Value = value,
        Rule = "enforcement levels are mandatory/advisory/disabled; exemptions need ruleId, resource, justification, owner and expires (YYYY-MM-DD)",
        Fix = "Correct the entry under infra:policy in the stack's config file.",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    internal sealed class RawConfig
    {
        public Dictionary<string, string>? Enforcement { get; set; }

        public List<RawExemption>? Exemptions { get; set; }

        public RawParameters? Parameters { get; set; }
    }

    internal sealed class RawExemption
    {
        public string? RuleId { get; set; }

        public string? Resource { get; set; }

        public string? Justification { get; set; }

        public string? Owner { get; set; }

        public string? Expires { get; set; }
    }

    internal sealed class RawParameters
    {
        public List<int>? AdminPorts { get; set; }

        public int? MinBackupRetentionDays { get; set; }

        public int? MinLogRetentionDays { get; set; }

        public string? MinKubernetesVersion { get; set; }
    }
}
