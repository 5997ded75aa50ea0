using Infra.Components.Networking;
using Infra.Core;

namespace Infra.Components.Data;

/// <summary>
/// What every data service takes. The defaults are the secure ones; the difference between a cheap development
/// service and a production one is data (<see cref="PlatformSettings.IsProduction"/>, <see cref="PlatformSettings.ProtectStatefulResources"/>
/// and the values in the stack config), never a branch on the environment name.
/// </summary>
public abstract record DataServiceArgs
{
    /// <summary>The network the service is placed in, on its private subnets only. Required.</summary>
    public required Network Network { get; init; }

    /// <summary>
    /// The engine version, e.g. <c>16</c> (PostgreSQL), <c>7.0</c> (MongoDB), <c>7.2</c> (Redis), <c>24.8</c> (ClickHouse).
    /// Default: the cloud's default for the engine (see the error message for the versions a cloud accepts).
    /// </summary>
    public string? Version { get; init; }

    /// <summary>The capacity, mapped by each cloud to a machine class. Default: <see cref="DataSize.Small"/>.</summary>
    public DataSize Size { get; init; } = DataSize.Small;

    /// <summary>
    /// The cloud's own machine class, overriding <see cref="Size"/> (e.g. <c>db.m7g.large</c>, <c>db-custom-2-7680</c>,
    /// <c>s3-c2-m8</c>). Default: none (derived from <see cref="Size"/>).
    /// </summary>
    public string? MachineClass { get; init; }

    /// <summary>Disk size in GB, where the service has a disk. Default: the cloud's smallest sensible size (20 GB on most).</summary>
    public int? StorageGb { get; init; }

    /// <summary>
    /// Days automated backups are kept. At least 7 in production; at most what the cloud keeps (e.g. 35 on AWS).
    /// Default: 7.
    /// </summary>
    public int? BackupRetentionDays { get; init; }

    /// <summary>The hour (UTC, 0–23) at which the daily backup starts; it must not fall in the maintenance hour. Default: 1.</summary>
    public int BackupStartHourUtc { get; init; } = 1;

    /// <summary>Replicas in several zones with automatic failover. Default: <see cref="PlatformSettings.IsProduction"/>.</summary>
    public bool? HighAvailability { get; init; }

    /// <summary>
    /// Encrypt data and backups with a key this service owns (AWS KMS, Cloud KMS, Yandex KMS) instead of the provider's key.
    /// Default: <see cref="PlatformSettings.IsProduction"/>.
    /// </summary>
    public bool? CustomerManagedKey { get; init; }

    /// <summary>The weekly maintenance window. Default: Sunday 03:00 UTC.</summary>
    public MaintenanceWindow Maintenance { get; init; } = new();

    /// <summary>
    /// The Kubernetes provider of the cluster that runs the service where the cloud has no managed offer (MongoDB on
    /// Google Cloud, ClickHouse on AWS and Google Cloud): pass <c>cluster.KubernetesProvider</c>. Ignored where the
    /// service is managed. Default: none.
    /// </summary>
    public ProviderResource? KubernetesProvider { get; init; }
}

/// <summary>
/// A PostgreSQL database: RDS for PostgreSQL (Aurora PostgreSQL when the AWS data options say so), Cloud SQL for
/// PostgreSQL with a private IP only, or Yandex Managed Service for PostgreSQL.
/// </summary>
public sealed record PostgresDatabaseArgs : DataServiceArgs
{
    /// <summary>The database created for the application. Default: the component name with <c>-</c> replaced by <c>_</c>.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>The application's login (not a superuser where the cloud allows). Default: <c>app</c>.</summary>
    public string Username { get; init; } = "app";
}

/// <summary>
/// A MongoDB database: Amazon DocumentDB (MongoDB-compatible: it speaks the MongoDB wire protocol and API of the
/// chosen compatibility version, but it is not MongoDB), Yandex Managed Service for MongoDB, or on Google Cloud,
/// which has no managed MongoDB, an in-cluster replica set run by the Percona Operator for MongoDB.
/// </summary>
public sealed record MongoDatabaseArgs : DataServiceArgs
{
    /// <summary>The database the application user is granted. Default: the component name with <c>-</c> replaced by <c>_</c>.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>The application's user (readWrite on <see cref="DatabaseName"/> only where the cloud allows). Default: <c>app</c>.</summary>
    public string Username { get; init; } = "app";
}

/// <summary>
/// A Redis-compatible cache: an ElastiCache replication group (Valkey), Memorystore for Redis, or Yandex Managed
/// Service for Valkey (the Terraform resources keep the Redis name).
/// </summary>
public sealed record RedisCacheArgs : DataServiceArgs;

/// <summary>
/// A ClickHouse database: Yandex Managed Service for ClickHouse, or on AWS and Google Cloud, which have no managed
/// ClickHouse, an in-cluster installation run by the Altinity operator with TLS certificates from cert-manager.
/// </summary>
public sealed record ClickHouseDatabaseArgs : DataServiceArgs
{
    /// <summary>
    /// The database the application uses. ClickHouse creates databases by SQL, so the application creates it
    /// (<c>CREATE DATABASE IF NOT EXISTS</c>); the in-cluster user is granted only this database.
    /// Default: the component name with <c>-</c> replaced by <c>_</c>.
    /// </summary>
    public string? DatabaseName { get; init; }

    /// <summary>The application's user where the cloud lets the stack declare one. Default: <c>app</c>.</summary>
    public string Username { get; init; } = "app";
}
