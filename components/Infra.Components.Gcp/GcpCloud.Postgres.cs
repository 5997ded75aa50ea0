using System.Text.RegularExpressions;
using Infra.Components.Data;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    public EngineRules PostgresRules => new()
    {
        Service = "Cloud SQL for PostgreSQL",
        Versions = ["13", "14", "15", "16", "17"],
        DefaultVersion = "16",
        ClassBySize = new Dictionary<DataSize, string>
        {
            [DataSize.Small] = "db-custom-1-3840",
            [DataSize.Medium] = "db-custom-2-7680",
            [DataSize.Large] = "db-custom-4-15360",
        },
        ClassPattern = SqlTierPattern(),
        ClassDescription = "a Cloud SQL Enterprise tier such as db-custom-2-7680 (vCPUs and memory in MB)",
        Storage = new StorageLimits(10, 65536, 20),
        MaxBackupRetentionDays = 365,
    };

    /// <summary>
    /// Cloud SQL for PostgreSQL (Enterprise edition) with a private IP in the network only (no public IP), reached over
    /// the private services peering; TLS required (<c>ENCRYPTED_ONLY</c>); encrypted with the service's Cloud KMS key
    /// in production; connection logging flags; daily backups kept for the retention with point-in-time recovery;
    /// regional (a standby in a second zone) when highly available; a weekly maintenance window on the stable track;
    /// deletion protection on both the API and Pulumi sides, and a final backup, when protected. Clients are let in by
    /// egress firewall grants (see <see cref="IDataAccess"/>).
    /// </summary>
    public DataServiceOutputs CreatePostgres(PostgresDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var keyed = DataKey(database, spec, "gcp-sa-cloud-sql", "gcp-sa-secretmanager");
        var key = keyed?.Key;
        var grants = keyed?.Grants ?? [];
        var locationPreference = new Props { ["zone"] = spec.Zones[0] };
        if (spec.HighAvailability && spec.Zones.Count > 1)
        {
            locationPreference["secondaryZone"] = spec.Zones[1];
        }

        var instance = new CustomResource("gcp:sql/databaseInstance:DatabaseInstance", database.ChildResourceName("instance"), new Props
        {
            ["name"] = ComponentNames.Fit(database.CloudResourceName(), 63),
            ["project"] = Options.Project,
            ["region"] = Region,
            ["databaseVersion"] = $"POSTGRES_{spec.Version}",
            ["encryptionKeyName"] = key is null ? default(Input) : key.Id,
            ["deletionProtection"] = spec.Protect,
            ["settings"] = new Props
            {
                ["tier"] = spec.MachineClass,
                ["edition"] = "ENTERPRISE",
                ["availabilityType"] = spec.HighAvailability ? "REGIONAL" : "ZONAL",
                ["locationPreference"] = locationPreference,
                ["diskType"] = "PD_SSD",
                ["diskSize"] = spec.StorageGb!.Value,
                ["diskAutoresize"] = true,
                ["diskAutoresizeLimit"] = Math.Min(spec.StorageGb!.Value * 4, 65536),
                ["ipConfiguration"] = new Props
                {
                    ["ipv4Enabled"] = false,
                    ["privateNetwork"] = database.Network.NetworkId,
                    ["sslMode"] = "ENCRYPTED_ONLY",
                    ["enablePrivatePathForGoogleCloudServices"] = false,
                },
                ["backupConfiguration"] = new Props
                {
                    ["enabled"] = true,
                    ["pointInTimeRecoveryEnabled"] = true,
                    ["startTime"] = $"{spec.BackupStartHourUtc:00}:00",
                    ["transactionLogRetentionDays"] = Math.Min(spec.BackupRetentionDays, 7),
                    ["backupRetentionSettings"] = new Props { ["retainedBackups"] = spec.BackupRetentionDays, ["retentionUnit"] = "COUNT" },
                },
                ["maintenanceWindow"] = new Props
                {
                    ["day"] = spec.Maintenance.IsoDay,
                    ["hour"] = spec.Maintenance.StartHourUtc,
                    ["updateTrack"] = "stable",
                },
                ["databaseFlags"] = new Input[]
                {
                    new Props { ["name"] = "log_connections", ["value"] = "on" },
                    new Props { ["name"] = "log_disconnections", ["value"] = "on" },
                },
                ["insightsConfig"] = new Props { ["queryInsightsEnabled"] = true, ["recordClientAddress"] = false },
                ["deletionProtectionEnabled"] = spec.Protect,
                ["retainBackupsOnDelete"] = spec.Protect,
                ["finalBackupConfig"] = spec.Protect ? new Props { ["enabled"] = true, ["retentionDays"] = 30 } : null,
            },
        }, database.StatefulChildResourceOptions with { DependsOn = ManagedServiceDependencies(database, grants) });
        var instanceName = instance.GetOutput<string>("name");
        var password = DataCredentials.GeneratePassword(database);
        var user = new CustomResource("gcp:sql/user:User", database.ChildResourceName("user"), new Props
        {
            ["name"] = spec.Username,
            ["instance"] = instanceName,
            ["project"] = Options.Project,
            ["password"] = password,
            ["deletionPolicy"] = spec.Protect ? "ABANDON" : null,
        }, database.ChildResourceOptions);
        _ = new CustomResource("gcp:sql/database:Database", database.ChildResourceName("database"), new Props
        {
            ["name"] = spec.DatabaseName,
            ["instance"] = instanceName,
            ["project"] = Options.Project,
            ["deletionPolicy"] = spec.Protect ? "ABANDON" : null,
        }, database.StatefulChildResourceOptions with { DependsOn = [user] });

        var host = instance.GetOutput<string>("privateIpAddress");
        const int port = 5432;
        var connection = ConnectionStrings.Postgres(spec, host, port, password);
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = spec.Username!,
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(database, spec, key, grants,
                DataCredentials.SecretDocument(database, "postgres", host, port, password, connection)),
            Cidrs = ManagedServiceRanges(),
            Access = DenyByDefault(database, host, port),
        };
    }

    /// <summary>Where Google-managed services get their addresses: the configured private services range, when there is one.</summary>
    private IReadOnlyList<string> ManagedServiceRanges() => Options.PrivateServicesCidr is { } range ? [range] : [];

    [GeneratedRegex("^db-(custom-[1-9][0-9]*-[1-9][0-9]*|f1-micro|g1-small)$")]
    private static partial Regex SqlTierPattern();
}
