using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Storage;

/// <summary>An <see cref="ObjectStorageArgs"/> with every default applied and every rule checked: what a cloud realises.</summary>
public sealed partial record ObjectStorageSpec
{
    public const string Code = "INFRA-STORAGE-001";

    /// <summary>Fewest days before a transition: the infrequent-access classes bill at least 30 days.</summary>
    public const int MinTransitionDays = 30;

    /// <summary>Days the access-log bucket keeps logs.</summary>
    public const int AccessLogRetentionDays = 365;

    public required string Name { get; init; }

    public required string BucketName { get; init; }

    /// <summary>The region the bucket lives in (the platform's unless the args name another).</summary>
    public required string Region { get; init; }

    /// <summary>True when the bucket lives outside the platform's region.</summary>
    public required bool InOtherRegion { get; init; }

    public required bool Versioning { get; init; }

    public required IReadOnlyList<LifecycleRule> LifecycleRules { get; init; }

    /// <summary>The companion bucket receiving access logs; null when access logs are off.</summary>
    public required string? AccessLogBucketName { get; init; }

    public required bool CustomerManagedKey { get; init; }

    public required bool ServeThroughCdn { get; init; }

    public required bool ForceDestroy { get; init; }

    /// <summary>Refuse deletion (Pulumi's protect) of the bucket, its log bucket and its key.</summary>
    public required bool Protect { get; init; }

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static ObjectStorageSpec Resolve(string name, ObjectStorageArgs args, PlatformSettings settings, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "ObjectStorage", name);
        var bucketName = args.BucketName ?? settings.ResourceName(name);
        var accessLogs = args.AccessLogs ?? settings.IsProduction;
        CheckBucketName(problems, "ObjectStorageArgs.BucketName", bucketName, accessLogs);
        if (args.ForceDestroy && settings.IsProduction)
        {
            problems.Add(Code, "ObjectStorageArgs.ForceDestroy", "true", "a production bucket may not be deleted with its objects.",
                "ForceDestroy is off in production", "Empty the bucket deliberately before removing it, or leave ForceDestroy false.");
        }

        var region = args.Region ?? settings.Region;
        if (string.IsNullOrWhiteSpace(region) || region.Trim() != region)
        {
            problems.Add(Code, "ObjectStorageArgs.Region", args.Region, $"'{args.Region}' is not a region.",
                "a region name of the platform's cloud, e.g. eu-west-1 or europe-west4", "Name the region, or leave Region unset for the platform's.");
        }

        var rules = args.LifecycleRules ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            CheckRule(problems, $"ObjectStorageArgs.LifecycleRules[{i}]", rules[i], args.Versioning, ids);
        }

        problems.ThrowIfAny();
        return new ObjectStorageSpec
        {
            Name = name,
            BucketName = bucketName,
            Region = region,
            InOtherRegion = region != settings.Region,
            Versioning = args.Versioning,
            LifecycleRules = rules,
            AccessLogBucketName = accessLogs ? bucketName + "-logs" : null,
            CustomerManagedKey = args.CustomerManagedKey ?? settings.IsProduction,
            ServeThroughCdn = args.ServeThroughCdn,
            ForceDestroy = args.ForceDestroy,
            Protect = settings.ProtectStatefulResources,
        };
    }

    private static void CheckBucketName(Problems problems, string property, string bucketName, bool accessLogs)
    {
        var longest = accessLogs ? 58 : 63;
        if (bucketName.Length < 3 || bucketName.Length > longest || !BucketNamePattern().IsMatch(bucketName) || bucketName.Contains("--", StringComparison.Ordinal))
        {
            problems.Add(Code, property, bucketName, $"'{bucketName}' is not a bucket name every cloud accepts.",
                $"3 to {longest} lower-case letters, digits and single hyphens, starting and ending with a letter or digit" +
                (accessLogs ? " (5 characters are kept for the -logs bucket)" : ""),
                "Use a name such as acme-prod-assets.");
        }
    }

    private static void CheckRule(Problems problems, string property, LifecycleRule rule, bool versioning, HashSet<string> ids)
    {
        if (rule.Id is null || !RuleIdPattern().IsMatch(rule.Id))
        {
            problems.Add(Code, $"{property}.Id", rule.Id, $"'{rule.Id}' is not a lifecycle rule name.",
                "letters, digits, '-' and '_', 1 to 64 characters", "Name the rule after what it does, e.g. expire-tmp.");
        }
        else if (!ids.Add(rule.Id))
        {
            problems.Add(Code, $"{property}.Id", rule.Id, $"lifecycle rule '{rule.Id}' is declared twice.", "rule names are unique",
                "Merge the two rules or rename one.");
        }

        if (rule.TransitionToColdAfterDays is null && rule.ExpireAfterDays is null && rule.NoncurrentVersionsExpireAfterDays is null)
        {
            problems.Add(Code, property, rule.Id, $"lifecycle rule '{rule.Id}' has no action.",
                "a rule transitions, expires or removes non-current versions",
                "Set TransitionToColdAfterDays, ExpireAfterDays or NoncurrentVersionsExpireAfterDays.");
        }

        CheckDays(problems, $"{property}.ExpireAfterDays", rule.ExpireAfterDays, 1);
        CheckDays(problems, $"{property}.TransitionToColdAfterDays", rule.TransitionToColdAfterDays, MinTransitionDays);
        CheckDays(problems, $"{property}.NoncurrentVersionsExpireAfterDays", rule.NoncurrentVersionsExpireAfterDays, 1);
        CheckDays(problems, $"{property}.AbortIncompleteUploadsAfterDays", rule.AbortIncompleteUploadsAfterDays, 1);
        if (rule is { TransitionToColdAfterDays: { } transition, ExpireAfterDays: { } expire } && transition >= expire)
        {
            problems.Add(Code, $"{property}.TransitionToColdAfterDays", Text(transition),
                $"objects would move to cold storage after {transition} days but expire after {expire}.",
                "a transition comes before the expiration", $"Transition before day {expire}, or drop the transition.");
        }

        if (rule.NoncurrentVersionsExpireAfterDays is not null && !versioning)
        {
            problems.Add(Code, $"{property}.NoncurrentVersionsExpireAfterDays", Text(rule.NoncurrentVersionsExpireAfterDays.Value),
                "without versioning there are no non-current versions to expire.", "needs Versioning = true",
                "Turn versioning on, or drop NoncurrentVersionsExpireAfterDays.");
        }
    }

    private static void CheckDays(Problems problems, string property, int? days, int minimum)
    {
        if (days is { } value && value < minimum)
        {
            problems.Add(Code, property, Text(value), $"{value} days is below {minimum}.", $"at least {minimum} days",
                $"Use {minimum} days or more.");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex RuleIdPattern();
}
