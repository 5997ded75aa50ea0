using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    public EngineRules PostgresRules => new()
    {
        Service = "Yandex Managed Service for PostgreSQL",
        Versions = ["14", "15", "16", "17"],
        DefaultVersion = "16",
        ClassBySize = Presets("s3"),
        ClassPattern = PresetPattern(),
        ClassDescription = "a Yandex resource preset such as s3-c4-m16",
        Storage = new StorageLimits(10, 4096, 20),
        MinBackupRetentionDays = ManagedMinRetentionDays,
        MaxBackupRetentionDays = ManagedMaxRetentionDays,
    };

    /// <summary>
    /// Yandex Managed Service for PostgreSQL (<c>mdbPostgresqlClusterV2</c>, hosts keyed by name) on the private subnets
    /// without public addresses, behind its own security group; disks encrypted with the service's KMS key in
    /// production; every service access path (DataLens, Web SQL, …) closed; daily backups with point-in-time recovery
    /// kept for the retention; a host per zone in two zones when highly available; the application user owns its
    /// database (separate user and database resources); deletion protection when protected. Clients use the pooler port
    /// 6432 with TLS.
    /// </summary>
    public DataServiceOutputs CreatePostgres(PostgresDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(database, spec);
        var group = DataSecurityGroup(database);
        var properties = ClusterBase(database, spec, key, group);
        properties["config"] = new Props
        {
            ["version"] = spec.Version,
            ["resources"] = new Props
            {
                ["resourcePresetId"] = spec.MachineClass,
                ["diskTypeId"] = "network-ssd",
                ["diskSize"] = spec.StorageGb!.Value,
            },
            ["backupRetainPeriodDays"] = spec.BackupRetentionDays,
            ["backupWindowStart"] = BackupWindow(spec),
            ["access"] = ServiceAccessClosed("dataLens", "dataTransfer", "serverless", "webSql", "yandexQuery"),
            ["performanceDiagnostics"] = new Props
            {
                ["enabled"] = true,
                ["sessionsSamplingInterval"] = 60,
                ["statementsSamplingInterval"] = 600,
            },
        };
        properties["hosts"] = Hosts(database, spec.Nodes(2));
        var cluster = new CustomResource("yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2", database.ChildResourceName("cluster"),
            properties, database.StatefulChildResourceOptions);

        var password = DataCredentials.GeneratePassword(database);
        var protection = spec.Protect ? "true" : "false";
        var user = new CustomResource("yandex:index/mdbPostgresqlUser:MdbPostgresqlUser", database.ChildResourceName("user"), new Props
        {
            ["clusterId"] = cluster.Id,
            ["name"] = spec.Username,
            ["password"] = password,
            ["login"] = true,
            ["connLimit"] = 100,
            ["deletionProtection"] = protection,
        }, database.ChildResourceOptions);
        _ = new CustomResource("yandex:index/mdbPostgresqlDatabase:MdbPostgresqlDatabase", database.ChildResourceName("database"), new Props
        {
            ["clusterId"] = cluster.Id,
            ["name"] = spec.DatabaseName,
            ["owner"] = user.GetOutput<string>("name"),
            ["deletionProtection"] = protection,
        }, database.StatefulChildResourceOptions);

        var host = PrimaryHost(cluster);
        const int port = 6432;
        var connection = ConnectionStrings.Postgres(spec, host, port, password);
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

    /// <summary>The hosts map of a plugin-framework cluster: <c>h1</c>, <c>h2</c>, … one per zone, no public address.</summary>
    private static Props Hosts(DataService service, int count, Func<int, Props>? extra = null)
    {
        var hosts = new Props();
        var placements = HostPlacements(service, count);
        for (var i = 0; i < placements.Count; i++)
        {
            var host = extra?.Invoke(i) ?? new Props();
            host["zone"] = placements[i].Zone;
            host["subnetId"] = placements[i].SubnetId;
            host["assignPublicIp"] = false;
            hosts[$"h{i + 1}"] = host;
        }

        return hosts;
    }
}
