using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Data;
using Infra.Components.Kubernetes;
using Infra.Components.Storage;
using Infra.Core;

namespace Infra.Stacks.Platform;

/// <summary>
/// Backups of the databases that run in the cluster: a dump CronJob beside each, writing to a backups bucket (and a
/// copy in the second region) through a write-only grant. Which databases run in the cluster is what the cloud made
/// of them, read from their endpoints; managed databases are backed up by their cloud.
/// </summary>
internal static class PlatformBackups
{
    /// <summary>Days a replaced or expired dump stays recoverable as a non-current version.</summary>
    private const int NoncurrentDays = 7;

    public static IReadOnlyList<DatabaseBackup> Create(BackupsSection section, Infra.Components.Platform platform, KubernetesCluster cluster,
        IEnumerable<DataService> services, ComponentResourceOptions inCluster)
    {
        var dumped = services.Select(s => (Service: s, Engine: Engine(s))).Where(s => s.Service.Endpoint.InCluster is not null && s.Engine is not null).ToList();
        if (dumped.Count == 0)
        {
            return [];
        }

        LifecycleRule[] expiry = [new LifecycleRule { Id = "expire-dumps", ExpireAfterDays = section.RetentionDays, NoncurrentVersionsExpireAfterDays = NoncurrentDays }];
        var primary = new ObjectStorage("backups", new ObjectStorageArgs { LifecycleRules = expiry }, platform);
        var copy = section.SecondRegion is { } region
            ? new ObjectStorage("backups-copy", new ObjectStorageArgs { Region = region, LifecycleRules = expiry }, platform)
            : null;

        var backups = new List<DatabaseBackup>();
        foreach (var (service, engine) in dumped)
        {
            var name = $"{service.Name}-backup";
            var writer = new ObjectWriterArgs
            {
                Identity = new WorkloadIdentity { Name = name, KubernetesNamespace = service.Endpoint.InCluster!.Namespace },
                Cluster = cluster,
                Prefix = $"{engine!.Value.ToString().ToLowerInvariant()}/{service.Name}/",
            };
            backups.Add(new DatabaseBackup(name, new DatabaseBackupArgs
            {
                Database = service.Endpoint,
                DatabaseName = service.DatabaseName ?? service.Name,
                Engine = engine.Value,
                Schedule = section.Schedule,
                Destination = primary.GrantWrite(writer),
                SecondaryDestination = copy?.GrantWrite(writer),
            }, inCluster));
        }

        return backups;
    }

    /// <summary>The dump tool for a database; none for caches, whose contents are rebuilt rather than restored.</summary>
    private static DatabaseEngine? Engine(DataService service) => service switch
    {
        PostgresDatabase => DatabaseEngine.Postgres,
        MongoDatabase => DatabaseEngine.Mongo,
        ClickHouseDatabase => DatabaseEngine.ClickHouse,
        _ => null,
    };
}
