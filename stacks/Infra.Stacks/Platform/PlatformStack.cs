using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Data;
using Infra.Components.Kubernetes;
using Infra.Components.Networking;
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

        var endpoints = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
        void Data(string key, DataService? service)
        {
            if (service is null)
            {
                return;
            }

            service.AllowConnectionsFrom(cluster);
            endpoints[key] = service.Endpoint;
            Export($"{key}Host", service.Host);
            Export($"{key}ConnectionString", service.ConnectionString);
        }

        Data("postgres", on.Postgres ? new PostgresDatabase("orders", (config.Postgres ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("mongo", on.Mongo ? new MongoDatabase("catalog", (config.Mongo ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("redis", on.Redis ? new RedisCache("cache", (config.Redis ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);
        Data("clickhouse", on.ClickHouse ? new ClickHouseDatabase("events", (config.ClickHouse ?? new() { Network = network }) with { Network = network, KubernetesProvider = cluster.KubernetesProvider }, platform) : null);

        var tracing = on.Tracing ? new Tracing("tracing", config.Tracing, inCluster) : null;
        if (tracing?.CollectorEndpoint is { } collector)
        {
            endpoints["tracing"] = collector;
        }

        var workloads = on.Workloads ? Services(config, endpoints, inCluster) : [];
        var monitoring = on.Monitoring ? new Monitoring("monitoring", config.Monitoring with { Workloads = workloads }, inCluster) : null;
        if (on.Logging)
        {
            _ = new Logging("logging", config.Logging with { Monitoring = monitoring }, inCluster);
        }
    }

    /// <summary>The application services in their namespace, wired to each other and to the data services by name.</summary>
    private static List<Workload> Services(PlatformConfig config, Dictionary<string, ServiceEndpoint> endpoints, ComponentResourceOptions inCluster)
    {
        if (config.Workloads.Count == 0)
        {
            return [];
        }

        var apps = new Namespace("apps", new NamespaceArgs(), inCluster);
        var built = new Dictionary<string, Workload>(StringComparer.Ordinal);
        foreach (var (name, section) in config.Workloads.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var external = section.ConnectsTo.Where(endpoints.ContainsKey).Select(n => endpoints[n]).ToArray();
            built[name] = new Workload(name, section.Workload with { Namespace = apps, Name = section.Workload.Name ?? name, ConnectsTo = external }, inCluster);
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
