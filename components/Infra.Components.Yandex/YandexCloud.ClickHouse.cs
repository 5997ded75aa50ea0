using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>The account of a ClickHouse cluster whose users are managed by SQL.</summary>
    private const string ClickHouseAdmin = "admin";

    public EngineRules ClickHouseRules => new()
    {
        Service = "Yandex Managed Service for ClickHouse",
        Versions = ["24.8", "25.3", "25.8"],
        DefaultVersion = "24.8",
        ClassBySize = Presets("s3"),
        ClassPattern = PresetPattern(),
        ClassDescription = "a Yandex resource preset such as s3-c4-m16",
        Storage = new StorageLimits(10, 4096, 20),
        MinBackupRetentionDays = ManagedMinRetentionDays,
        MaxBackupRetentionDays = ManagedMaxRetentionDays,
    };

    /// <summary>
    /// Yandex Managed Service for ClickHouse (<c>mdbClickhouseClusterV2</c>): hosts on the private subnets without public
    /// addresses, behind its own security group that grants open only the TLS ports (9440 native, 8443 HTTPS); users and
    /// databases managed by SQL, with the generated admin password (a secret); disks encrypted with the service's KMS key
    /// in production; every service access path closed; daily backups kept for the retention; when highly available two
    /// replicas in two zones coordinated by three ClickHouse Keeper hosts; deletion protection when protected. The
    /// application creates its database (<c>CREATE DATABASE IF NOT EXISTS</c>) and, ideally, a narrower user.
    /// </summary>
    public DataServiceOutputs CreateClickHouse(ClickHouseDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(database, spec);
        var group = DataSecurityGroup(database);
        var password = DataCredentials.GeneratePassword(database);
        var resources = new Props
        {
            ["resourcePresetId"] = spec.MachineClass,
            ["diskTypeId"] = "network-ssd",
            ["diskSize"] = spec.StorageGb!.Value,
        };
        var properties = ClusterBase(database, spec, key, group);
        properties["version"] = spec.Version;
        properties["clickhouse"] = new Props { ["resources"] = resources };
        properties["hosts"] = ClickHouseHosts(database, spec);
        properties["shards"] = new Props { ["shard1"] = new Props() };
        if (spec.HighAvailability)
        {
            properties["zookeeper"] = new Props
            {
                ["resources"] = new Props { ["resourcePresetId"] = Presets("s3")[DataSize.Small], ["diskTypeId"] = "network-ssd", ["diskSize"] = 10 },
            };
        }

        properties["adminPassword"] = password;
        properties["sqlUserManagement"] = true;
        properties["sqlDatabaseManagement"] = true;
        properties["backupRetainPeriodDays"] = spec.BackupRetentionDays;
        properties["backupWindowStart"] = BackupWindow(spec);
        properties["access"] = ServiceAccessClosed("dataLens", "dataTransfer", "metrika", "serverless", "webSql", "yandexQuery");
        properties["cloudStorage"] = new Props { ["enabled"] = false };
        var cluster = new CustomResource("yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2", database.ChildResourceName("cluster"),
            properties, database.StatefulChildResourceOptions);

        var host = PrimaryHost(cluster);
        const int port = 9440;
        var connection = ConnectionStrings.ClickHouse(ClickHouseAdmin, spec, host, port, password);
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = ClickHouseAdmin,
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(database, spec, key, host, port, password, connection),
            Cidrs = PrivateRanges(database),
            Access = new SecurityGroupAccess(group, [port, 8443]),
        };
    }

    /// <summary>ClickHouse hosts (one, or two in two zones) in shard1, and three Keeper hosts across zones when highly available.</summary>
    private static Props ClickHouseHosts(ClickHouseDatabase database, DataServiceSpec spec)
    {
        var hosts = new Props();
        var replicas = HostPlacements(database, spec.Nodes(2));
        for (var i = 0; i < replicas.Count; i++)
        {
            hosts[$"h{i + 1}"] = new Props
            {
                ["type"] = "CLICKHOUSE",
                ["zone"] = replicas[i].Zone,
                ["subnetId"] = replicas[i].SubnetId,
                ["shardName"] = "shard1",
                ["assignPublicIp"] = false,
            };
        }

        if (spec.HighAvailability)
        {
            var keepers = HostPlacements(database, 3);
            for (var i = 0; i < keepers.Count; i++)
            {
                hosts[$"k{i + 1}"] = new Props
                {
                    ["type"] = "KEEPER",
                    ["zone"] = keepers[i].Zone,
                    ["subnetId"] = keepers[i].SubnetId,
                    ["assignPublicIp"] = false,
                };
            }
        }

        return hosts;
    }
}
