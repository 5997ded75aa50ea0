using Infra.Core;

namespace Infra.Components.Data;

/// <summary>
/// A data service's inputs with every default applied and every rule checked: what a cloud realisation builds from.
/// Made only by <see cref="DataServiceSpecs.Resolve"/>.
/// </summary>
public sealed record DataServiceSpec
{
    public required DataEngine Engine { get; init; }

    /// <summary>The component's logical name.</summary>
    public required string Name { get; init; }

    /// <summary>The engine version, one the cloud accepts.</summary>
    public required string Version { get; init; }

    /// <summary>The cloud machine class (from <see cref="DataServiceArgs.MachineClass"/> or <see cref="DataServiceArgs.Size"/>).</summary>
    public required string MachineClass { get; init; }

    public required DataSize Size { get; init; }

    /// <summary>Disk size in GB; null where the service sizes its storage itself.</summary>
    public required int? StorageGb { get; init; }

    /// <summary>Days automated backups are kept; 0 where the service keeps no dated backups.</summary>
    public required int BackupRetentionDays { get; init; }

    public required int BackupStartHourUtc { get; init; }

    /// <summary>Replicas in several zones with automatic failover.</summary>
    public required bool HighAvailability { get; init; }

    /// <summary>Encrypt with a key the service owns.</summary>
    public required bool CustomerManagedKey { get; init; }

    public required MaintenanceWindow Maintenance { get; init; }

    /// <summary>
    /// Deletion protection on the resource, the <c>protect</c> option and a final snapshot on deletion, from
    /// <see cref="PlatformSettings.ProtectStatefulResources"/>.
    /// </summary>
    public required bool Protect { get; init; }

    /// <summary>The application database; null for engines without databases (Redis).</summary>
    public required string? DatabaseName { get; init; }

    /// <summary>The application user; null for engines with a single password (Redis AUTH).</summary>
    public required string? Username { get; init; }

    /// <summary>The zones replicas are spread over: the network's, in order.</summary>
    public required IReadOnlyList<string> Zones { get; init; }

    /// <summary>The cluster provider for in-cluster fallbacks; null for managed services.</summary>
    public required ProviderResource? KubernetesProvider { get; init; }

    /// <summary>The cloud's rules the spec was checked against.</summary>
    public required EngineRules Rules { get; init; }

    /// <summary>The number of data nodes: one, or the engine's highly available count.</summary>
    public int Nodes(int highlyAvailable) => HighAvailability ? highlyAvailable : 1;
}
