using Infra.Components;
using Infra.Components.Data;
using Infra.Components.Kubernetes;
using Infra.Core;

namespace Infra.Tests.Components.Data;

/// <summary>Each data service exposes a ServiceEndpoint that workloads consume as is.</summary>
public class DataEndpointTests
{
    public static TheoryData<CloudKind, int, int, int, int> Ports() => new()
    {
        { CloudKind.Aws, 5432, 27017, 6379, 9440 },
        { CloudKind.Gcp, 5432, 27017, 6378, 9440 },
        { CloudKind.Yandex, 6432, 27018, 6380, 9440 },
    };

    private static IReadOnlyList<DataService> Build(DataStack s) =>
    [
        new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network }, s.Platform),
        new MongoDatabase("catalog", new MongoDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform),
        new RedisCache("sessions", new RedisCacheArgs { Network = s.Network }, s.Platform),
        new ClickHouseDatabase("events", new ClickHouseDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform),
    ];

    [Theory]
    [MemberData(nameof(Ports))]
    public void Endpoints_carry_the_tls_port_where_the_service_lives_and_secret_credentials(CloudKind cloud, int postgres, int mongo, int redis, int clickhouse)
    {
        IReadOnlyList<DataService> services = [];
        DataProgram.Run(cloud, "dev", s => services = Build(s));

        Assert.Equal([postgres, mongo, redis, clickhouse], services.Select(s => Assert.Single(s.Endpoint.Ports)));
        foreach (var service in services)
        {
            var endpoint = service.Endpoint;
            Assert.Equal(service.Name, endpoint.Name);
            Assert.True(endpoint.InCluster is null != (endpoint.Cidrs.Count == 0), service.Name);
            Assert.All(endpoint.Credentials, c => Assert.False(c.Value.IsKnown));
        }
    }

    [Fact]
    public void A_managed_endpoint_lives_in_the_private_subnets_and_an_in_cluster_one_in_its_namespace()
    {
        IReadOnlyList<DataService> services = [];
        DataProgram.Run(CloudKind.Gcp, "dev", s => services = Build(s));

        Assert.Equal(["10.200.0.0/16"], services[0].Endpoint.Cidrs);
        var pods = services[1].Endpoint.InCluster!;
        Assert.Equal("acme-dev-catalog", pods.Namespace);
        Assert.Equal("catalog", pods.PodLabels["app.kubernetes.io/instance"]);
    }

    [Fact]
    public void A_workload_connecting_to_a_database_gets_egress_to_its_subnets_and_port_and_its_credentials_as_secrets()
    {
        IReadOnlyList<string> subnets = [];
        var program = DataProgram.Synthesize(CloudKind.Aws, "dev", s =>
        {
            subnets = [.. s.Network.PrivateSubnets.Select(n => n.Cidr.ToString())];
            var orders = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network }, s.Platform);
            orders.AllowConnectionsFrom(s.Cluster);
            var options = new ComponentResourceOptions { Providers = [s.KubernetesProvider] };
            var shop = new Namespace("shop", new NamespaceArgs(), options);
            _ = new Workload("api", new WorkloadArgs { Namespace = shop, Image = "ghcr.io/acme/api:1.4.2", ConnectsTo = [orders.Endpoint] }, options);
        });

        var egress = Assert.Single(program.Named("api-to-orders").Properties.Items("spec.egress"));
        Assert.Equal(subnets, egress.Items("to").Select(peer => peer.Text("ipBlock.cidr")));
        Assert.NotEmpty(subnets);
        Assert.Equal(5432, Assert.Single(egress.Items("ports")).Integer("port"));
        var secret = program.Named("api-secrets").Properties;
        Assert.True(program.IsSecret(secret.At("stringData.ORDERS_PASSWORD")));
        Assert.True(program.IsSecret(secret.At("stringData.ORDERS_URL")));
    }
}
