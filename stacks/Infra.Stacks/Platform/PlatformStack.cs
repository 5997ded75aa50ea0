using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Data;
using Infra.Components.Edge;
using Infra.Components.Kubernetes;
using Infra.Components.Messaging;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Core;

namespace Infra.Stacks.Platform;

/// <summary>
/// The platform: one program for every cloud and environment. It only composes components; what differs
/// between dev and prod, or AWS and Yandex, is data in <c>Pulumi.&lt;stack&gt;.yaml</c> (see <see cref="PlatformConfig"/>).
/// </summary>
public sealed class PlatformStack : Stack
{
    public PlatformStack()
    {
        var config = PlatformConfig.Load();
        var on = config.Components;
        _ = new ProviderResource("random", "random", null, new CustomResourceOptions { Version = ProviderPins.Random }, isDefault: true);
        var platform = new Infra.Components.Platform(config.Settings, CloudSelection.Create(config));

        var network = new Network("main", config.Network, platform);
        Export("networkId", network.NetworkId);
        if (config.Cluster is null)
        {
            return;
        }

        var cluster = new KubernetesCluster("platform", config.Cluster, network, platform);
        var inCluster = new ComponentResourceOptions { Providers = [cluster.KubernetesProvider] };
        Export("clusterEndpoint", cluster.Endpoint);
        Export("kubeconfig", cluster.Kubeconfig);

        // The ingress comes first: cert-manager is cluster-wide, and the ingress's installation is the one to keep.
        var ingress = config.Ingress is { } ingressArgs ? new Ingress("edge", ingressArgs with { Cluster = cluster, DnsZone = config.DnsZone }, platform) : null;
        if (ingress is not null)
        {
            Export("ingressAddress", ingress.Address);
        }

        var endpoints = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
        var dataServices = new List<DataService>();
        void Data(string key, DataService? service)
        {
            if (service is null)
            {
                return;
            }

            dataServices.Add(service);
            service.AllowConnectionsFrom(cluster);
            endpoints[key] = service.Endpoint;
            Export($"{key}Host", service.Host);
            Export($"{key}ConnectionString", service.ConnectionString);
        }

        Data("postgres", on.Postgres ? new PostgresDatabase("orders", (config.Postgres ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("mongo", on.Mongo ? new MongoDatabase("catalog", (config.Mongo ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("redis", on.Redis ? new RedisCache("cache", (config.Redis ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("clickhouse", on.ClickHouse ? new ClickHouseDatabase("events", (config.ClickHouse ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);

        if (on.Backups)
        {
            _ = PlatformBackups.Create(config.Backups, platform, cluster, dataServices, inCluster);
        }

        var kafka = on.Kafka ? new KafkaCluster("events-bus", (config.Kafka ?? new() { Network = network }) with { Network = network }, platform) : null;
        if (kafka is not null)
        {
            Export("kafkaBootstrapServers", kafka.BootstrapServers);
        }

        if (on.Storage)
        {
            var serveThroughCdn = config.Cdn is not null;
            var assets = new ObjectStorage("assets", (config.Storage ?? new()) with { ServeThroughCdn = serveThroughCdn }, platform);
            if (config.Cdn is { } cdnArgs && config.DnsZone is { } zone)
            {
                _ = new Cdn("static", cdnArgs with { Origin = assets, DnsZone = zone }, platform);
                Export("cdnDomain", cdnArgs.Domain);
            }
        }

        var tracing = on.Tracing ? new Tracing("tracing", config.Tracing, inCluster) : null;
        if (tracing?.CollectorEndpoint is { } collector)
        {
            endpoints["tracing"] = collector;
        }

        var workloads = on.Workloads ? Services(config, endpoints, kafka, ingress, inCluster) : [];
        var monitoring = on.Monitoring ? new Monitoring("monitoring", config.Monitoring with { Workloads = workloads }, inCluster) : null;
        if (on.Logging)
        {
            _ = new Logging("logging", config.Logging with { Monitoring = monitoring }, inCluster);
        }
    }

    /// <summary>The application services in their namespace, wired to each other and to the data services by name.</summary>
    private static List<Workload> Services(PlatformConfig config, Dictionary<string, ServiceEndpoint> endpoints, KafkaCluster? kafka, Ingress? ingress,
        ComponentResourceOptions inCluster)
    {
        if (config.Workloads.Count == 0)
        {
            return [];
        }

        var apps = new Namespace("apps", new NamespaceArgs(), inCluster);
        var built = new Dictionary<string, Workload>(StringComparer.Ordinal);
        foreach (var (name, section) in config.Workloads.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var external = section.ConnectsTo.Where(endpoints.ContainsKey).Select(n => endpoints[n]).ToList();
            external.AddRange(KafkaGrants(kafka, name, section));
            built[name] = new Workload(name, section.Workload with
            {
                Namespace = apps,
                Name = section.Workload.Name ?? name,
                ConnectsTo = external,
                IngressController = ingress is not null && config.Ingress!.Routes.Any(r => r.Service == (section.Workload.Name ?? name)) ? ingress.ControllerPeer : null,
            }, inCluster);
        }

        foreach (var (name, section) in config.Workloads.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            foreach (var target in section.ConnectsTo.Where(t => !endpoints.ContainsKey(t)))
            {
                built[name].ConnectsTo(built.TryGetValue(target, out var workload) ? workload : throw UnknownTarget(name, target, built.Keys.Concat(endpoints.Keys)));
            }
        }

        return [.. built.Values];
    }

    /// <summary>One connection per workload to Kafka, carrying the rights for every topic it produces or consumes.</summary>
    private static IEnumerable<ServiceEndpoint> KafkaGrants(KafkaCluster? kafka, string name, WorkloadSection section)
    {
        if (section.Produces.Count + section.Consumes.Count == 0)
        {
            yield break;
        }

        if (kafka is null)
        {
            throw new Infra.Core.Diagnostics.InfraException(new Infra.Core.Diagnostics.Diagnostic
            {
                Code = "INFRA-STACK-011",
                Message = $"Workload '{name}' produces or consumes Kafka topics, but Kafka is switched off.",
                Key = $"infra:workloads.{name}",
                Rule = "topics need infra:components.kafka",
                Fix = "Switch Kafka on, or remove produces/consumes.",
            });
        }

        var identity = new WorkloadIdentity { Name = name, KubernetesNamespace = "apps" };
        KafkaAccess? access = null;
        foreach (var topic in section.Produces)
        {
            access = kafka.GrantProduce(topic, identity);
        }

        foreach (var topic in section.Consumes)
        {
            access = kafka.GrantConsume(topic, identity);
        }

        yield return access!.Endpoint;
    }

    private static Infra.Core.Diagnostics.InfraException UnknownTarget(string workload, string target, IEnumerable<string> known) => new(new Infra.Core.Diagnostics.Diagnostic
    {
        Code = "INFRA-STACK-010",
        Message = $"Workload '{workload}' connects to '{target}', which is neither a workload nor an enabled service.{Infra.Core.Diagnostics.Suggest.DidYouMean(target, known)}",
        Key = $"infra:workloads.{workload}.connectsTo",
        Value = target,
        Rule = "connectsTo names workloads of infra:workloads or enabled data services (postgres, mongo, redis, clickhouse, tracing)",
        Fix = "Correct the name, or enable the service in infra:components.",
    });
}
