using Infra.Components.Storage;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>Google's group that writes Cloud Storage usage logs into a log bucket.</summary>
    internal const string StorageAnalyticsGroup = "group:cloud-storage-analytics@google.com";

    private readonly Dictionary<ObjectStorage, CustomResource> gcsBuckets = [];

    /// <summary>
    /// A Cloud Storage bucket with uniform bucket-level access, public access prevention enforced, versioning,
    /// lifecycle rules, a rotating key of its own in production (Google-managed encryption otherwise) and, in
    /// production, usage logs in a companion bucket kept for a year. The bucket, its log bucket and its key live in the
    /// spec's region.
    /// </summary>
    public ObjectStorageOutputs CreateObjectStorage(ObjectStorage storage, ObjectStorageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(spec);
        var options = storage.StatefulChildResourceOptions;
        Props? encryption = null;
        if (spec.CustomerManagedKey)
        {
            var (keyId, grant) = ServiceAgentKey(storage, "objects", "gs-project-accounts.iam.gserviceaccount.com", spec.Region);
            encryption = new Props { ["defaultKmsKeyName"] = keyId };
            options = options with { DependsOn = [grant] };
        }

        Props? logging = null;
        CustomResource? logBucket = null;
        if (spec.AccessLogBucketName is { } logName)
        {
            logBucket = Bucket(storage, "access-logs", logName, spec.Region, encryption, versioning: true, forceDestroy: false,
                [new LifecycleRule { Id = "expire-logs", ExpireAfterDays = ObjectStorageSpec.AccessLogRetentionDays, NoncurrentVersionsExpireAfterDays = 30 }], logging: null, options);
            var writer = new CustomResource("gcp:storage/bucketIAMMember:BucketIAMMember", storage.ChildResourceName("access-logs-writer"), new Props
            {
                ["bucket"] = logBucket.GetOutput<string>("name"),
                ["role"] = "roles/storage.objectCreator",
                ["member"] = StorageAnalyticsGroup,
            }, storage.ChildResourceOptions);
            logging = new Props { ["logBucket"] = logBucket.GetOutput<string>("name"), ["logObjectPrefix"] = "access/" };
            options = options with { DependsOn = [.. options.DependsOn ?? [], writer] };
        }

        var bucket = Bucket(storage, "bucket", spec.BucketName, spec.Region, encryption, spec.Versioning, spec.ForceDestroy, spec.LifecycleRules, logging, options);
        gcsBuckets[storage] = bucket;
        var name = bucket.GetOutput<string>("name");
        return new ObjectStorageOutputs
        {
            BucketName = name,
            DomainName = Output.Format($"{name}.storage.googleapis.com"),
            AccessLogBucketName = logBucket?.GetOutput<string>("name"),
        };
    }

    private static CustomResource Bucket(ObjectStorage storage, string suffix, string bucketName, string location, Props? encryption, bool versioning, bool forceDestroy,
        IReadOnlyList<LifecycleRule> rules, Props? logging, CustomResourceOptions options) =>
        new("gcp:storage/bucket:Bucket", storage.ChildResourceName(suffix), new Props
        {
            ["name"] = bucketName,
            ["location"] = location,
            ["storageClass"] = "STANDARD",
            ["uniformBucketLevelAccess"] = true,
            ["publicAccessPrevention"] = "enforced",
            ["versioning"] = new Props { ["enabled"] = versioning },
            ["encryption"] = encryption,
            ["lifecycleRules"] = rules.Count == 0 ? default : Input.List(rules.SelectMany(GcsLifecycleRules)),
            ["logging"] = logging,
            ["forceDestroy"] = forceDestroy,
        }, options);

    /// <summary>One rule of the neutral model becomes one Cloud Storage rule per action.</summary>
    private static IEnumerable<Input> GcsLifecycleRules(LifecycleRule rule)
    {
        Props Condition(string key, int days, string? state = null) => new()
        {
            [key] = days,
            ["withState"] = state,
            ["matchesPrefixes"] = rule.Prefix is null ? null : new[] { rule.Prefix },
        };

        if (rule.TransitionToColdAfterDays is { } cold)
        {
            yield return new Props
            {
                ["action"] = new Props { ["type"] = "SetStorageClass", ["storageClass"] = "NEARLINE" },
                ["condition"] = Condition("age", cold, "LIVE"),
            };
        }

        if (rule.ExpireAfterDays is { } expire)
        {
            yield return new Props { ["action"] = new Props { ["type"] = "Delete" }, ["condition"] = Condition("age", expire, "LIVE") };
        }

        if (rule.NoncurrentVersionsExpireAfterDays is { } old)
        {
            yield return new Props
            {
                ["action"] = new Props { ["type"] = "Delete" },
                ["condition"] = Condition("daysSinceNoncurrentTime", old, "ARCHIVED"),
            };
        }

        if (rule.AbortIncompleteUploadsAfterDays is { } abort)
        {
            yield return new Props
            {
                ["action"] = new Props { ["type"] = "AbortIncompleteMultipartUpload" },
                ["condition"] = Condition("age", abort),
            };
        }
    }
}
