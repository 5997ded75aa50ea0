using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Messaging;

/// <summary>A topic with every default applied.</summary>
public sealed record KafkaTopicSpec(string Name, int Partitions, int ReplicationFactor, int RetentionHours, KafkaCleanupPolicy CleanupPolicy)
{
    /// <summary>Kafka's <c>retention.ms</c>: -1 keeps messages forever.</summary>
    public long RetentionMs => RetentionHours < 0 ? -1 : RetentionHours * 3_600_000L;
}

/// <summary>A <see cref="KafkaClusterArgs"/> with every default applied and every rule checked: what a cloud realises.</summary>
public sealed partial record KafkaClusterSpec
{
    public const string Code = "INFRA-KAFKA-001";
    public const int MinProductionReplicationFactor = 3;

    /// <summary>The Kafka versions every cloud offers.</summary>
    public static readonly IReadOnlyList<string> Versions = ["3.6", "3.7", "3.8", "3.9"];

    /// <summary>Broker shapes (vCPUs, memory GiB) every cloud offers.</summary>
    public static readonly IReadOnlyList<(int Cpus, int MemoryGb)> BrokerShapes = [(2, 8), (4, 16), (8, 32), (16, 64)];

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>The cloud ID of the network the brokers are placed in.</summary>
    public required Output<string> NetworkId { get; init; }

    /// <summary>The private subnets that hold brokers, one per zone, in zone order.</summary>
    public required IReadOnlyList<SubnetOutput> Subnets { get; init; }

    public required int BrokersPerZone { get; init; }

    public required int BrokerCpus { get; init; }

    public required int BrokerMemoryGb { get; init; }

    public required int BrokerDiskGb { get; init; }

    public required IReadOnlyList<KafkaTopicSpec> Topics { get; init; }

    public required bool CustomerManagedKey { get; init; }

    /// <summary>Refuse deletion (the cluster's own protection and Pulumi's).</summary>
    public required bool DeletionProtection { get; init; }

    /// <summary>The address range clients connect from: the whole network.</summary>
    public required Cidr ClientCidr { get; init; }

    public IReadOnlyList<string> Zones => [.. Subnets.Select(s => s.Zone)];

    public int BrokerCount => Subnets.Count * BrokersPerZone;

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static KafkaClusterSpec Resolve(string name, KafkaClusterArgs args, PlatformSettings settings, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "KafkaCluster", name);
        if (!Versions.Contains(args.Version))
        {
            problems.Add(Code, "KafkaClusterArgs.Version", args.Version, $"'{args.Version}' is not a Kafka version every cloud offers.",
                $"one of {string.Join(", ", Versions)}", "Use 3.9 (the default).");
        }

        var networkZones = args.Network.PrivateSubnets.Count;
        var zoneCount = args.ZoneCount ?? Math.Min(3, networkZones);
        if (zoneCount < 1 || zoneCount > networkZones)
        {
            problems.Add(Code, "KafkaClusterArgs.ZoneCount", Text(zoneCount), $"{zoneCount} zones: the network has {networkZones}.",
                $"1 to {networkZones} (the network's zones)", "Leave it unset to use up to 3 of the network's zones.");
            zoneCount = Math.Clamp(zoneCount, 1, Math.Max(1, networkZones));
        }

        if (args.BrokersPerZone is < 1 or > 10)
        {
            problems.Add(Code, "KafkaClusterArgs.BrokersPerZone", Text(args.BrokersPerZone), $"{args.BrokersPerZone} brokers per zone is outside 1..10.",
                "1 to 10", "Use 1 (the default) and add zones for more brokers.");
        }

        var brokers = zoneCount * Math.Max(1, args.BrokersPerZone);
        if (settings.IsProduction && brokers < MinProductionReplicationFactor)
        {
            problems.Add(Code, "KafkaClusterArgs.ZoneCount", Text(zoneCount),
                $"{brokers} brokers cannot hold {MinProductionReplicationFactor} copies of each partition, the minimum in production.",
                $"at least {MinProductionReplicationFactor} brokers in production", "Spread the brokers over 3 zones.");
        }

