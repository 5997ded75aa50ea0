using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Messaging;

/// <summary>How a cloud builds a <see cref="KafkaCluster"/> and its clients.</summary>
public interface IKafkaRealisation
{
    /// <summary>
    /// Creates the cluster (brokers, key, firewall, topics) as children of <paramref name="kafka"/> and returns how
    /// clients reach it.
    /// </summary>
    KafkaClusterOutputs CreateKafkaCluster(KafkaCluster kafka, KafkaClusterSpec spec);

    /// <summary>
    /// Creates what <paramref name="client"/> authenticates with (a user and its stored secret, or a cloud service
    /// account) on the first grant to it. Called once per client.
    /// </summary>
    KafkaCredentials CreateKafkaClient(KafkaCluster kafka, WorkloadIdentity client);

    /// <summary>Lets <paramref name="client"/> produce to or consume from a topic. Called once per distinct grant.</summary>
    void GrantKafkaAccess(KafkaCluster kafka, WorkloadIdentity client, KafkaGrant grant);
}

/// <summary>What a cloud's Kafka cluster gives clients.</summary>
public sealed record KafkaClusterOutputs
{
    /// <summary>The cloud's ID of the cluster.</summary>
    public required Output<string> ClusterId { get; init; }

    /// <summary>The bootstrap servers, <c>host:port</c> separated by commas.</summary>
    public required Output<string> BootstrapServers { get; init; }

    /// <summary>The TLS port clients connect to (the only one the firewall opens).</summary>
    public required int Port { get; init; }

    /// <summary>The SASL mechanism clients use, e.g. <c>SCRAM-SHA-512</c> or <c>OAUTHBEARER</c>.</summary>
    public required string SaslMechanism { get; init; }

    /// <summary>Kafka's <c>security.protocol</c>: always <c>SASL_SSL</c>.</summary>
    public string SecurityProtocol => "SASL_SSL";
}

/// <summary>A produce or consume right on one topic.</summary>
public sealed record KafkaGrant(string Topic, KafkaRole Role);

public enum KafkaRole
{
    Produce,
    Consume,
}

/// <summary>
/// What a client authenticates with. SCRAM clouds give a username and a secret password; IAM clouds give a
/// cloud principal (a service account) and no password.
/// </summary>
public sealed record KafkaCredentials
{
    /// <summary>The SASL username (SCRAM) or the service account's e-mail (IAM).</summary>
    public required Output<string> Username { get; init; }

    /// <summary>The SCRAM password, secret; null where the cloud authenticates a cloud identity instead.</summary>
    public Output<string>? Password { get; init; }

    /// <summary>Where the credentials are kept in the cloud's secret store (its ID or ARN); null where nothing is stored.</summary>
    public Output<string>? SecretId { get; init; }

    /// <summary>The cloud principal the workload must run as (IAM clouds); null for SCRAM users.</summary>
    public Output<string>? Principal { get; init; }

    /// <summary>Annotations the workload's Kubernetes service account needs to act as <see cref="Principal"/>. Default: none.</summary>
    public IReadOnlyDictionary<string, Output<string>> ServiceAccountAnnotations { get; init; } = new Dictionary<string, Output<string>>();

    /// <summary>Node-local endpoints that hand the workload its cloud credentials. Default: none.</summary>
    public IReadOnlyList<NetworkDestination> CredentialEndpoints { get; init; } = [];
}
