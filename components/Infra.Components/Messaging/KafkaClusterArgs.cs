using Infra.Components.Networking;

namespace Infra.Components.Messaging;

/// <summary>
/// Arguments of <see cref="KafkaCluster"/>: a private, TLS-only, authenticated Kafka cluster in a network.
/// Only <see cref="Network"/> is required; every other property has a documented default.
/// </summary>
public sealed record KafkaClusterArgs
{
    /// <summary>The network the brokers are placed in (its private subnets). Required.</summary>
    public required Network Network { get; init; }

    /// <summary>The Kafka version, <c>major.minor</c>: 3.6, 3.7, 3.8 or 3.9 (offered by every cloud). Default: 3.9.</summary>
    public string Version { get; init; } = "3.9";

    /// <summary>How many of the network's zones hold brokers. Default: the network's zones, at most 3.</summary>
    public int? ZoneCount { get; init; }

    /// <summary>Brokers in each zone. Default: 1.</summary>
    public int BrokersPerZone { get; init; } = 1;

    /// <summary>
    /// vCPUs of each broker; with <see cref="BrokerMemoryGb"/> one of the shapes every cloud offers: 2/8, 4/16, 8/32
    /// or 16/64. Default: 2.
    /// </summary>
    public int BrokerCpus { get; init; } = 2;

    /// <summary>Memory of each broker in GiB (four per vCPU). Default: 8.</summary>
    public int BrokerMemoryGb { get; init; } = 8;

    /// <summary>Storage of each broker in GiB, 10 to 16384. Default: 100.</summary>
    public int BrokerDiskGb { get; init; } = 100;

    /// <summary>The topics, created with the cluster. Default: none.</summary>
    public IReadOnlyList<KafkaTopicArgs> Topics { get; init; } = [];

    /// <summary>
    /// Encrypt data at rest with a key the platform creates and rotates (a customer-managed key) rather than the
    /// cloud's own. Default: true in production.
    /// </summary>
    public bool? CustomerManagedKey { get; init; }
}

/// <summary>One topic of a <see cref="KafkaCluster"/>.</summary>
public sealed record KafkaTopicArgs
{
    /// <summary>The topic name: letters, digits, '.', '_' and '-', at most 249 characters. Required.</summary>
    public required string Name { get; init; }

    /// <summary>Number of partitions, 1 to 1000. Default: 3.</summary>
    public int Partitions { get; init; } = 3;

    /// <summary>
    /// Copies of each partition, at most the number of brokers; at least 3 in production, so that losing a broker
    /// loses no data. Default: 3, or the number of brokers when there are fewer (outside production).
    /// </summary>
    public int? ReplicationFactor { get; init; }

    /// <summary>How long messages are kept, in hours; -1 keeps them forever. Default: 168 (7 days).</summary>
    public int RetentionHours { get; init; } = 168;

    /// <summary>What happens to old messages. Default: <see cref="KafkaCleanupPolicy.Delete"/>.</summary>
    public KafkaCleanupPolicy CleanupPolicy { get; init; } = KafkaCleanupPolicy.Delete;
}

/// <summary>Kafka's <c>cleanup.policy</c>.</summary>
public enum KafkaCleanupPolicy
{
    /// <summary>Delete segments older than the retention.</summary>
    Delete,

    /// <summary>Keep the latest message of each key.</summary>
    Compact,

    /// <summary>Compact, and delete segments older than the retention.</summary>
    CompactAndDelete,
}
