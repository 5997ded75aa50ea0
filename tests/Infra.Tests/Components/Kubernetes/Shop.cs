using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>The mission's sample services (frontend, API gateway, backend) with a database and Kafka, for the tests.</summary>
internal sealed class Shop
{
    public static readonly NetworkPeer IngressNginx =
        NetworkPeer.Pods("ingress-nginx", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "ingress-nginx" });

    public Shop(ComponentResourceOptions options)
    {
        Namespace = new Namespace("shop", new NamespaceArgs(), options);
        var dbPassword = new CustomResource("random:index/randomPassword:RandomPassword", "orders-db-password", new Props { ["length"] = 24 });
        OrdersDb = new ServiceEndpoint
        {
            Name = "orders-db",
            Host = Output.Create("orders.db.internal"),
            Ports = [5432],
            Cidrs = ["10.20.0.0/24"],
            Credentials = [new("USERNAME", Output.CreateSecret<string>("app")), new("PASSWORD", dbPassword.GetOutput<string>("result"))],
        };
        Kafka = new ServiceEndpoint
        {
            Name = "events-kafka",
            Host = "kafka-bootstrap.kafka.svc:9092",
            Ports = [9092],
            InCluster = new InClusterSelector("kafka", new Dictionary<string, string> { ["strimzi.io/cluster"] = "events" }),
        };

        Frontend = new Workload("frontend", new WorkloadArgs
        {
            Namespace = Namespace,
            Image = "ghcr.io/acme/frontend:2.3.1",
            IngressController = IngressNginx,
        }, options);
        Gateway = new Workload("api-gateway", new WorkloadArgs
        {
            Namespace = Namespace,
            Image = "ghcr.io/acme/gateway@sha256:" + new string('a', 64),
            IngressController = IngressNginx,
            MinReplicas = 3,
            MaxReplicas = 10,
        }, options);
        Backend = new Workload("backend", new WorkloadArgs
        {
            Namespace = Namespace,
            Image = "ghcr.io/acme/backend:1.4.2",
            ConnectsTo = [OrdersDb, Kafka],
            Config = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" },
            MetricsPort = 9090,
        }, options);
        Frontend.ConnectsTo(Gateway);
        Gateway.ConnectsTo(Backend);
    }

    public Namespace Namespace { get; }

    public ServiceEndpoint OrdersDb { get; }

    public ServiceEndpoint Kafka { get; }

    public Workload Frontend { get; }

    public Workload Gateway { get; }

    public Workload Backend { get; }
}
