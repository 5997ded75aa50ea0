using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Clusters;

/// <summary>
/// A kubectl exec credential plugin: the command a client runs to get a short-lived token for the cluster
/// (<c>client.authentication.k8s.io/v1beta1</c>).
/// </summary>
/// <param name="Command">The program, e.g. <c>aws</c>.</param>
/// <param name="Arguments">Its arguments, e.g. <c>eks get-token --cluster-name …</c>.</param>
/// <param name="InstallHint">Shown by kubectl when the program is missing.</param>
/// <param name="ProvideClusterInfo">Pass the cluster's details to the plugin (some plugins need them).</param>
public sealed record ExecCredentialPlugin(string Command, IReadOnlyList<string> Arguments, string InstallHint, bool ProvideClusterInfo = false);

/// <summary>What a cloud's cluster gives the neutral component: how to reach and authenticate to its API server.</summary>
public sealed record ClusterOutputs
{
    /// <summary>The cloud's name of the cluster.</summary>
    public required Output<string> ClusterName { get; init; }

    /// <summary>The API server URL, <c>https://…</c>.</summary>
    public required Output<string> Endpoint { get; init; }

    /// <summary>The cluster CA certificate, base64-encoded PEM (kubeconfig's <c>certificate-authority-data</c>).</summary>
    public required Output<string> CertificateAuthorityData { get; init; }

    public required ExecCredentialPlugin Credentials { get; init; }

    /// <summary>
    /// Resources that must exist before workloads can be deployed (node pools, access grants, network add-ons);
    /// the cluster's Kubernetes provider depends on them.
    /// </summary>
    public required IReadOnlyList<Resource> ReadyWhen { get; init; }
}
