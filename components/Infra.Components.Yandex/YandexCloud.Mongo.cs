using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    public EngineRules MongoRules => new()
    {
        Service = "Yandex Managed Service for MongoDB",
        Versions = ["6.0", "7.0"],
        DefaultVersion = "7.0",
        ClassBySize = Presets("s3"),
        ClassPattern = PresetPattern(),
        ClassDescription = "a Yandex resource preset such as s3-c4-m16",
        Storage = new StorageLimits(10, 4096, 20),
        MinBackupRetentionDays = ManagedMinRetentionDays,
        MaxBackupRetentionDays = ManagedMaxRetentionDays,
    };

    /// <summary>
    /// Yandex Managed Service for MongoDB: a replica set on the private subnets without public addresses, behind its own
    /// security group; disks encrypted with the service's KMS key in production; service access paths closed; daily
    /// backups kept for the retention; three hosts across zones when highly available; an application user with
    /// readWrite on its database only; deletion protection when protected. Clients use port 27018 with TLS.
    /// </summary>
    public DataServiceOutputs CreateMongo(MongoDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(database, spec);
        var group = DataSecurityGroup(database);
        var properties = ClusterBase(database, spec, key, group);
        properties["clusterConfig"] = new Props
        {
            ["version"] = spec.Version,
            ["featureCompatibilityVersion"] = spec.Version,
            ["backupRetainPeriodDays"] = spec.BackupRetentionDays,
            ["backupWindowStart"] = BackupWindow(spec),
            ["access"] = ServiceAccessClosed("dataLens", "dataTransfer", "webSql"),
        };
        properties["resourcesMongod"] = new Props
        {
            ["resourcePresetId"] = spec.MachineClass,
            ["diskTypeId"] = "network-ssd",
            ["diskSize"] = spec.StorageGb!.Value,
        };
        properties["hosts"] = Input.List(HostPlacements(database, spec.Nodes(3)).Select(p => (Input)new Props
        {
            ["zoneId"] = p.Zone,
            ["subnetId"] = p.SubnetId,
            ["assignPublicIp"] = false,
            ["type"] = "mongod",
        }));
        var cluster = new CustomResource("yandex:index/mdbMongodbCluster:MdbMongodbCluster", database.ChildResourceName("cluster"),
            properties, database.StatefulChildResourceOptions);

        var db = new CustomResource("yandex:index/mdbMongodbDatabase:MdbMongodbDatabase", database.ChildResourceName("database"), new Props
        {
            ["clusterId"] = cluster.Id,
            ["name"] = spec.DatabaseName,
            ["deletionProtection"] = spec.Protect,
        }, database.StatefulChildResourceOptions);
        var password = DataCredentials.GeneratePassword(database);
        _ = new CustomResource("yandex:index/mdbMongodbUser:MdbMongodbUser", database.ChildResourceName("user"), new Props
        {
            ["clusterId"] = cluster.Id,
            ["name"] = spec.Username,
            ["password"] = password,
            ["permissions"] = new Input[] { new Props { ["databaseName"] = spec.DatabaseName, ["roles"] = new[] { "readWrite" } } },
        }, database.ChildResourceOptions with { DependsOn = [db] });

        // A replica set has no single primary name; the driver finds the primary from any member.
        var host = cluster.GetOutput<string>("hosts[0].name");
        const int port = 27018;
        var connection = ConnectionStrings.Mongo(spec, host, port, password, spec.DatabaseName!, "&replicaSet=rs01");
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = spec.Username!,
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(database, spec, key, host, port, password, connection),
            Cidrs = PrivateRanges(database),
            Access = new SecurityGroupAccess(group, [port]),
        };
    }
}
