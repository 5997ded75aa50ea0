using System.Text.RegularExpressions;
using Infra.Components.Data;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    public EngineRules RedisRules => new()
    {
        Service = "Memorystore for Redis",
        Versions = ["7.0", "7.2"],
        DefaultVersion = "7.2",
        ClassBySize = new Dictionary<DataSize, string>
        {
            [DataSize.Small] = "1",
            [DataSize.Medium] = "5",
            [DataSize.Large] = "13",
        },
        ClassPattern = MemorySizePattern(),
        ClassDescription = "a Memorystore capacity in GB from 1 to 300, such as 5",
        Storage = null,
        MaxBackupRetentionDays = 0,
    };

    /// <summary>
    /// Memorystore for Redis over private services access (no public address), AUTH on with Google's generated AUTH
    /// string, TLS with server authentication (port 6378), encrypted with the service's Cloud KMS key in production, RDB
    /// snapshots every 24 hours (Memorystore keeps no dated backups), a replica in a second zone with automatic
    /// failover (<c>STANDARD_HA</c>) when highly available, a weekly maintenance window, deletion protection when protected.
    /// </summary>
    public DataServiceOutputs CreateRedis(RedisCache cache, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(spec);
        var keyed = DataKey(cache, spec, "cloud-redis", "gcp-sa-secretmanager");
        var key = keyed?.Key;
        var grants = keyed?.Grants ?? [];
        var instance = new CustomResource("gcp:redis/instance:Instance", cache.ChildResourceName("instance"), new Props
        {
            ["name"] = ComponentNames.Fit(cache.CloudResourceName(), 40),
            ["displayName"] = $"Cache {cache.CloudResourceName()}",
            ["project"] = Options.Project,
            ["region"] = Region,
            ["tier"] = spec.HighAvailability ? "STANDARD_HA" : "BASIC",
            ["memorySizeGb"] = int.Parse(spec.MachineClass, System.Globalization.CultureInfo.InvariantCulture),
            ["redisVersion"] = $"REDIS_{spec.Version.Replace('.', '_')}",
            ["locationId"] = spec.Zones[0],
            ["alternativeLocationId"] = spec.HighAvailability && spec.Zones.Count > 1 ? spec.Zones[1] : null,
            ["authorizedNetwork"] = cache.Network.NetworkId,
            ["connectMode"] = "PRIVATE_SERVICE_ACCESS",
            ["authEnabled"] = true,
            ["transitEncryptionMode"] = "SERVER_AUTHENTICATION",
            ["customerManagedKey"] = key is null ? default(Input) : key.Id,
            ["persistenceConfig"] = new Props { ["persistenceMode"] = "RDB", ["rdbSnapshotPeriod"] = "TWENTY_FOUR_HOURS" },
            ["maintenancePolicy"] = new Props
            {
                ["weeklyMaintenanceWindows"] = new Input[]
                {
                    new Props
                    {
                        ["day"] = spec.Maintenance.DayName,
                        ["startTime"] = new Props { ["hours"] = spec.Maintenance.StartHourUtc, ["minutes"] = 0, ["seconds"] = 0, ["nanos"] = 0 },
                    },
                },
            },
            ["deletionProtection"] = spec.Protect,
        }, cache.StatefulChildResourceOptions with { DependsOn = ManagedServiceDependencies(cache, grants) });

        var host = instance.GetOutput<string>("host");
        var password = DataCredentials.Secret(instance.GetOutput<string>("authString"));
        const int port = 6378;
        var connection = ConnectionStrings.Redis("default", host, port, password);
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = "default",
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(cache, spec, key, grants, DataCredentials.SecretDocument(cache, "redis", host, port, password, connection)),
            Cidrs = ManagedServiceRanges(),
            Access = DenyByDefault(cache, host, port),
        };
    }

    [GeneratedRegex("^([1-9]|[1-9][0-9]|[12][0-9][0-9]|300)$")]
    private static partial Regex MemorySizePattern();
}
