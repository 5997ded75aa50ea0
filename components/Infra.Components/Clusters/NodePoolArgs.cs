using System.Text.Json.Serialization;

namespace Infra.Components.Clusters;

/// <summary>What a taint does to pods that do not tolerate it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaintEffect>))]
public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

/// <summary>A node taint, e.g. <c>{ key: dedicated, value: batch, effect: NoSchedule }</c>.</summary>
public sealed record NodeTaint
{
    /// <summary>A Kubernetes label key, e.g. <c>dedicated</c> or <c>example.com/gpu</c>. Required.</summary>
    public required string Key { get; init; }

    /// <summary>A Kubernetes label value. Default: empty.</summary>
    public string? Value { get; init; }

    /// <summary>Default: <see cref="TaintEffect.NoSchedule"/>.</summary>
    public TaintEffect Effect { get; init; } = TaintEffect.NoSchedule;
}

/// <summary>
/// A group of identical worker nodes that autoscales between <see cref="MinNodes"/> and <see cref="MaxNodes"/>.
/// Node counts are totals across the network's zones. Filled from stack config with camelCase keys
/// (<c>name</c>, <c>machineType</c>, <c>minNodes</c>, <c>maxNodes</c>, <c>desiredNodes</c>, <c>diskSizeGb</c>, <c>labels</c>, <c>taints</c>).
/// </summary>
public sealed record NodePoolArgs
{
    /// <summary>Lower-case letters, digits and hyphens, starting with a letter, at most 20 characters. Required.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The machine type in the cloud's own terms: an EC2 instance type (<c>m6i.large</c>), a Compute Engine machine
    /// type (<c>e2-standard-4</c>), or on Yandex Cloud <c>&lt;platform&gt;-&lt;cores&gt;-&lt;memory GiB&gt;</c>
    /// (<c>standard-v3-4-16</c>). Default: the cloud's general-purpose default (see its options record).
    /// </summary>
    public string? MachineType { get; init; }

    /// <summary>The fewest nodes, at least 1. Default: 1 in dev, 3 in prod.</summary>
    public int? MinNodes { get; init; }

    /// <summary>The most nodes, at least <see cref="MinNodes"/>. Default: 3 in dev, 6 in prod (never below MinNodes).</summary>
    public int? MaxNodes { get; init; }

    /// <summary>How many nodes to start with, between MinNodes and MaxNodes; the autoscaler changes it later. Default: MinNodes.</summary>
    public int? DesiredNodes { get; init; }

    /// <summary>Boot disk size in GiB, 30 to 2048. Default: 64.</summary>
    public int? DiskSizeGb { get; init; }

    /// <summary>Kubernetes labels put on every node of the pool. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Taints put on every node of the pool. Default: none.</summary>
    public IReadOnlyList<NodeTaint>? Taints { get; init; }
}
