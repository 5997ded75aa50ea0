using Infra.Components;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>The Yandex Cloud production defaults, checked against the policy catalogue rules they must satisfy.</summary>
public class YandexDataPolicyTests
{
    private static readonly ProgramDocument Prod = DataPlatformTests.AllEngines(CloudKind.Yandex, "prod");
    private static readonly ProgramDocument Dev = DataPlatformTests.AllEngines(CloudKind.Yandex, "dev");

    public static TheoryData<string, string> Clusters() => new()
    {
        { "orders", "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2" },
        { "catalog", "yandex:index/mdbMongodbCluster:MdbMongodbCluster" },
        { "sessions", "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2" },
        { "events", "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2" },
    };

    /// <summary>The hosts of a cluster: a list (SDKv2) or a map keyed by host label (plugin framework).</summary>
    private static IReadOnlyList<Node> Hosts(ResourceDecl cluster) => cluster.Properties.At("hosts") switch
    {
        ListNode list => list.Items,
        MapNode map => [.. map.Entries.Select(e => e.Value)],
        _ => [],
    };

    private static string? Zone(Node host) => host.Text("zone") ?? host.Text("zoneId");

    [Theory]
    [MemberData(nameof(Clusters))]
    public void INF_DATA_001_no_host_gets_a_public_address_and_the_service_has_its_own_security_group(string component, string type)
    {
        var cluster = Prod.One(component, type);
        Assert.All(Hosts(cluster), h => Assert.False(h.Bool("assignPublicIp")));
        var group = Assert.Single(cluster.Properties.Items("securityGroupIds"));
        Assert.Equal($"{component}-sg.id", ((ReferenceNode)group).ToExpressionText());
        Assert.Null(Prod.One(component, "yandex:index/vpcSecurityGroup:VpcSecurityGroup").Properties.At("ingresses"));
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void INF_DATA_002_disks_are_encrypted_with_the_services_key_in_production(string component, string type)
    {
        Assert.True(Prod.References(Prod.One(component, type).Properties.At("diskEncryptionKeyId"), "yandex:index/kmsSymmetricKey:KmsSymmetricKey"));
        Assert.Null(Dev.One(component, type).Properties.At("diskEncryptionKeyId"));
    }

    [Theory]
    [InlineData("orders", "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2", "config.backupRetainPeriodDays")]
    [InlineData("catalog", "yandex:index/mdbMongodbCluster:MdbMongodbCluster", "clusterConfig.backupRetainPeriodDays")]
    [InlineData("sessions", "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2", "config.backupRetainPeriodDays")]
    [InlineData("events", "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2", "backupRetainPeriodDays")]
    public void INF_DATA_003_backups_are_kept_at_least_seven_days(string component, string type, string path) =>
        Assert.True(Prod.One(component, type).Properties.Integer(path) >= 7);

    [Theory]
    [MemberData(nameof(Clusters))]
    public void INF_DATA_004_deletion_protection_and_protect_in_production_only(string component, string type)
    {
        Assert.True(Prod.One(component, type).Properties.Bool("deletionProtection"));
        Assert.True(Prod.One(component, type).Protected());
        Assert.False(Dev.One(component, type).Properties.Bool("deletionProtection"));
        Assert.False(Dev.One(component, type).Protected());
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void INF_DATA_005_production_has_two_or_more_data_hosts_in_distinct_zones(string component, string type)
    {
        var data = Hosts(Prod.One(component, type)).Where(h => h.Text("type") is null or "CLICKHOUSE" or "mongod").ToList();
        Assert.True(data.Count >= 2);
        Assert.Equal(data.Count, data.Select(Zone).Distinct().Count());
        Assert.Single(Hosts(Dev.One(component, type)));
    }

    [Theory]
    [InlineData("orders", "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2", "config.access")]
    [InlineData("catalog", "yandex:index/mdbMongodbCluster:MdbMongodbCluster", "clusterConfig.access")]
    [InlineData("sessions", "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2", "access")]
    [InlineData("events", "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2", "access")]
    public void INF_DATA_006_every_service_access_path_is_closed(string component, string type, string path)
    {
        var access = Assert.IsType<MapNode>(Prod.One(component, type).Properties.At(path));
        Assert.NotEmpty(access.Entries);
        Assert.All(access.Entries, e => Assert.False(((BoolNode)e.Value).Value, e.Key));
    }

    [Fact]
    public void INF_REDIS_001_and_002_valkey_has_tls_and_a_generated_password()
    {
        var redis = Prod.One("sessions", "yandex:index/mdbRedisClusterV2:MdbRedisClusterV2");
        Assert.True(redis.Properties.Bool("tlsEnabled"));
        Assert.True(Prod.IsRandomPassword(redis.Properties.At("config.password")));
        Assert.Equal("7.2-valkey", redis.Properties.Text("config.version"));
    }

    [Fact]
    public void INF_CH_001_clickhouse_users_are_managed_by_sql_with_a_secret_admin_password()
    {
        var clickhouse = Prod.One("events", "yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2");
        Assert.True(Prod.IsRandomPassword(clickhouse.Properties.At("adminPassword")));
        Assert.True(clickhouse.Properties.Bool("sqlUserManagement"));
        Assert.Equal(3, Hosts(clickhouse).Count(h => h.Text("type") == "KEEPER"));
        Assert.Null(clickhouse.Properties.At("clickhouse.config.kafka"));
    }

    [Fact]
    public void INF_KMS_001_and_002_keys_rotate_and_are_deletion_protected_in_production()
    {
        var key = Prod.One("orders", "yandex:index/kmsSymmetricKey:KmsSymmetricKey");
        Assert.Equal("8760h", key.Properties.Text("rotationPeriod"));
        Assert.True(key.Properties.Bool("deletionProtection"));
        Assert.DoesNotContain(Dev.ChildrenOf("orders"), r => r.Type == "yandex:index/kmsSymmetricKey:KmsSymmetricKey");
    }

    [Fact]
    public void The_database_user_and_database_are_separate_resources_protected_with_the_string_flag()
    {
        var user = Prod.One("orders", "yandex:index/mdbPostgresqlUser:MdbPostgresqlUser");
        var database = Prod.One("orders", "yandex:index/mdbPostgresqlDatabase:MdbPostgresqlDatabase");
        Assert.Equal("true", user.Properties.Text("deletionProtection"));
        Assert.Equal("true", database.Properties.Text("deletionProtection"));
        Assert.Equal("orders-user.name", ((ReferenceNode)database.Properties.At("owner")!).ToExpressionText());
        Assert.Equal("false", Dev.One("orders", "yandex:index/mdbPostgresqlUser:MdbPostgresqlUser").Properties.Text("deletionProtection"));
    }

    [Fact]
    public void Maintenance_uses_yandex_day_names_and_its_one_based_hour()
    {
        var window = Prod.One("orders", "yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2").Properties.At("maintenanceWindow");
        Assert.Equal("WEEKLY", window.Text("type"));
        Assert.Equal("SUN", window.Text("day"));
        Assert.Equal(4, window.Integer("hour"));
    }

    [Fact]
    public void Credentials_are_kept_in_lockbox_with_the_key_and_the_password_entry_stays_secret()
    {
        foreach (var component in DataPlatformTests.Components)
        {
            Assert.True(Prod.References(Prod.One(component, "yandex:index/lockboxSecret:LockboxSecret").Properties.At("kmsKeyId"),
                "yandex:index/kmsSymmetricKey:KmsSymmetricKey"), component);
            var entries = Prod.One(component, "yandex:index/lockboxSecretVersion:LockboxSecretVersion").Properties.Items("entries")
                .ToDictionary(e => e.Text("key")!, e => e.At("textValue"));
            Assert.True(Prod.IsSecret(entries["password"]), component);
            Assert.True(Prod.IsSecret(entries["uri"]), component);
        }
    }
}
