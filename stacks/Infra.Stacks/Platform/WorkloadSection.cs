using Infra.Components.Kubernetes;

namespace Infra.Stacks.Platform;

/// <summary>
/// One service of <c>infra:workloads</c>: the workload's own arguments and what it talks to, by name —
/// another workload or a data service (<c>postgres</c>, <c>mongo</c>, <c>redis</c>, <c>clickhouse</c>).
/// Network policies and connection settings follow from these names.
/// </summary>
public sealed record WorkloadSection
{
    /// <summary>The workload's arguments (image, ports, replicas, resources, probes, config). Required: <c>image</c>.</summary>
    public required WorkloadArgs Workload { get; init; }

    /// <summary>Names of what the service connects to. Default: nothing.</summary>
    public IReadOnlyList<string> ConnectsTo { get; init; } = [];

    /// <summary>Kafka topics the service writes; each grants it produce rights and a connection. Default: none.</summary>
    public IReadOnlyList<string> Produces { get; init; } = [];

    /// <summary>Kafka topics the service reads. Default: none.</summary>
    public IReadOnlyList<string> Consumes { get; init; } = [];
}
