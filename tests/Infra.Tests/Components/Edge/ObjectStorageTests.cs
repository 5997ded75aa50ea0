using Infra.Components;
using Infra.Components.Storage;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

public sealed class ObjectStorageTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void No_bucket_is_public(CloudKind cloud, string environment)
    {
        var program = EdgePrograms.Build(cloud, environment).Program;
        var buckets = program.OfType(BucketType(cloud));

        Assert.Equal(environment == "prod" ? 2 : 1, buckets.Count);
        foreach (var bucket in buckets)
        {
            switch (cloud)
            {
                case CloudKind.Aws:
                    Assert.Null(bucket.Get("acl"));
                    var block = program.OfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").Single(b => b.Get("bucket").References(bucket));
                    Assert.All(["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"], p => Assert.True(block.Bool(p)));
                    var ownership = program.OfType("aws:s3/bucketOwnershipControls:BucketOwnershipControls").Single(b => b.Get("bucket").References(bucket));
                    Assert.Equal("BucketOwnerEnforced", ownership.Text("rule.objectOwnership"));
                    break;
                case CloudKind.Gcp:
                    Assert.Equal("enforced", bucket.Text("publicAccessPrevention"));
                    Assert.True(bucket.Bool("uniformBucketLevelAccess"));
                    break;
                default:
                    Assert.All(["read", "list", "configRead"], flag => Assert.False(bucket.Bool($"anonymousAccessFlags.{flag}")));
                    Assert.Null(bucket.Get("acl"));
                    Assert.Null(bucket.Get("grants"));
                    break;
            }
        }

        var members = program.OfType("gcp:storage/bucketIAMMember:BucketIAMMember");
        Assert.DoesNotContain(members, m => m.Text("member") is "allUsers" or "allAuthenticatedUsers");
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Objects_are_encrypted_with_kms_and_a_platform_key_in_production(CloudKind cloud, string environment)
    {
        var program = EdgePrograms.Build(cloud, environment).Program;
        var production = environment == "prod";

        switch (cloud)
        {
            case CloudKind.Aws:
                var rule = Assert.Single(program.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                    "assets-bucket-encryption").List("rules"));
                Assert.Equal("aws:kms", rule.Get("applyServerSideEncryptionByDefault")!.Text("sseAlgorithm"));
                Assert.Equal(production, rule.Get("applyServerSideEncryptionByDefault")!.Get("kmsMasterKeyId") is ReferenceNode { Root: "assets-key" });
                break;
            case CloudKind.Gcp:
                var bucket = program.Single("gcp:storage/bucket:Bucket", "assets-bucket");
                Assert.Equal(production, bucket.Get("encryption.defaultKmsKeyName") is ReferenceNode { Root: "assets-key" });
                if (production)
                {
                    var grant = program.Single("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "assets-key-service-agent");
                    Assert.Equal("serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com", grant.Text("member"));
                    Assert.Contains(bucket.Options!["dependsOn"] is ListNode l ? l.Items : [], d => d.References(grant));
                }

                break;
            default:
                // Yandex encrypts nothing with KMS unless told, so every environment gets a key.
                var sse = program.Single("yandex:index/storageBucket:StorageBucket", "assets-bucket").Get("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault")!;
                Assert.Equal("aws:kms", sse.Text("sseAlgorithm"));
                Assert.True(sse.Get("kmsMasterKeyId") is ReferenceNode { Root: "assets-key" });
                Assert.NotNull(program.Single("yandex:index/kmsSymmetricKey:KmsSymmetricKey", "assets-key").Text("rotationPeriod"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Versioning_lifecycle_and_protection_follow_the_args_and_the_environment(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var program = built.Program;
        var bucket = program.Single(BucketType(cloud), "assets-bucket");

        Assert.Equal(environment == "prod", bucket.Options?["protect"] is BoolNode { Value: true });
        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.Equal("Enabled", program.Single("aws:s3/bucketVersioning:BucketVersioning", "assets-versioning").Text("versioningConfiguration.status"));
                var rules = program.Single("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "assets-lifecycle").List("rules");
                Assert.Equal(["old-versions", "tmp"], rules.Select(r => r.Text("id")));
                Assert.Equal(30L, ((IntegerNode)rules[0].Get("noncurrentVersionExpiration")!.Get("noncurrentDays")!).Value);
                Assert.Equal("tmp/", rules[1].Get("filter")!.Text("prefix"));
                Assert.Equal("STANDARD_IA", Assert.Single(((ListNode)rules[1].Get("transitions")!).Items).Text("storageClass"));
                Assert.Equal(90L, ((IntegerNode)rules[1].Get("expiration")!.Get("days")!).Value);
                break;
            case CloudKind.Gcp:
                Assert.True(bucket.Bool("versioning.enabled"));
                var actions = bucket.List("lifecycleRules").Select(r => (r.Get("action")!.Text("type"), r.Get("condition")!.Text("withState"))).ToList();
                Assert.Contains(("Delete", "ARCHIVED"), actions);
                Assert.Contains(("SetStorageClass", "LIVE"), actions);
                Assert.Contains(("Delete", "LIVE"), actions);
                break;
            default:
                Assert.True(bucket.Bool("versioning.enabled"));
                var yandexRules = bucket.List("lifecycleRules");
                Assert.Equal(["old-versions", "tmp"], yandexRules.Select(r => r.Text("id")));
                Assert.Equal("COLD", Assert.Single(((ListNode)yandexRules[1].Get("transitions")!).Items).Text("storageClass"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Access_logs_go_to_a_companion_bucket_in_production(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var program = built.Program;
        var production = environment == "prod";

        Assert.Equal(production ? "acme-prod-assets-logs" : null, built.Storage.Spec.AccessLogBucketName);
        Assert.Equal(production, built.Storage.Outputs.AccessLogBucketName is not null);
        var logsTarget = cloud switch
        {
            CloudKind.Aws => program.OfType("aws:s3/bucketLogging:BucketLogging").SingleOrDefault()?.Get("targetBucket"),
            CloudKind.Gcp => program.Single("gcp:storage/bucket:Bucket", "assets-bucket").Get("logging.logBucket"),
            _ => program.Single("yandex:index/storageBucket:StorageBucket", "assets-bucket").List("loggings").SingleOrDefault()?.Get("targetBucket"),
        };
        Assert.Equal(production, logsTarget is ReferenceNode { Root: "assets-access-logs" });
        if (production)
        {
            Assert.Equal(production, program.Single(BucketType(cloud), "assets-access-logs").Options?["protect"] is BoolNode { Value: true });
        }
    }

    [Fact]
    public void A_bucket_not_served_through_a_cdn_refuses_requests_without_tls()
    {
        var program = TestPlatforms.Synthesize("prod", () =>
            new ObjectStorage("data", new ObjectStorageArgs(), TestPlatforms.Create(CloudKind.Aws, "prod")));

        var policy = program.Single("aws:s3/bucketPolicy:BucketPolicy", "data-policy");
        var statement = Assert.Single(((ListNode)((FunctionNode)policy.Get("policy")!).Argument.Get("Statement")!).Items);
        Assert.Equal("Deny", statement.Text("Effect"));
        Assert.Equal("false", statement.Get("Condition")!.Get("Bool")!.Text("aws:SecureTransport"));
    }

    private static string BucketType(CloudKind cloud) => cloud switch
    {
        CloudKind.Aws => "aws:s3/bucket:Bucket",
        CloudKind.Gcp => "gcp:storage/bucket:Bucket",
        _ => "yandex:index/storageBucket:StorageBucket",
    };
}
