using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

/// <summary>
/// The AWS realisation of every neutral component. Create it once per stack, inside the program: it declares
/// the stack's default <c>aws</c> provider (region and default tags from the settings).
/// </summary>
public sealed partial class AwsCloud : ICloud
{
    public const string ProviderVersion = "7.48.0";

    private static readonly int[] RetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
    private static readonly string[] AccessPolicies = ["AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy", "AmazonEKSEditPolicy", "AmazonEKSViewPolicy"];

    private readonly PlatformSettings settings;

    public AwsCloud(PlatformSettings settings, AwsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        Options = options ?? new AwsOptions();
        Validate(Options);
        var tags = new Props();
        foreach (var (key, value) in settings.OrderedLabels)
        {
            tags[key] = value;
        }

        Provider = new ProviderResource("aws", "aws", new Props
        {
            ["region"] = settings.Region,
            ["defaultTags"] = tags.Count == 0 ? null : new Props { ["tags"] = tags },
        }, new CustomResourceOptions { Version = ProviderVersion }, isDefault: true);
        AccountId = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", returnField: "accountId");
    }

    public string Name => "aws";

    public AwsOptions Options { get; }

    /// <summary>The stack's default <c>aws</c> provider.</summary>
    public ProviderResource Provider { get; }

    public MachineTypeRule MachineTypes => new(Options.DefaultInstanceType, InstanceTypePattern(), "an EC2 instance type such as m6i.large");

    /// <summary>The deploying account's ID, read at deploy time.</summary>
    internal Output<string> AccountId { get; }

    internal string Region => settings.Region;

    /// <summary>Tags of one resource: its cloud name (the default tags come from the provider).</summary>
    private static Props NameTag(string name) => new() { ["Name"] = name };

    private static void Validate(AwsOptions options)
    {
        var problems = new Problems(null, SourceLocation.Unknown);
        if (!RetentionDays.Contains(options.LogRetentionDays))
        {
            problems.Add("INFRA-AWS-001", "AwsOptions.LogRetentionDays", options.LogRetentionDays.ToString(CultureInfo.InvariantCulture),
                $"{options.LogRetentionDays} days is not a CloudWatch retention period.",
                $"one of {string.Join(", ", RetentionDays)}", "Use 365 (the default) or another listed value.");
        }

        if (options.KmsDeletionWindowDays is < 7 or > 30)
        {
            problems.Add("INFRA-AWS-002", "AwsOptions.KmsDeletionWindowDays", options.KmsDeletionWindowDays.ToString(CultureInfo.InvariantCulture),
                $"{options.KmsDeletionWindowDays} days is outside 7..30.", "KMS waits 7 to 30 days before destroying a key", "Use 30 (the default).");
        }

        for (var i = 0; i < options.AccessEntries.Count; i++)
        {
            var entry = options.AccessEntries[i];
            if (entry.PrincipalArn is null || !PrincipalPattern().IsMatch(entry.PrincipalArn))
            {
                problems.Add("INFRA-AWS-003", $"AwsOptions.AccessEntries[{i}].PrincipalArn", entry.PrincipalArn,
                    $"'{entry.PrincipalArn}' is not an IAM role or user ARN.", "arn:aws:iam::<12-digit account>:role/<name> or :user/<name>",
                    "Give the ARN of the role or user, e.g. arn:aws:iam::123456789012:role/platform-admins.");
            }

            if (!AccessPolicies.Contains(entry.AccessPolicy))
            {
                problems.Add("INFRA-AWS-003", $"AwsOptions.AccessEntries[{i}].AccessPolicy", entry.AccessPolicy,
                    $"'{entry.AccessPolicy}' is not an EKS access policy.", $"one of {string.Join(", ", AccessPolicies)}",
                    "Use AmazonEKSViewPolicy for read access or AmazonEKSClusterAdminPolicy for full control.");
            }
        }

        problems.ThrowIfAny();
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$")]
    private static partial Regex InstanceTypePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[\w+=,.@/-]+$")]
    private static partial Regex PrincipalPattern();
}
