using System.Text.RegularExpressions;
using Infra.Components;
using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Core.Values;
using Infra.Tests.Components.Edge;

namespace Infra.Tests.Components.Storage;

/// <summary>GKE Workload Identity write grants and buckets in another location on GCP.</summary>
public sealed partial class GcpObjectWriterTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void A_grant_is_a_service_account_that_may_only_create_objects_under_the_prefix(string environment)
    {
        var program = WriterPrograms.Build(CloudKind.Gcp, environment).Program;

        Assert.Equal(
            ["gcp:serviceaccount/account:Account", "gcp:serviceaccount/iAMMember:IAMMember", "gcp:storage/bucketIAMMember:BucketIAMMember"],
            program.GrantResources().Select(r => r.Type));
        var account = program.Single("gcp:serviceaccount/account:Account", "platform-writer-events-backup");
        Assert.Matches(AccountIdPattern(), account.Text("accountId"));

        var member = program.Single("gcp:storage/bucketIAMMember:BucketIAMMember", "backups-writer-events-backup-objects");
        Assert.Equal("roles/storage.objectCreator", member.Text("role"));
        Assert.Equal("backups-bucket", Assert.IsType<ReferenceNode>(member.Get("bucket")).Root);
        Assert.True(member.Get("member").References(account));
        Assert.Equal($"resource.name.startsWith(\"projects/_/buckets/acme-{environment}-backups/objects/clickhouse/events/\")",
            member.Text("condition.expression"));
        Assert.NotNull(member.Text("condition.title"));
        Assert.True(program.Single("gcp:storage/bucket:Bucket", "backups-bucket").Bool("uniformBucketLevelAccess"));

        var binding = program.Single("gcp:serviceaccount/iAMMember:IAMMember", "platform-writer-events-backup-workload-identity");
        Assert.Equal("roles/iam.workloadIdentityUser", binding.Text("role"));
        Assert.Equal("serviceAccount:acme-platform.svc.id.goog[clickhouse-events/events-backup]", binding.Text("member"));
        Assert.True(binding.Get("serviceAccountId").References(account));
    }

    /// <summary>A Kubernetes service account impersonates one Google account, so every bucket grants that account.</summary>
    [Fact]
    public void A_writer_granted_two_buckets_is_one_service_account_granted_on_each_bucket()
    {
        var program = WriterPrograms.TwoBuckets(CloudKind.Gcp, "europe-west4");

        var account = Assert.Single(program.OfType("gcp:serviceaccount/account:Account"), r => r.Key.Contains("-writer-", StringComparison.Ordinal));
        Assert.Single(program.OfType("gcp:serviceaccount/iAMMember:IAMMember"), r => r.Key.Contains("-writer-", StringComparison.Ordinal));
        var members = program.OfType("gcp:storage/bucketIAMMember:BucketIAMMember").Where(r => r.Key.Contains("-writer-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, members.Count);
        Assert.All(members, m => Assert.True(m.Get("member").References(account)));
    }

    [Fact]
    public void The_writer_gets_no_role_on_the_bucket_key()
    {
        var program = WriterPrograms.Build(CloudKind.Gcp, "prod").Program;

        // Cloud Storage encrypts with its service agent's grant; the writer needs none.
        var keyMembers = program.OfType("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").Where(m => m.Key.StartsWith("backups-", StringComparison.Ordinal));
        Assert.All(keyMembers, m => Assert.StartsWith("serviceAccount:service-", m.Text("member"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_target_is_the_gcs_api_with_the_service_account_annotation_and_the_metadata_server()
    {
        var target = WriterPrograms.Build(CloudKind.Gcp, "dev").Target;

        Assert.Equal(("acme-dev-backups", "https://storage.googleapis.com", "europe-west1", ObjectStorageApi.GoogleCloudStorage, "clickhouse/events/"),
            (target.Bucket, target.Endpoint, target.Region, target.Api, target.Prefix));
        Assert.False(target.HasStaticKey);
        Assert.Equal(("clickhouse-events", "events-backup"), (target.GrantedTo!.KubernetesNamespace, target.GrantedTo.KubernetesServiceAccount));
        var annotation = Assert.Single(target.ServiceAccountAnnotations);
        Assert.Equal("iam.gke.io/gcp-service-account", annotation.Key);
        var email = Assert.IsType<ReferenceNode>(annotation.Value.Node);
        Assert.Equal("platform-writer-events-backup.email", email.ToExpressionText());
        Assert.Equal([new NetworkDestination("169.254.169.254/32", 80), new NetworkDestination("169.254.169.252/32", 988)], target.CredentialEndpoints);
    }

    [Fact]
    public void Account_ids_are_shortened_to_thirty_characters_and_stay_distinct()
    {
        var program = TestPlatforms.Synthesize("prod", () =>
        {
            var platform = TestPlatforms.Create(CloudKind.Gcp, "prod");
            var network = new Infra.Components.Networking.Network("main", new(), platform);
            var cluster = new Infra.Components.Clusters.KubernetesCluster("platform", new() { Version = "1.30" }, network, platform);
            var bucket = new ObjectStorage("database-backups", new ObjectStorageArgs(), platform);
            foreach (var name in new[] { "orders-db-backup-primary", "orders-db-backup-replica" })
            {
                bucket.GrantWrite(new ObjectWriterArgs { Identity = new WorkloadIdentity { Name = name, KubernetesNamespace = "orders" }, Cluster = cluster });
            }
        });

        var ids = program.OfType("gcp:serviceaccount/account:Account").Where(a => a.Key.Contains("-writer-", StringComparison.Ordinal))
            .Select(a => a.Text("accountId")!).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(AccountIdPattern(), id));
    }

    [Fact]
    public void A_bucket_in_another_location_keeps_its_logs_and_key_there()
    {
        var built = WriterPrograms.Build(CloudKind.Gcp, "prod", new ObjectStorageArgs { Region = "europe-west4" });
        var program = built.Program;

        Assert.Equal("europe-west4", program.Single("gcp:storage/bucket:Bucket", "backups-bucket").Text("location"));
        Assert.Equal("europe-west4", program.Single("gcp:storage/bucket:Bucket", "backups-access-logs").Text("location"));
        Assert.Equal("europe-west4", program.Single("gcp:kms/keyRing:KeyRing", "backups-keyring").Text("location"));
        Assert.Equal("europe-west4", built.Target.Region);
    }

    [Fact]
    public void A_bucket_in_the_platform_region_is_located_there()
    {
        var program = WriterPrograms.Build(CloudKind.Gcp, "prod").Program;

        Assert.Equal("europe-west1", program.Single("gcp:storage/bucket:Bucket", "backups-bucket").Text("location"));
        Assert.Equal("europe-west1", program.Single("gcp:kms/keyRing:KeyRing", "backups-keyring").Text("location"));
    }

    [GeneratedRegex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$")]
    private static partial Regex AccountIdPattern();
}
