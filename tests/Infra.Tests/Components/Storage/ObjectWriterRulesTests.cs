using Infra.Components;
using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Storage;

/// <summary>The checks of <see cref="ObjectStorage.GrantWrite"/>, with exact messages, before any cloud is involved.</summary>
public sealed class ObjectWriterRulesTests
{
    [Fact]
    public void A_name_no_cloud_identity_accepts_is_refused()
    {
        var diagnostic = Assert.Single(Refused(new WorkloadIdentity { Name = "Events_Backup", KubernetesNamespace = "clickhouse-events" }));

        Assert.Equal(("INFRA-STORAGE-002", "ObjectWriterArgs.Identity.Name", "Events_Backup", "backups"),
            (diagnostic.Code, diagnostic.Key, diagnostic.Value, diagnostic.Resource));
        Assert.Equal("ObjectWriterArgs.Identity.Name: 'Events_Backup' cannot name a cloud service account or role.", diagnostic.Message);
        Assert.Equal("lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 30 characters", diagnostic.Rule);
        Assert.Equal("Use the writer's name, e.g. orders-db-backup.", diagnostic.Fix);
    }

    [Fact]
    public void A_second_grant_to_the_same_writer_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var (bucket, cluster) = BucketAndCluster(CloudKind.Aws);
            bucket.GrantWrite(new ObjectWriterArgs { Identity = WriterPrograms.Writer, Cluster = cluster });
            bucket.GrantWrite(new ObjectWriterArgs { Identity = WriterPrograms.Writer, Cluster = cluster, Prefix = "other/" });
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("ObjectWriterArgs.Identity.Name: 'events-backup' was already granted write access to bucket 'acme-dev-backups'.", diagnostic.Message);
        Assert.Equal(("one grant per writer and bucket", "Give each writer its own name."), (diagnostic.Rule, diagnostic.Fix));
    }

    [Fact]
    public void A_writer_without_a_namespace_is_refused()
    {
        var diagnostic = Assert.Single(Refused(new WorkloadIdentity { Name = "events-backup" }));

        Assert.Equal(("ObjectWriterArgs.Identity.KubernetesNamespace", null), (diagnostic.Key, diagnostic.Value));
        Assert.Equal("ObjectWriterArgs.Identity.KubernetesNamespace: '' is not the writer's Kubernetes namespace.", diagnostic.Message);
        Assert.Equal("Set KubernetesNamespace to the namespace the writer runs in.", diagnostic.Fix);
    }

    [Theory]
    [InlineData("backups")]
    [InlineData("/backups/")]
    [InlineData("")]
    [InlineData("back ups/")]
    public void A_prefix_a_writer_cannot_be_confined_to_is_refused(string prefix)
    {
        var diagnostic = Assert.Single(Refused(WriterPrograms.Writer, prefix));

        Assert.Equal(("ObjectWriterArgs.Prefix", prefix), (diagnostic.Key, diagnostic.Value));
        Assert.Equal($"ObjectWriterArgs.Prefix: '{prefix}' is not a key prefix a writer can be confined to.", diagnostic.Message);
        Assert.Equal("letters, digits, '-', '_', '.' and '/', not starting with '/', ending with '/'", diagnostic.Rule);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var diagnostics = Refused(new WorkloadIdentity { Name = "-bad" }, "nope");

        Assert.Equal(["ObjectWriterArgs.Identity.Name", "ObjectWriterArgs.Identity.KubernetesNamespace", "ObjectWriterArgs.Prefix"],
            diagnostics.Select(d => d.Key));
    }

    [Fact]
    public void A_cluster_of_another_platform_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var (bucket, _) = BucketAndCluster(CloudKind.Gcp);
            var aws = TestPlatforms.Create(CloudKind.Aws, "dev");
            var other = new KubernetesCluster("elsewhere", new KubernetesClusterArgs { Version = "1.30" }, new Network("other", new NetworkArgs(), aws), aws);
            bucket.GrantWrite(new ObjectWriterArgs { Identity = WriterPrograms.Writer, Cluster = other });
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("ObjectWriterArgs.Cluster", "elsewhere"), (diagnostic.Key, diagnostic.Value));
        Assert.Equal("ObjectWriterArgs.Cluster: cluster 'elsewhere' is built on another platform than bucket 'backups'.", diagnostic.Message);
        Assert.Equal("Pass the cluster of the bucket's platform.", diagnostic.Fix);
    }

    [Fact]
    public void The_diagnostic_points_at_the_grant_not_the_bucket()
    {
        var diagnostic = Assert.Single(Refused(new WorkloadIdentity { Name = "events-backup" }));

        Assert.EndsWith("ObjectWriterRulesTests.cs", diagnostic.File, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Refused(WorkloadIdentity identity, string prefix = "backups/")
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var (bucket, cluster) = BucketAndCluster(CloudKind.Aws);
            bucket.GrantWrite(new ObjectWriterArgs { Identity = identity, Cluster = cluster, Prefix = prefix });
        }));
        return error.Diagnostics;
    }

    private static (ObjectStorage Bucket, KubernetesCluster Cluster) BucketAndCluster(CloudKind cloud)
    {
        var platform = TestPlatforms.Create(cloud, "dev");
        var cluster = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, new Network("main", new NetworkArgs(), platform), platform);
        return (new ObjectStorage("backups", new ObjectStorageArgs(), platform), cluster);
    }
}
