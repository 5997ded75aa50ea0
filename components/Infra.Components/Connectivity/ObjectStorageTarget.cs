using Infra.Core.Values;

namespace Infra.Components.Connectivity;

/// <summary>
/// A place in object storage that a workload may write to: AWS S3, Google Cloud Storage or Yandex Object Storage.
/// <c>ObjectStorage.GrantWrite</c> returns one; backup jobs take it as their destination. The writer authenticates
/// either with a static key (<see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/>, secret outputs) or, where
/// the cloud binds its identities to Kubernetes service accounts, with no key at all: the job's service account
/// carries <see cref="ServiceAccountAnnotations"/> and reaches the node's <see cref="CredentialEndpoints"/>.
/// </summary>
/// <example>
/// <code>
/// var target = backups.GrantWrite(new ObjectWriterArgs
/// {
///     Identity = new WorkloadIdentity { Name = "events-backup", KubernetesNamespace = "clickhouse-events" },
///     Cluster = cluster,
///     Prefix = "clickhouse/events/",
/// });
/// </code>
/// </example>
public sealed record ObjectStorageTarget
{
    /// <summary>The bucket name (3 to 63 lower-case letters, digits, '.' and '-').</summary>
    public required string Bucket { get; init; }

    /// <summary>The API endpoint, an https URL (e.g. https://s3.eu-central-1.amazonaws.com, https://storage.googleapis.com).</summary>
    public required string Endpoint { get; init; }

    /// <summary>Which API the writer speaks. Default: S3 (AWS S3 and every S3-compatible store).</summary>
    public ObjectStorageApi Api { get; init; } = ObjectStorageApi.S3;

    /// <summary>The region the client signs requests for. Default: us-east-1 (what most S3-compatible stores accept).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Key prefix under which objects are written; ends with '/'. Default: backups/.</summary>
    public string Prefix { get; init; } = "backups/";

    /// <summary>Access key id of a static key allowed to write under <see cref="Prefix"/> (secret output). Default: none (ambient identity).</summary>
    public Output<string>? AccessKeyId { get; init; }

    /// <summary>Secret access key of that key (secret output). Given together with <see cref="AccessKeyId"/> or not at all.</summary>
    public Output<string>? SecretAccessKey { get; init; }

    /// <summary>
    /// The Kubernetes service account the write access was granted to, when the access is an ambient identity rather
    /// than a static key: the writer must run as exactly this account in exactly this namespace. Default: none.
    /// </summary>
    public WorkloadIdentity? GrantedTo { get; init; }

    /// <summary>
    /// Annotations the writer's Kubernetes service account must carry to act as the granted identity
    /// (e.g. <c>iam.gke.io/gcp-service-account</c> on GKE). Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> ServiceAccountAnnotations { get; init; } = new Dictionary<string, Output<string>>();

    /// <summary>
    /// Node-local endpoints that hand out the ambient identity's credentials (the EKS Pod Identity agent, the GKE
    /// metadata server), opened in the writer's egress policy. Default: none.
    /// </summary>
    public IReadOnlyList<NetworkDestination> CredentialEndpoints { get; init; } = [];

    /// <summary>
    /// Address ranges of the endpoint, opened on HTTPS (443). Default: 0.0.0.0/0, because public object storage
    /// endpoints have no stable ranges; narrow it when the cloud publishes them or a private endpoint is used.
    /// </summary>
    public IReadOnlyList<string> Cidrs { get; init; } = ["0.0.0.0/0"];

    /// <summary>True when the writer authenticates with a static key.</summary>
    public bool HasStaticKey => AccessKeyId is not null || SecretAccessKey is not null;
}

/// <summary>The object storage APIs a writer can speak.</summary>
public enum ObjectStorageApi
{
    /// <summary>The S3 API (AWS S3, Yandex Object Storage, other S3-compatible stores).</summary>
    S3,

    /// <summary>The Google Cloud Storage JSON API, authenticated with the workload's Google identity.</summary>
    GoogleCloudStorage,
}

/// <summary>One TCP destination a pod must reach: an address range and a port.</summary>
public sealed record NetworkDestination(string Cidr, int Port);
