using Infra.Components;
using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Edge;
using Infra.Components.Kubernetes;
using Infra.Components.Messaging;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Core.Synthesis;

namespace Infra.Tests.Components.Edge;

/// <summary>
/// The edge of a shop on one cloud: an events Kafka cluster with two clients, an assets bucket served by a CDN, and
/// the ingress routing / to the frontend and /api to the backend. Each part can be changed by the test.
/// </summary>
internal static class EdgePrograms
{
    public static readonly WorkloadIdentity OrdersApi = new() { Name = "orders-api", KubernetesNamespace = "shop" };

    public static readonly WorkloadIdentity Billing = new() { Name = "billing", KubernetesNamespace = "shop" };

    public static DnsZone Zone(CloudKind cloud) => cloud switch
    {
        CloudKind.Aws => new DnsZone("Z0123456789EXAMPLE", "example.com"),
        CloudKind.Gcp => new DnsZone("example-com", "example.com"),
        _ => new DnsZone("dns0zone000000000001", "example.com"),
    };

    public static KafkaClusterArgs KafkaArgs(Network network) => new()
    {
        Network = network,
        Topics =
        [
            new KafkaTopicArgs { Name = "orders", Partitions = 6 },
            new KafkaTopicArgs { Name = "payments", RetentionHours = 720, CleanupPolicy = KafkaCleanupPolicy.CompactAndDelete },
        ],
    };

    public static ObjectStorageArgs StorageArgs => new()
    {
        ServeThroughCdn = true,
        LifecycleRules =
        [
            new LifecycleRule { Id = "old-versions", NoncurrentVersionsExpireAfterDays = 30 },
            new LifecycleRule { Id = "tmp", Prefix = "tmp/", TransitionToColdAfterDays = 30, ExpireAfterDays = 90 },
        ],
    };

    public static CdnArgs CdnArgs(CloudKind cloud, ObjectStorage origin) => new()
    {
        Origin = origin,
        Domain = "static.example.com",
        DnsZone = Zone(cloud),
    };

    public static IngressArgs IngressArgs(CloudKind cloud, KubernetesCluster cluster) => new()
    {
        Cluster = cluster,
        Hosts = ["shop.example.com"],
        Routes =
        [
            new IngressRoute { Path = "/", Namespace = "shop", Service = "frontend" },
            new IngressRoute { Path = "/api", Namespace = "shop", Service = "backend", Port = 8080 },
        ],
        AcmeEmail = "platform@example.com",
        DnsZone = Zone(cloud),
        Cors = new IngressCors { AllowedOrigins = ["https://app.example.com"] },
    };

    /// <summary>Builds every edge component (changed by the optional functions) and synthesizes the program.</summary>
    public static Built Build(CloudKind cloud, string environment,
        Func<KafkaClusterArgs, KafkaClusterArgs>? kafka = null,
        Func<ObjectStorageArgs, ObjectStorageArgs>? storage = null,
        Func<CdnArgs, CdnArgs>? cdn = null,
        Func<IngressArgs, IngressArgs>? ingress = null)
    {
        Built? built = null;
        var program = TestPlatforms.Synthesize(environment, () => built = BuildInProgram(cloud, environment, kafka, storage, cdn, ingress));
        return built! with { Program = program };
    }

    /// <summary>Builds every edge component inside a running program; <see cref="Built.Program"/> stays unset.</summary>
    public static Built BuildInProgram(CloudKind cloud, string environment,
        Func<KafkaClusterArgs, KafkaClusterArgs>? kafka = null,
        Func<ObjectStorageArgs, ObjectStorageArgs>? storage = null,
        Func<CdnArgs, CdnArgs>? cdn = null,
        Func<IngressArgs, IngressArgs>? ingress = null)
    {
        var platform = TestPlatforms.Create(cloud, environment);
        var network = new Network("main", new NetworkArgs(), platform);
        var cluster = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, network, platform);
        var events = new KafkaCluster("events", (kafka ?? (a => a))(KafkaArgs(network)), platform);
        var orders = events.GrantProduce("orders", OrdersApi);
        events.GrantConsume("payments", OrdersApi);
        var billing = events.GrantConsume("orders", Billing);
        var assets = new ObjectStorage("assets", (storage ?? (a => a))(StorageArgs), platform);
        var site = new Cdn("static", (cdn ?? (a => a))(CdnArgs(cloud, assets)), platform);
        var edge = new Ingress("edge", (ingress ?? (a => a))(IngressArgs(cloud, cluster)), platform);
        return new Built(null!, cluster, events, orders, billing, assets, site, edge);
    }

    /// <summary>A synthesized program and the components it was built from.</summary>
    public sealed record Built(ProgramDocument Program, KubernetesCluster Cluster, KafkaCluster Kafka, KafkaAccess Orders, KafkaAccess Billing,
        ObjectStorage Storage, Cdn Cdn, Ingress Ingress);
}
