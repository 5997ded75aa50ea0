using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    public EngineRules RedisRules => new()
    {
        Service = "Yandex Managed Service for Valkey",
        Versions = ["7.2"],
        DefaultVersion = "7.2",
        ClassBySize = Presets("hm3"),
        ClassPattern = PresetPattern(),
        ClassDescription = "a Yandex memory-optimised preset such as hm3-c4-m16",
        Storage = new StorageLimits(16, 4096, 16),
        MaxBackupRetentionDays = ManagedMaxRetentionDays,
    };

    /// <summary>
    /// Yandex Managed Service for Valkey (<c>mdbRedisClusterV2</c>; the Terraform resources keep the Redis name): hosts on
    /// the private subnets without public addresses, behind its own security group; TLS on (port 6380); AUTH with a
    /// generated password; persistence on; disks encrypted with the service's KMS key in production; Web SQL and
    /// DataLens closed; daily backups kept for the retention; a replica in another zone when highly available;
    /// deletion protection when protected.
    /// </summary>
    public DataServiceOutputs CreateRedis(RedisCache cache, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(cache, spec);
        var group = DataSecurityGroup(cache);
        var password = DataCredentials.GeneratePassword(cache);
        var properties = ClusterBase(cache, spec, key, group);
        properties["config"] = new Props
        {
            ["version"] = $"{spec.Version}-valkey",
            ["password"] = password,
            ["backupRetainPeriodDays"] = spec.BackupRetentionDays,
            ["backupWindowStart"] = BackupWindow(spec),
        };
        properties["resources"] = new Props
        {
            ["resourcePresetId"] = spec.MachineClass,
            ["diskTypeId"] = "network-ssd",
            ["diskSize"] = spec.StorageGb!.Value,
        };
        properties["hosts"] = Hosts(cache, spec.Nodes(2));
        properties["tlsEnabled"] = true;
        properties["persistenceMode"] = "ON";
        properties["sharded"] = false;
        properties["access"] = ServiceAccessClosed("dataLens", "webSql");
        var cluster = new CustomResource("yandex:index/mdbRedisClusterV2:MdbRedisClusterV2", cache.ChildResourceName("cluster"),
            properties, cache.StatefulChildResourceOptions);

        var host = PrimaryHost(cluster);
        const int port = 6380;
        var connection = ConnectionStrings.Redis("default", host, port, password);
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = "default",
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(cache, spec, key, host, port, password, connection),
            Cidrs = PrivateRanges(cache),
            Access = new SecurityGroupAccess(group, [port]),
        };
    }
}
