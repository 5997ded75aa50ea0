namespace Infra.Components.Yandex;

/// <summary>
/// Knobs only Yandex Cloud has. Filled from stack config with camelCase keys (<c>cloudId</c>, <c>folderId</c>,
/// <c>releaseChannel</c>, <c>defaultMachineType</c>, <c>logRetentionPeriod</c>, <c>clusterServiceAccountId</c>,
/// <c>nodeServiceAccountId</c>, <c>cliProfile</c>).
/// </summary>
public sealed record YandexOptions
{
    /// <summary>The cloud ID (20 characters, e.g. <c>b1gia87mbaomkfvsleds</c>). Required.</summary>
    public required string CloudId { get; init; }

    /// <summary>The folder every resource is created in and every folder role is granted on. Required.</summary>
    public required string FolderId { get; init; }

    /// <summary>The Managed Kubernetes release channel: <c>RAPID</c>, <c>REGULAR</c> or <c>STABLE</c>. Default: <c>REGULAR</c>.</summary>
    public string ReleaseChannel { get; init; } = "REGULAR";

    /// <summary>
    /// The machine type of node pools that name none, written <c>&lt;platform&gt;-&lt;cores&gt;-&lt;memory GiB&gt;</c>.
    /// Default: <c>standard-v3-4-16</c> (Intel Ice Lake, 4 cores, 16 GiB).
    /// </summary>
    public string DefaultMachineType { get; init; } = "standard-v3-4-16";

    /// <summary>How long the log group keeps the master's logs (audit included), as a duration. Default: <c>72h</c> (Cloud Logging's default).</summary>
    public string LogRetentionPeriod { get; init; } = "72h";

    /// <summary>
    /// An existing service account for clusters, for organisations where deployments may not create service
    /// accounts or grant folder roles. It needs <c>k8s.clusters.agent</c>, <c>logging.writer</c>,
    /// <c>kms.keys.encrypterDecrypter</c> (and <c>vpc.publicAdmin</c> for a public endpoint).
    /// Default: none (one is created with exactly those roles).
    /// </summary>
    public string? ClusterServiceAccountId { get; init; }

    /// <summary>
    /// An existing service account for nodes; it needs <c>container-registry.images.puller</c>.
    /// Default: none (one is created with exactly that role).
    /// </summary>
    public string? NodeServiceAccountId { get; init; }

    /// <summary>The <c>yc</c> CLI profile the kubeconfig's <c>yc k8s create-token</c> uses. Default: none (the CLI's current profile).</summary>
    public string? CliProfile { get; init; }
}
