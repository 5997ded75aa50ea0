using Infra.Core.Values;

namespace Infra.Components.Connectivity;

/// <summary>
/// Something a workload connects to: a database, a Kafka cluster, a cache, a collector. Data components
/// return one from their outputs; workloads take it to get network access, connection settings and
/// credentials, so that declaring "this service talks to that database" is all a caller writes.
/// Cloud-neutral: it names neither a cloud nor Kubernetes objects.
/// </summary>
/// <example>
/// <code>
/// var ordersDb = new ServiceEndpoint
/// {
///     Name = "orders-db",
///     Host = postgres.Host,                       // Output&lt;string&gt; of the data component
///     Ports = [5432],
///     Cidrs = ["10.20.0.0/24"],                   // where the managed database lives
///     Credentials = [new("USERNAME", postgres.Username), new("PASSWORD", postgres.Password)],
/// };
/// </code>
/// </example>
public sealed record ServiceEndpoint
{
    /// <summary>
    /// A short lower-case name (letters, digits, hyphens; starts with a letter), e.g. <c>orders-db</c>.
    /// It names network policies and becomes the prefix of environment variables (<c>ORDERS_DB_HOST</c>).
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Host name or address clients connect to (for Kafka: the bootstrap servers). Usually an output.</summary>
    public required Input<string> Host { get; init; }

    /// <summary>TCP ports clients connect to; the first one is the primary port. At least one.</summary>
    public required IReadOnlyList<int> Ports { get; init; }

    /// <summary>
    /// The address ranges the endpoint lives in, for endpoints outside the cluster (managed databases,
    /// managed Kafka). Give these or <see cref="InCluster"/>, not both. Default: none.
    /// </summary>
    public IReadOnlyList<string> Cidrs { get; init; } = [];

    /// <summary>For endpoints running inside the cluster: where their pods are. Default: none (outside the cluster).</summary>
    public InClusterSelector? InCluster { get; init; }

    /// <summary>
    /// Credentials clients need, each a secret output of the data component (never a literal). Default: none.
    /// </summary>
    public IReadOnlyList<EndpointCredential> Credentials { get; init; } = [];

    /// <summary>
    /// Annotations the client's Kubernetes service account must carry to authenticate as its cloud identity
    /// (e.g. <c>iam.gke.io/gcp-service-account</c> for GKE Workload Identity). Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> ServiceAccountAnnotations { get; init; } = new Dictionary<string, Output<string>>();

    /// <summary>Node-local endpoints that hand the client its cloud credentials, opened in its egress policy. Default: none.</summary>
    public IReadOnlyList<NetworkDestination> CredentialEndpoints { get; init; } = [];
}

/// <summary>The pods that serve an in-cluster endpoint: their namespace and labels.</summary>
public sealed record InClusterSelector(string Namespace, IReadOnlyDictionary<string, string> PodLabels)
{
    /// <summary>
    /// A Secret in <see cref="Namespace"/> whose <c>ca.crt</c> signs the server's TLS certificate, for clients that
    /// run beside the service and verify it (backup jobs). Default: none (the server's certificate is publicly trusted).
    /// </summary>
    public string? CaSecretName { get; init; }
}

/// <summary>
/// One credential of an endpoint. <paramref name="Key"/> is an upper-case suffix such as <c>USERNAME</c> or
/// <c>PASSWORD</c>; <paramref name="Value"/> is a secret output (a schema-secret output or <c>Output.CreateSecret</c>).
/// </summary>
public sealed record EndpointCredential(string Key, Output<string> Value);
