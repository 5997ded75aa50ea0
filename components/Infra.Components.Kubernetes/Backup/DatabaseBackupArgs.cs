using Infra.Components.Connectivity;

namespace Infra.Components.Kubernetes;

/// <summary>Database engines a backup job can dump. Every dump connects over TLS.</summary>
public enum DatabaseEngine
{
    /// <summary>pg_dump in custom format (restore with pg_restore); file extension <c>dump</c>.</summary>
    Postgres,

    /// <summary>mysqldump, gzip-compressed SQL (restore with mysql); file extension <c>sql.gz</c>.</summary>
    MySql,

    /// <summary>mongodump of the one database as a gzip archive (restore with mongorestore --archive --gzip); extension <c>archive.gz</c>.</summary>
    Mongo,

    /// <summary>
    /// A logical export with clickhouse-client: <c>schema.sql</c> (tables, then dictionaries, then views), each data-holding
    /// table's rows in Native format, gzip-compressed, and <c>tables.tsv</c> naming them; packed as one tar (extension <c>tar</c>).
    /// </summary>
    ClickHouse,
}

/// <summary>
/// Arguments of <see cref="DatabaseBackup"/>. Only the database, its name and a destination are required. Dumps are never
/// deleted by the job (its writers may only create objects): the bucket's lifecycle rule expires them.
/// </summary>
public sealed record DatabaseBackupArgs
{
    /// <summary>
    /// The namespace the job runs in. Default: the in-cluster database's namespace
    /// (<see cref="InClusterSelector.Namespace"/>), where its CA Secret lives and its policies admit same-namespace pods.
    /// Required for a database outside the cluster.
    /// </summary>
    public Namespace? Namespace { get; init; }

    /// <summary>The database to dump; its credentials must include <see cref="UsernameKey"/> and <see cref="PasswordKey"/>.</summary>
    public required ServiceEndpoint Database { get; init; }

    /// <summary>The database (schema) name to dump.</summary>
    public required string DatabaseName { get; init; }

    /// <summary>Where dumps are written.</summary>
    public required ObjectStorageTarget Destination { get; init; }

    /// <summary>
    /// A second copy, in another region (give one in prod where the cloud has a second region); it may speak another
    /// API than <see cref="Destination"/>. Default: null.
    /// </summary>
    public ObjectStorageTarget? SecondaryDestination { get; init; }

    /// <summary>Default: Postgres.</summary>
    public DatabaseEngine Engine { get; init; } = DatabaseEngine.Postgres;

    /// <summary>
    /// The Kubernetes name of the CronJob and of its ServiceAccount (which an ambient-identity destination is granted to).
    /// Default: the component's name.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Cron schedule, read in <see cref="TimeZone"/>. Default: 0 3 * * * (daily at 03:00).</summary>
    public string Schedule { get; init; } = "0 3 * * *";

    /// <summary>IANA time zone of the schedule. Default: Etc/UTC.</summary>
    public string TimeZone { get; init; } = "Etc/UTC";

    /// <summary>Credential key of the database user. Default: USERNAME.</summary>
    public string UsernameKey { get; init; } = "USERNAME";

    /// <summary>Credential key of the database password. Default: PASSWORD.</summary>
    public string PasswordKey { get; init; } = "PASSWORD";

    /// <summary>
    /// A Secret in the job's namespace whose <c>ca.crt</c> signs the database's server certificate; when given, the dump
    /// verifies the server against it (and its host name). Default: the in-cluster database's
    /// <see cref="InClusterSelector.CaSecretName"/>; none for other databases (TLS is still required, verified against
    /// the dump image's public roots where the tool does so).
    /// </summary>
    public string? DatabaseCaSecret { get; init; }

    /// <summary>
    /// Image with the dump tool; its major version must match the server's. Default: postgres:17.6, mysql:8.4.6, the
    /// in-cluster Percona Server for MongoDB 8.0 image (it ships mongodump), or the in-cluster ClickHouse 25.8 server image
    /// (it ships clickhouse-client).
    /// </summary>
    public string? DumpImage { get; init; }

    /// <summary>Image with aws-cli, for S3 destinations. Default: amazon/aws-cli:2.27.50.</summary>
    public string S3UploadImage { get; init; } = "amazon/aws-cli:2.27.50";

    /// <summary>
    /// Image with curl and a POSIX shell, for Google Cloud Storage destinations (a JSON API upload with the metadata
    /// server's token). Default: curlimages/curl:8.11.1.
    /// </summary>
    public string GcsUploadImage { get; init; } = "curlimages/curl:8.11.1";

    /// <summary>Scratch space for one dump (a ClickHouse export needs room for its files and their tar). Default: 10Gi.</summary>
    public string ScratchSize { get; init; } = "10Gi";
}
