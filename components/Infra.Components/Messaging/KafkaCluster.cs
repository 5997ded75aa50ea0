using System.Runtime.CompilerServices;
using Infra.Components.Connectivity;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Messaging;

/// <summary>
/// A managed Kafka cluster: private brokers in the network's private subnets, TLS for every connection,
/// authentication required (SASL/SCRAM users or cloud IAM, never an unauthenticated listener), encryption at
/// rest (with a platform key in production), topics from args and per-workload access through intent-level
/// grants. The cloud is the platform's; this class never names one.
/// </summary>
/// <example>
/// <code>
/// var events = new KafkaCluster("events", new KafkaClusterArgs
/// {
///     Network = network,
///     Topics = [new KafkaTopicArgs { Name = "orders", Partitions = 6 }],
/// }, platform);
/// var orders = events.GrantProduce("orders", new WorkloadIdentity { Name = "orders-api", KubernetesNamespace = "shop" });
/// // orders.Endpoint goes to the workload's ConnectsTo; orders.Credentials.Password is secret.
/// </code>
/// </example>
public sealed class KafkaCluster : PlatformComponent
{
    public const string TypeToken = "infra:index:KafkaCluster";
    public const string GrantCode = "INFRA-KAFKA-002";

    private readonly Dictionary<string, KafkaAccess> clients = new(StringComparer.Ordinal);
    private readonly HashSet<(string Client, KafkaGrant Grant)> grants = [];

    public KafkaCluster(string name, KafkaClusterArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!ReferenceEquals(args.Network.Platform, platform))
        {
            throw new ArgumentException($"Kafka cluster '{name}' and network '{args.Network.Name}' are built on different platforms; pass the network's platform.", nameof(args));
        }

        Spec = KafkaClusterSpec.Resolve(name, args, platform.Settings, DeclaredAt);
        Outputs = platform.Cloud.CreateKafkaCluster(this, Spec);
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["clusterId"] = Outputs.ClusterId,
            ["bootstrapServers"] = BootstrapServers,
            ["port"] = Port,
            ["topics"] = Input.List(Spec.Topics.Select(t => (Input)t.Name)),
        });
    }

    /// <summary>The resolved inputs, with every default applied.</summary>
    public KafkaClusterSpec Spec { get; }

    /// <summary>Everything the cloud's realisation returned.</summary>
    public KafkaClusterOutputs Outputs { get; }

    /// <summary>The bootstrap servers, <c>host:port</c> separated by commas.</summary>
    public Output<string> BootstrapServers => Outputs.BootstrapServers;

    /// <summary>The TLS port clients connect to.</summary>
    public int Port => Outputs.Port;

    /// <summary>Every client granted access so far, by name.</summary>
    public IReadOnlyDictionary<string, KafkaAccess> Clients => clients;

    /// <summary>Lets <paramref name="client"/> write to <paramref name="topic"/>; returns the client's credentials and endpoint.</summary>
    public KafkaAccess GrantProduce(string topic, WorkloadIdentity client, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Grant(new KafkaGrant(topic, KafkaRole.Produce), client, new SourceLocation(file, line));

    /// <summary>Lets <paramref name="client"/> read <paramref name="topic"/>; returns the client's credentials and endpoint.</summary>
    public KafkaAccess GrantConsume(string topic, WorkloadIdentity client, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Grant(new KafkaGrant(topic, KafkaRole.Consume), client, new SourceLocation(file, line));

    private KafkaAccess Grant(KafkaGrant grant, WorkloadIdentity client, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = client.Name ?? throw new ArgumentException("A workload identity needs a name.", nameof(client));
        KafkaGrantRules.Check(this, grant, client, clients.GetValueOrDefault(name)?.Identity, at);
        if (!clients.TryGetValue(name, out var access))
        {
            var credentials = Platform.Cloud.CreateKafkaClient(this, client);
            access = new KafkaAccess(client, credentials, Endpoint(credentials));
            clients[name] = access;
        }

        if (grants.Add((name, grant)))
        {
            Platform.Cloud.GrantKafkaAccess(this, client, grant);
        }

        return access;
    }

    private ServiceEndpoint Endpoint(KafkaCredentials credentials)
    {
        var secrets = new List<EndpointCredential>();
        if (credentials.Password is not null)
        {
            secrets.Add(new EndpointCredential("USERNAME", Output.CreateSecret<string>(credentials.Username)));
            secrets.Add(new EndpointCredential("PASSWORD", credentials.Password));
        }

        return new ServiceEndpoint
        {
            Name = Name,
            Host = BootstrapServers,
            Ports = [Port],
            Cidrs = [.. Spec.Subnets.Select(s => s.Cidr.ToString())],
            Credentials = secrets,
            ServiceAccountAnnotations = credentials.ServiceAccountAnnotations,
            CredentialEndpoints = credentials.CredentialEndpoints,
        };
    }
}

/// <summary>A client's access to a <see cref="KafkaCluster"/>: who it is, what it authenticates with, and where to connect.</summary>
/// <param name="Identity">The workload granted access.</param>
/// <param name="Credentials">Its username and secret password, or its cloud principal.</param>
/// <param name="Endpoint">Pass it to the workload (<c>ConnectsTo</c>): network access, bootstrap servers and credentials.</param>
public sealed record KafkaAccess(WorkloadIdentity Identity, KafkaCredentials Credentials, ServiceEndpoint Endpoint);
