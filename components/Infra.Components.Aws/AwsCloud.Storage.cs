using Infra.Components.Storage;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    private readonly Dictionary<ObjectStorage, S3Bucket> s3Buckets = [];

    /// <summary>
    /// An S3 bucket with ACLs disabled (bucket owner enforced), every public-access block on, SSE-KMS by default
    /// (a rotating key of its own in production), versioning, lifecycle rules, TLS-only access and, in production,
    /// server access logs in a companion bucket. A bucket served through CloudFront gets its policy from the CDN.
    /// A bucket in another region than the platform's names that region on each of its resources (AWS provider v7
    /// routes every resource to its own region), its key and access-log bucket included.
    /// </summary>
    public ObjectStorageOutputs CreateObjectStorage(ObjectStorage storage, ObjectStorageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(spec);
        var stateful = storage.StatefulChildResourceOptions;
        var region = spec.InOtherRegion ? spec.Region : null;
        Output<string>? keyArn = null;
        if (spec.CustomerManagedKey)
        {
            keyArn = new CustomResource("aws:kms/key:Key", storage.ChildResourceName("key"), new Props
            {
                ["description"] = $"Encrypts the objects of bucket {spec.BucketName}",
                ["enableKeyRotation"] = true,
                ["rotationPeriodInDays"] = 365,
                ["deletionWindowInDays"] = Options.KmsDeletionWindowDays,
                ["policy"] = AwsBucketPolicies.BucketKey(AccountId, spec.ServeThroughCdn),
                ["tags"] = NameTag(spec.BucketName),
                ["region"] = region,
            }, stateful).GetOutput<string>("arn");
        }

        var bucket = PrivateBucket(storage, "bucket", spec.BucketName, spec.ForceDestroy, region, new Props
        {
            ["sseAlgorithm"] = "aws:kms",
            ["kmsMasterKeyId"] = keyArn is null ? default : (Input)keyArn,
        });
        var bucketArn = bucket.Bucket.GetOutput<string>("arn");
        if (spec.Versioning)
        {
            bucket.Settings.Add(new CustomResource("aws:s3/bucketVersioning:BucketVersioning", storage.ChildResourceName("versioning"), new Props
            {
                ["bucket"] = bucket.Bucket.Id,
                ["versioningConfiguration"] = new Props { ["status"] = "Enabled" },
                ["region"] = region,
            }, storage.ChildResourceOptions));
        }

        if (spec.LifecycleRules.Count > 0)
        {
            _ = new CustomResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", storage.ChildResourceName("lifecycle"), new Props
            {
                ["bucket"] = bucket.Bucket.Id,
                ["rules"] = Input.List(spec.LifecycleRules.Select(r => (Input)LifecycleRule(r))),
                ["region"] = region,
            }, storage.ChildResourceOptions with { DependsOn = bucket.Settings });
        }

        if (!spec.ServeThroughCdn)
        {
            _ = new CustomResource("aws:s3/bucketPolicy:BucketPolicy", storage.ChildResourceName("policy"), new Props
            {
                ["bucket"] = bucket.Bucket.Id,
                ["policy"] = AwsBucketPolicies.Document(AwsBucketPolicies.DenyInsecureTransport(bucketArn)),
                ["region"] = region,
            }, storage.ChildResourceOptions with { DependsOn = bucket.Settings });
        }

        Output<string>? logBucketName = null;
        if (spec.AccessLogBucketName is { } logName)
        {
            logBucketName = AccessLogs(storage, bucket, logName, region);
        }

        s3Buckets[storage] = bucket with { KeyArn = keyArn };
        return new ObjectStorageOutputs
        {
            BucketName = bucket.Bucket.GetOutput<string>("bucket"),
            DomainName = bucket.Bucket.GetOutput<string>("bucketRegionalDomainName"),
            AccessLogBucketName = logBucketName,
        };
    }

    /// <summary>
    /// A bucket whose ACLs are disabled, whose public access is blocked and whose objects are encrypted by default, in
    /// <c>region</c> when that is not the provider's (null otherwise).
    /// </summary>
    private static S3Bucket PrivateBucket(ObjectStorage storage, string suffix, string bucketName, bool forceDestroy, string? region, Props encryption)
    {
        var bucket = new CustomResource("aws:s3/bucket:Bucket", storage.ChildResourceName(suffix), new Props
        {
            ["bucket"] = bucketName,
            ["forceDestroy"] = forceDestroy,
            ["tags"] = NameTag(bucketName),
            ["region"] = region,
        }, storage.StatefulChildResourceOptions);
        var settings = new List<Resource>
        {
            new CustomResource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", storage.ChildResourceName($"{suffix}-ownership"), new Props
            {
                ["bucket"] = bucket.Id,
                ["rule"] = new Props { ["objectOwnership"] = "BucketOwnerEnforced" },
                ["region"] = region,
            }, storage.ChildResourceOptions),
            new CustomResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", storage.ChildResourceName($"{suffix}-public-access"), new Props
            {
                ["bucket"] = bucket.Id,
                ["blockPublicAcls"] = true,
                ["blockPublicPolicy"] = true,
                ["ignorePublicAcls"] = true,
                ["restrictPublicBuckets"] = true,
                ["region"] = region,
            }, storage.ChildResourceOptions),
            new CustomResource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                storage.ChildResourceName($"{suffix}-encryption"), new Props
                {
                    ["bucket"] = bucket.Id,
                    ["rules"] = new Input[]
                    {
                        new Props { ["applyServerSideEncryptionByDefault"] = encryption, ["bucketKeyEnabled"] = true },
                    },
                    ["region"] = region,
                }, storage.ChildResourceOptions),
        };
        return new S3Bucket(bucket, settings);
    }

    /// <summary>Server access logs into a companion bucket (SSE-S3, as S3 logging requires), kept for a year.</summary>
    private Output<string> AccessLogs(ObjectStorage storage, S3Bucket source, string logBucketName, string? region)
    {
        // S3 delivers server access logs only to a bucket of the source bucket's region.
        var logs = PrivateBucket(storage, "access-logs", logBucketName, forceDestroy: false, region, new Props { ["sseAlgorithm"] = "AES256" });
        // Versioned like every data bucket, so a deleted or overwritten log can be recovered until it expires.
        logs.Settings.Add(new CustomResource("aws:s3/bucketVersioning:BucketVersioning", storage.ChildResourceName("access-logs-versioning"), new Props
        {
            ["bucket"] = logs.Bucket.Id,
            ["versioningConfiguration"] = new Props { ["status"] = "Enabled" },
            ["region"] = region,
        }, storage.ChildResourceOptions));
        var logsArn = logs.Bucket.GetOutput<string>("arn");
        var sourceArn = source.Bucket.GetOutput<string>("arn");
        _ = new CustomResource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", storage.ChildResourceName("access-logs-lifecycle"), new Props
        {
            ["bucket"] = logs.Bucket.Id,
            ["rules"] = new Input[]
            {
                LifecycleRule(new LifecycleRule
                {
                    Id = "expire-logs",
                    ExpireAfterDays = ObjectStorageSpec.AccessLogRetentionDays,
                    NoncurrentVersionsExpireAfterDays = 30,
                }),
            },
            ["region"] = region,
        }, storage.ChildResourceOptions with { DependsOn = logs.Settings });
        var policy = new CustomResource("aws:s3/bucketPolicy:BucketPolicy", storage.ChildResourceName("access-logs-policy"), new Props
        {
            ["bucket"] = logs.Bucket.Id,
            ["policy"] = AwsBucketPolicies.Document(
                AwsBucketPolicies.S3LoggingWrites(logsArn, sourceArn, AccountId),
                AwsBucketPolicies.DenyInsecureTransport(logsArn)),
            ["region"] = region,
        }, storage.ChildResourceOptions with { DependsOn = logs.Settings });
        _ = new CustomResource("aws:s3/bucketLogging:BucketLogging", storage.ChildResourceName("access-logging"), new Props
        {
            ["bucket"] = source.Bucket.Id,
            ["targetBucket"] = logs.Bucket.Id,
            ["targetPrefix"] = "access/",
            ["targetObjectKeyFormat"] = new Props { ["partitionedPrefix"] = new Props { ["partitionDateSource"] = "EventTime" } },
            ["region"] = region,
        }, storage.ChildResourceOptions with { DependsOn = [policy] });
        return logs.Bucket.GetOutput<string>("bucket");
    }

    private static Props LifecycleRule(LifecycleRule rule) => new()
    {
        ["id"] = rule.Id,
        ["status"] = "Enabled",
        ["filter"] = new Props { ["prefix"] = rule.Prefix ?? "" },
        ["transitions"] = rule.TransitionToColdAfterDays is { } cold
            ? new Input[] { new Props { ["days"] = cold, ["storageClass"] = "STANDARD_IA" } }
            : null,
        ["expiration"] = rule.ExpireAfterDays is { } days ? new Props { ["days"] = days } : null,
        ["noncurrentVersionExpiration"] = rule.NoncurrentVersionsExpireAfterDays is { } old ? new Props { ["noncurrentDays"] = old } : null,
        ["abortIncompleteMultipartUpload"] = rule.AbortIncompleteUploadsAfterDays is { } abort
            ? new Props { ["daysAfterInitiation"] = abort }
            : null,
    };

    /// <param name="Bucket">The bucket resource.</param>
    /// <param name="Settings">Its ownership, public-access and encryption settings (and versioning): what a policy must wait for.</param>
    private sealed record S3Bucket(CustomResource Bucket, List<Resource> Settings)
    {
        /// <summary>The bucket's own KMS key; null when S3 encrypts with the AWS-managed key.</summary>
        public Output<string>? KeyArn { get; init; }
    }
}
