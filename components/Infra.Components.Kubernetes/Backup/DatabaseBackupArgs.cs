using Infra.Components.Connectivity;

namespace Infra.Components.Kubernetes;

/// <summary>Database engines a backup job can dump.</summary>
public enum DatabaseEngine
{
    /// <summary>pg_dump in custom format (restore with pg_restore).</summary>
    Postgres,

    /// <summary>mysqldump, gzip-compressed SQL (restore with mysql).</summary>
    MySql,
}

/// <summary>Arguments of <see cref="DatabaseBackup"/>. Only the database, its name, the namespace and a destination are required.</summary>
public sealed record DatabaseBackupArgs
{
    /// <summary>The namespace the job runs in (usually the database's).</summary>
    public required Namespace Namespace { get; init; }

    /// <summary>The database to dump; its credentials must include <see cref="UsernameKey"/> and <see cref="PasswordKey"/>.</summary>
    public required ServiceEndpoint Database { get; init; }

    /// <summary>The database (schema) name to dump.</summary>
    public required string DatabaseName { get; init; }

    /// <summary>Where dumps are written.</summary>
    public required ObjectStorageTarget Destination { get; init; }

    /// <summary>
    /// A second copy, in another region (give one in prod where the cloud has a second region). Default: null.
    /// </summary>
    public ObjectStorageTarget? SecondaryDestination { get; init; }

    /// <summary>Default: Postgres.</summary>
    public DatabaseEngine Engine { get; init; } = DatabaseEngine.Postgres;

    /// <summary>The Kubernetes name of the CronJob. Default: the component's name.</summary>
    public string? Name { get; init; }

    /// <summary>Cron schedule, read in <see cref="TimeZone"/>. Default: 0 3 * * * (daily at 03:00).</summary>
    public string Schedule { get; init; } = "0 3 * * *";

    /// <summary>IANA time zone of the schedule. Default: Etc/UTC.</summary>
    public string TimeZone { get; init; } = "Etc/UTC";

    /// <summary>Dumps older than this many days are deleted after each successful run. Default: 30.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>Credential key of the database user. Default: USERNAME.</summary>
    public string UsernameKey { get; init; } = "USERNAME";

    /// <summary>Credential key of the database password. Default: PASSWORD.</summary>
    public string PasswordKey { get; init; } = "PASSWORD";

    /// <summary>Image with the dump tool; its major version must be at least the server's. Default: postgres:17.6 or mysql:8.4.6.</summary>
    public string? DumpImage { get; init; }

    /// <summary>Image with the S3 client. Default: amazon/aws-cli:2.27.50.</summary>
    public string UploadImage { get; init; } = "amazon/aws-cli:2.27.50";

    /// <summary>Scratch space for one dump. Default: 10Gi.</summary>
    public string ScratchSize { get; init; } = "10Gi";
}
