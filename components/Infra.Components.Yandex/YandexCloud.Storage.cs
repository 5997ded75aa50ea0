using Infra.Components.Storage;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>The folder roles of the service account that manages buckets, and no others.</summary>
    internal static readonly string[] StorageRoles = ["storage.admin", "kms.keys.encrypterDecrypter"];

    /// <summary>The request header the CDN sends and the bucket policy requires for anonymous reads.</summary>
    internal const string CdnSecretHeader = "Referer";

    /// <summary>The code of a bucket asked for in another region.</summary>
    internal const string OtherRegionCode = "INFRA-STORAGE-003";

    private readonly Dictionary<ObjectStorage, YandexBucket> yandexBuckets = [];

    /// <summary>
    /// An Object Storage bucket with every anonymous access flag off, server-side encryption with a rotating KMS key
    /// (Yandex encrypts nothing with KMS unless told), versioning, lifecycle rules and, in production, access logs in
    /// a companion bucket. Buckets are managed through the S3 API, so a service account with exactly the storage and
    /// key roles gets a static access key. A bucket served through the CDN admits anonymous reads only with the
    /// CDN's secret header, and only over TLS.
    /// </summary>
    public ObjectStorageOutputs CreateObjectStorage(ObjectStorage storage, ObjectStorageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(spec);
        RefuseOtherRegion(storage, spec);
        var key = SymmetricKey(storage, "objects");
        var account = new CustomResource("yandex:index/iamServiceAccount:IamServiceAccount", storage.ChildResourceName("sa"), new Props
        {
            ["name"] = ComponentNames.Fit(storage.CloudResourceName("storage"), 63),
            ["description"] = $"Manages bucket {spec.BucketName} through the S3 API",
            ["labels"] = Labels(),
        }, storage.ChildResourceOptions);
        var grants = StorageRoles.Select(role => (Resource)new CustomResource("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember",
            storage.ChildResourceName($"sa-{role.Replace('.', '-')}"), new Props
            {
                ["folderId"] = Options.FolderId,
                ["role"] = role,
                ["member"] = Output.Format($"serviceAccount:{account.Id}"),
            }, storage.ChildResourceOptions)).ToList();
        var accessKey = new CustomResource("yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey", storage.ChildResourceName("sa-key"), new Props
        {
            ["serviceAccountId"] = account.Id,
            ["description"] = $"S3 access of the platform to bucket {spec.BucketName}",
        }, storage.ChildResourceOptions);
        var credentials = new S3Credentials(accessKey.GetOutput<string>("accessKey"), Output.CreateSecret<string>(accessKey.GetOutput<string>("secretKey")));
        var options = storage.StatefulChildResourceOptions with { DependsOn = grants };

        CustomResource? logBucket = null;
        if (spec.AccessLogBucketName is { } logName)
        {
            logBucket = Bucket(storage, "access-logs", logName, credentials, key, versioning: true, forceDestroy: false,
                [new LifecycleRule { Id = "expire-logs", ExpireAfterDays = ObjectStorageSpec.AccessLogRetentionDays, NoncurrentVersionsExpireAfterDays = 30 }], loggings: null, policy: default, options);
        }

        Output<string>? cdnSecret = null;
        Input policy = default;
        if (spec.ServeThroughCdn)
        {
            cdnSecret = Password(storage, "cdn-secret");
            policy = CdnOnlyPolicy(spec.BucketName, cdnSecret, account.Id);
        }

        var loggings = logBucket is null
            ? null
            : new Input[] { new Props { ["targetBucket"] = logBucket.GetOutput<string>("bucket"), ["targetPrefix"] = "access/" } };
        var bucket = Bucket(storage, "bucket", spec.BucketName, credentials, key, spec.Versioning, spec.ForceDestroy, spec.LifecycleRules, loggings, policy, options);
        yandexBuckets[storage] = new YandexBucket(bucket, cdnSecret);
        var name = bucket.GetOutput<string>("bucket");
        return new ObjectStorageOutputs
        {
            BucketName = name,
            DomainName = Output.Format($"{name}.storage.yandexcloud.net"),
            AccessLogBucketName = logBucket?.GetOutput<string>("bucket"),
        };
    }

    private CustomResource Bucket(ObjectStorage storage, string suffix, string bucketName, S3Credentials credentials, CustomResource key, bool versioning,
        bool forceDestroy, IReadOnlyList<LifecycleRule> rules, Input[]? loggings, Input policy, CustomResourceOptions options) =>
        new("yandex:index/storageBucket:StorageBucket", storage.ChildResourceName(suffix), new Props
        {
            ["bucket"] = bucketName,
            ["accessKey"] = credentials.AccessKey,
            ["secretKey"] = credentials.SecretKey,
            ["anonymousAccessFlags"] = new Props { ["read"] = false, ["list"] = false, ["configRead"] = false },
            ["versioning"] = new Props { ["enabled"] = versioning },
            ["serverSideEncryptionConfiguration"] = new Props
            {
                ["rule"] = new Props
                {
                    ["applyServerSideEncryptionByDefault"] = new Props { ["kmsMasterKeyId"] = key.Id, ["sseAlgorithm"] = "aws:kms" },
                },
            },
            ["lifecycleRules"] = rules.Count == 0 ? default : Input.List(rules.Select(r => (Input)LifecycleRule(r))),
            ["loggings"] = loggings,
            ["policy"] = policy,
            ["forceDestroy"] = forceDestroy,
            ["tags"] = Labels(),
        }, options);

    /// <summary>
    /// Anonymous reads of objects only with the CDN's secret header, the managing account's S3 access, and no
    /// request at all without TLS (INF-OBJ-003). The secret makes the whole document secret.
    /// </summary>
    private static Output<string> CdnOnlyPolicy(string bucketName, Output<string> cdnSecret, Output<string> accountId)
    {
        var bucket = $"arn:aws:s3:::{bucketName}";
        var everything = new[] { bucket, bucket + "/*" };
        return Output.JsonSerialize(new Props
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new Input[]
            {
                new Props
                {
                    ["Sid"] = "CdnReadsObjects",
                    ["Effect"] = "Allow",
                    ["Principal"] = "*",
                    ["Action"] = "s3:GetObject",
                    ["Resource"] = bucket + "/*",
                    ["Condition"] = new Props { ["StringEquals"] = new Props { ["aws:referer"] = cdnSecret } },
                },
                new Props
                {
                    ["Sid"] = "PlatformManagesBucket",
                    ["Effect"] = "Allow",
                    ["Principal"] = new Props { ["CanonicalUser"] = accountId },
                    ["Action"] = "s3:*",
                    ["Resource"] = everything,
                },
                new Props
                {
                    ["Sid"] = "DenyInsecureTransport",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = everything,
                    ["Condition"] = new Props { ["Bool"] = new Props { ["aws:securetransport"] = "false" } },
                },
            },
        });
    }

    private static Props LifecycleRule(LifecycleRule rule) => new()
    {
        ["id"] = rule.Id,
        ["enabled"] = true,
        ["filter"] = new Props { ["prefix"] = rule.Prefix ?? "" },
        ["transitions"] = rule.TransitionToColdAfterDays is { } cold
            ? new Input[] { new Props { ["days"] = cold, ["storageClass"] = "COLD" } }
            : null,
        ["expiration"] = rule.ExpireAfterDays is { } days ? new Props { ["days"] = days } : null,
        ["noncurrentVersionExpiration"] = rule.NoncurrentVersionsExpireAfterDays is { } old ? new Props { ["days"] = old } : null,
        ["abortIncompleteMultipartUploadDays"] = rule.AbortIncompleteUploadsAfterDays is { } abort ? (Input)abort : default,
    };

    private sealed record S3Credentials(Output<string> AccessKey, Output<string> SecretKey);

    /// <param name="Bucket">The bucket resource.</param>
    /// <param name="CdnSecret">The header value its policy requires of the CDN; null unless served through a CDN.</param>
    private sealed record YandexBucket(CustomResource Bucket, Output<string>? CdnSecret);

    /// <summary>Object Storage serves one region per cloud (its endpoint has no region), so a bucket cannot be elsewhere.</summary>
    private void RefuseOtherRegion(ObjectStorage storage, ObjectStorageSpec spec)
    {
        if (!spec.InOtherRegion)
        {
            return;
        }

        var problems = new Problems(storage.Name, storage.DeclaredAt);
        problems.Add(OtherRegionCode, "ObjectStorageArgs.Region", spec.Region,
            $"Yandex Object Storage cannot keep bucket '{spec.BucketName}' in '{spec.Region}', outside the platform's region '{Region}'.",
            "Yandex Object Storage serves one region per cloud", "Leave Region unset.");
        problems.ThrowIfAny();
    }
}