        if (!BrokerShapes.Contains((args.BrokerCpus, args.BrokerMemoryGb)))
        {
            problems.Add(Code, "KafkaClusterArgs.BrokerCpus", $"{args.BrokerCpus} vCPUs, {args.BrokerMemoryGb} GiB",
                $"{args.BrokerCpus} vCPUs with {args.BrokerMemoryGb} GiB is not a broker shape every cloud offers.",
                "2/8, 4/16, 8/32 or 16/64 (vCPUs/GiB)", "Use 2 vCPUs and 8 GiB (the default) or a larger listed shape.");
        }

        if (args.BrokerDiskGb is < 10 or > 16384)
        {
            problems.Add(Code, "KafkaClusterArgs.BrokerDiskGb", Text(args.BrokerDiskGb), $"{args.BrokerDiskGb} GiB is outside 10..16384.",
                "10 to 16384 GiB per broker", "Use 100 (the default).");
        }

        var topics = ResolveTopics(problems, args.Topics ?? [], brokers, settings.IsProduction);
        problems.ThrowIfAny();

        return new KafkaClusterSpec
        {
            Name = name,
            Version = args.Version,
            NetworkId = args.Network.NetworkId,
            Subnets = [.. args.Network.PrivateSubnets.Take(zoneCount)],
            BrokersPerZone = args.BrokersPerZone,
            BrokerCpus = args.BrokerCpus,
            BrokerMemoryGb = args.BrokerMemoryGb,
            BrokerDiskGb = args.BrokerDiskGb,
            Topics = topics,
            CustomerManagedKey = args.CustomerManagedKey ?? settings.IsProduction,
            DeletionProtection = settings.ProtectStatefulResources,
            ClientCidr = args.Network.Spec.Cidr,
        };
    }

    private static List<KafkaTopicSpec> ResolveTopics(Problems problems, IReadOnlyList<KafkaTopicArgs> topics, int brokers, bool production)
    {
        var resolved = new List<KafkaTopicSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            var property = $"KafkaClusterArgs.Topics[{i}]";
            if (topic.Name is null || !TopicNamePattern().IsMatch(topic.Name) || topic.Name is "." or "..")
            {
                problems.Add(Code, $"{property}.Name", topic.Name, $"'{topic.Name}' is not a topic name.",
                    "letters, digits, '.', '_' and '-', 1 to 249 characters", "Use a name such as orders or orders.v1.");
            }
            else if (!seen.Add(topic.Name))
            {
                problems.Add(Code, $"{property}.Name", topic.Name, $"topic '{topic.Name}' is declared twice.", "topic names are unique",
                    "Declare each topic once.");
            }

            if (topic.Partitions is < 1 or > 1000)
            {
                problems.Add(Code, $"{property}.Partitions", Text(topic.Partitions), $"{topic.Partitions} partitions is outside 1..1000.",
                    "1 to 1000", "Use 3 (the default) or the number of consumers you expect.");
            }

            var replication = topic.ReplicationFactor ?? Math.Min(MinProductionReplicationFactor, brokers);
            if (production && replication < MinProductionReplicationFactor)
            {
                problems.Add(Code, $"{property}.ReplicationFactor", Text(replication),
                    $"replication factor {replication} is below {MinProductionReplicationFactor}, the minimum in production.",
                    $"at least {MinProductionReplicationFactor} in production, so that losing a broker loses no data",
                    $"Set ReplicationFactor = {MinProductionReplicationFactor} (or leave it unset).");
            }
            else if (replication < 1 || replication > brokers)
            {
                problems.Add(Code, $"{property}.ReplicationFactor", Text(replication),
                    $"replication factor {replication} needs {replication} brokers; the cluster has {brokers}.",
                    $"1 to {brokers} (the number of brokers)", "Lower the replication factor or add brokers.");
            }

            if (topic.RetentionHours == 0 || topic.RetentionHours < -1)
            {
                problems.Add(Code, $"{property}.RetentionHours", Text(topic.RetentionHours), $"{topic.RetentionHours} hours is not a retention.",
                    "a positive number of hours, or -1 to keep messages forever", "Use 168 (7 days, the default).");
            }

            resolved.Add(new KafkaTopicSpec(topic.Name ?? "", topic.Partitions, replication, topic.RetentionHours, topic.CleanupPolicy));
        }

        return resolved;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicNamePattern();
}
