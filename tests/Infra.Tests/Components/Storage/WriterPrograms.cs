using Infra.Components;
using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Storage;

/// <summary>A network, a cluster and a bucket that grants one backup job write access under one prefix.</summary>
internal static class WriterPrograms
{
    public const string Prefix = "clickhouse/events/";

    public static readonly WorkloadIdentity Writer = new() { Name = "events-backup", KubernetesNamespace = "clickhouse-events" };

    public static Built Build(CloudKind cloud, string environment, ObjectStorageArgs? storage = null)
    {
        ObjectStorage? bucket = null;
        ObjectStorageTarget? target = null;
        var program = TestPlatforms.Synthesize(environment, () =>
        {
            var platform = TestPlatforms.Create(cloud, environment);
            var network = new Network("main", new NetworkArgs(), platform);
            var cluster = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, network, platform);
            bucket = new ObjectStorage("backups", storage ?? new ObjectStorageArgs(), platform);
            target = bucket.GrantWrite(new ObjectWriterArgs { Identity = Writer, Cluster = cluster, Prefix = Prefix });
        });
        return new Built(program, bucket!, target!);
    }

    /// <summary>
    /// The resources of the grant: the writer's identity under the cluster (<c>platform-writer-</c>), its rights
    /// under the bucket (<c>backups-writer-</c>).
    /// </summary>
    public static IReadOnlyList<ResourceDecl> GrantResources(this ProgramDocument program) =>
        [.. program.Resources.Where(r => r.Key.StartsWith("backups-writer-", StringComparison.Ordinal) || r.Key.StartsWith("platform-writer-", StringComparison.Ordinal))];

    /// <summary>The same writer granted two buckets, the second in another region: what a backup with a copy needs.</summary>
    public static ProgramDocument TwoBuckets(CloudKind cloud, string copyRegion) => TestPlatforms.Synthesize("prod", () =>
    {
        var platform = TestPlatforms.Create(cloud, "prod");
        var network = new Network("main", new NetworkArgs(), platform);
        var cluster = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, network, platform);
        foreach (var bucket in new[] { new ObjectStorage("backups", new ObjectStorageArgs(), platform), new ObjectStorage("backups-copy", new ObjectStorageArgs { Region = copyRegion }, platform) })
        {
            _ = bucket.GrantWrite(new ObjectWriterArgs { Identity = Writer, Cluster = cluster, Prefix = Prefix });
        }
    });

    /// <summary>The statements of a JSON policy document written with <c>fn::toJSON</c>.</summary>
    public static IReadOnlyList<Node> Statements(Node? policy) =>
        Assert.IsType<ListNode>(Assert.IsType<FunctionNode>(policy).Argument.Get("Statement")).Items;

    /// <summary>A statement's actions, whether written as one string or a list.</summary>
    public static IReadOnlyList<string> Actions(Node statement) => statement.Get("Action") switch
    {
        StringNode one => [one.Value],
        ListNode many => [.. many.Items.Select(n => Assert.IsType<StringNode>(n).Value)],
        var other => throw new Xunit.Sdk.XunitException($"Action is {other}"),
    };

    public sealed record Built(ProgramDocument Program, ObjectStorage Storage, ObjectStorageTarget Target);
}
