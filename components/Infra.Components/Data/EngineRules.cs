using System.Text.RegularExpressions;

namespace Infra.Components.Data;

/// <summary>The data engines Infra offers.</summary>
public enum DataEngine
{
    Postgres,
    Mongo,
    Redis,
    ClickHouse,
}

/// <summary>
/// What one cloud accepts for one engine, as the neutral validation needs it: versions, machine classes, disk
/// sizes and backup retention. Each realisation states its own limits, so that a value outside them is reported
/// before anything is deployed.
/// </summary>
public sealed record EngineRules
{
    /// <summary>The service in words, for messages, e.g. <c>RDS for PostgreSQL</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The versions accepted, oldest first.</summary>
    public required IReadOnlyList<string> Versions { get; init; }

    /// <summary>The version used when none is given; one of <see cref="Versions"/>.</summary>
    public required string DefaultVersion { get; init; }

    /// <summary>The machine class of each <see cref="DataSize"/>.</summary>
    public required IReadOnlyDictionary<DataSize, string> ClassBySize { get; init; }

    /// <summary>The shape of a valid machine class; null where the class cannot be chosen (in-cluster pods).</summary>
    public required Regex? ClassPattern { get; init; }

    /// <summary>The machine class rule in words, e.g. "an RDS instance class such as db.m7g.large".</summary>
    public required string ClassDescription { get; init; }

    /// <summary>Disk size limits in GB; null where the service sizes storage itself (DocumentDB, ElastiCache, Memorystore).</summary>
    public required StorageLimits? Storage { get; init; }

    /// <summary>
    /// The longest backup retention in days; 0 where the service keeps no dated backups (Memorystore keeps RDB
    /// snapshots only; in-cluster fallbacks need an object store, see their docs).
    /// </summary>
    public required int MaxBackupRetentionDays { get; init; }

    /// <summary>The shortest backup retention in days the service accepts.</summary>
    public int MinBackupRetentionDays { get; init; } = 1;

    /// <summary>True when the cloud runs the engine in a Kubernetes cluster rather than as a managed service.</summary>
    public bool InCluster { get; init; }
}

/// <summary>Disk sizes a service accepts, in GB, and the size used when none is given.</summary>
public sealed record StorageLimits(int MinGb, int MaxGb, int DefaultGb);
