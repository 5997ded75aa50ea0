using System.Text.RegularExpressions;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components;

/// <summary>
/// The environment every component is built for: its name, where it runs, how things are named and
/// labelled, and how carefully stateful resources are guarded. Filled from the stack config
/// (camelCase keys: <c>environment</c>, <c>region</c>, <c>zones</c>, <c>namePrefix</c>, <c>labels</c>, …).
/// </summary>
public sealed partial record PlatformSettings
{
    private readonly bool? isProduction;
    private readonly bool? protectStatefulResources;

    /// <summary>The environment name, e.g. <c>dev</c> or <c>prod</c>. Required.</summary>
    public required string Environment { get; init; }

    /// <summary>Whether this environment serves production. Default: true when <see cref="Environment"/> is <c>prod</c>.</summary>
    public bool IsProduction
    {
        get => isProduction ?? Environment == "prod";
        init => isProduction = value;
    }

    /// <summary>The cloud region, e.g. <c>eu-west-1</c>, <c>europe-west1</c>, <c>ru-central1</c>. Required.</summary>
    public required string Region { get; init; }

    /// <summary>
    /// The availability zones components may use, in order of preference (components take the first N), e.g.
    /// <c>[eu-west-1a, eu-west-1b, eu-west-1c]</c>. Required; at least one.
    /// </summary>
    public required IReadOnlyList<string> Zones { get; init; }

    /// <summary>
    /// Prefix of every cloud resource name, e.g. <c>acme-dev</c>: lower-case letters, digits and hyphens,
    /// starting with a letter, at most 24 characters. Required.
    /// </summary>
    public required string NamePrefix { get; init; }

    /// <summary>
    /// Labels (tags) put on every resource that takes them, written in ordinal key order. Keys and values use
    /// the rules every cloud accepts: lower-case letters, digits, <c>_</c> and <c>-</c>, at most 63 characters,
    /// keys starting with a letter. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Protect stateful resources (keys, databases, buckets) from deletion: the Pulumi <c>protect</c> option plus
    /// the resource's own deletion protection. Default: <see cref="IsProduction"/>.
    /// </summary>
    public bool ProtectStatefulResources
    {
        get => protectStatefulResources ?? IsProduction;
        init => protectStatefulResources = value;
    }

    /// <summary>The labels as an ordered list (ordinal key order), so that programs are written deterministically.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OrderedLabels =>
        [.. Labels.OrderBy(l => l.Key, StringComparer.Ordinal)];

    /// <summary>A cloud resource name: the prefix, then the parts, joined with hyphens.</summary>
    public string ResourceName(params string[] parts) => string.Join('-', [NamePrefix, .. parts]);

    /// <summary>Checks every setting and throws all problems at once.</summary>
    public void Validate()
    {
        var problems = new Problems(null, SourceLocation.Unknown);
        if (string.IsNullOrWhiteSpace(Environment) || !NamePattern().IsMatch(Environment))
        {
            problems.Add("INFRA-PLATFORM-001", "PlatformSettings.Environment", Environment,
                $"'{Environment}' is not a valid environment name.",
                "lower-case letters, digits and hyphens, starting with a letter",
                "Use a short name such as dev, staging or prod.");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            problems.Add("INFRA-PLATFORM-002", "PlatformSettings.Region", Region, "no region is given.",
                "a region of the chosen cloud", "Set the region, e.g. eu-west-1, europe-west1 or ru-central1.");
        }

        ValidateZones(problems);
        if (NamePrefix is null || NamePrefix.Length > MaxNamePrefixLength || !NamePattern().IsMatch(NamePrefix) || NamePrefix.EndsWith('-'))
        {
            problems.Add("INFRA-PLATFORM-004", "PlatformSettings.NamePrefix", NamePrefix,
                $"'{NamePrefix}' cannot prefix cloud resource names.",
                $"lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most {MaxNamePrefixLength} characters",
                "Use the project and environment, e.g. acme-dev.");
        }

        foreach (var (key, value) in OrderedLabels)
        {
            if (!LabelKeyPattern().IsMatch(key) || !LabelValuePattern().IsMatch(value ?? ""))
            {
                problems.Add("INFRA-PLATFORM-005", $"PlatformSettings.Labels[\"{key}\"]", value,
                    $"the label {key}={value} is not accepted by every cloud.",
                    "keys: a lower-case letter, then lower-case letters, digits, _ or -; values: lower-case letters, digits, _ or -; both at most 63 characters",
                    "Write the label in lower case with hyphens, e.g. team=platform.");
            }
        }

        problems.ThrowIfAny();
    }

    /// <summary>Longest name prefix: leaves room for component and resource names within every cloud's limits.</summary>
    public const int MaxNamePrefixLength = 24;

    private void ValidateZones(Problems problems)
    {
        if (Zones is null || Zones.Count == 0)
        {
            problems.Add("INFRA-PLATFORM-003", "PlatformSettings.Zones", null, "no zones are given.",
                "at least one availability zone of the region", "List the region's zones, e.g. [eu-west-1a, eu-west-1b, eu-west-1c].");
            return;
        }

        var duplicate = Zones.GroupBy(z => z, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null || Zones.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("INFRA-PLATFORM-003", "PlatformSettings.Zones", string.Join(", ", Zones),
                duplicate is null ? "a zone name is empty." : $"zone '{duplicate.Key}' is listed twice.",
                "distinct, non-empty zone names", "List each zone once.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$")]
    private static partial Regex LabelKeyPattern();

    [GeneratedRegex("^[a-z0-9_-]{0,63}$")]
    private static partial Regex LabelValuePattern();
}
