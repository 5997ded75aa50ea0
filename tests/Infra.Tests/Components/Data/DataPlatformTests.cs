using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Data;
using Infra.Core.Synthesis;

namespace Infra.Tests.Components.Data;

/// <summary>The four engines together on every cloud and environment: schema conformance, determinism, parenting.</summary>
public class DataPlatformTests
{
    public static readonly string[] Components = ["orders", "catalog", "sessions", "events"];

    public static TheoryData<CloudKind, string> CloudsAndEnvironments()
    {
        var data = new TheoryData<CloudKind, string>();
        foreach (var cloud in DataProgram.Clouds)
        {
            data.Add(cloud, "dev");
            data.Add(cloud, "prod");
        }

        return data;
    }

    /// <summary>All four engines with one grant of every kind the cloud supports.</summary>
    internal static ProgramDocument AllEngines(CloudKind cloud, string environment, bool aurora = false) =>
        DataProgram.Synthesize(cloud, environment, s =>
        {
            var orders = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network }, s.Platform);
            var catalog = new MongoDatabase("catalog", new MongoDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform);
            var sessions = new RedisCache("sessions", new RedisCacheArgs { Network = s.Network }, s.Platform);
            var events = new ClickHouseDatabase("events", new ClickHouseDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform);
            foreach (var service in new DataService[] { orders, catalog, sessions, events })
            {
                service.AllowConnectionsFrom(s.Cluster);
                service.AllowConnectionsFrom("vpn", ["10.50.0.0/16", "192.168.10.0/24"]);
            }
        }, aurora ? _ => new AwsDataOptions { AuroraPostgres = true } : null);

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Every_property_of_every_data_resource_is_in_the_provider_schema(CloudKind cloud, string environment)
    {
        var program = AllEngines(cloud, environment, aurora: environment == "prod");

        var names = SchemaNames.Problems(program);
        var values = Components.SelectMany(program.ChildrenOf)
            .SelectMany(r => Kubernetes.ProviderSchema.Load(Package(r.Type)).Problems(r))
            .ToList();

        Assert.Empty(names);
        Assert.Empty(values);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_program_is_deterministic(CloudKind cloud, string environment) =>
        Assert.Equal(YamlWriter.Write(AllEngines(cloud, environment)), YamlWriter.Write(AllEngines(cloud, environment)));

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Every_child_is_named_after_its_component(CloudKind cloud, string environment)
    {
        var program = AllEngines(cloud, environment);

        foreach (var component in Components)
        {
            var children = program.ChildrenOf(component);
            Assert.NotEmpty(children);
            Assert.All(children, r => Assert.True(
                r.LogicalName.StartsWith($"{component}-", StringComparison.Ordinal) || IsSharedAddon(r.LogicalName),
                $"{r.LogicalName} is not prefixed with {component}-"));
        }
    }

    /// <summary>Cluster add-ons are declared once by the first in-cluster service and keep their own names.</summary>
    private static bool IsSharedAddon(string name) => name.EndsWith("-psmdb-operator", StringComparison.Ordinal)
        || name.EndsWith("-clickhouse-operator", StringComparison.Ordinal) || name.EndsWith("-cert-manager", StringComparison.Ordinal);

    internal static string Package(string type) => type[..type.IndexOf(':', StringComparison.Ordinal)] switch
    {
        "yandex" => "yandex-tf",
        var package => package,
    };
}
