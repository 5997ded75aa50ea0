namespace Infra.Components.Clusters;

/// <summary>
/// Inputs of a <see cref="KubernetesCluster"/>. Only the version is required; the defaults give a private API
/// endpoint, encrypted secrets, control-plane and audit logs, private autoscaled nodes and network-policy
/// enforcement. Filled from stack config with camelCase keys (<c>version</c>, <c>publicEndpoint</c>,
/// <c>publicEndpointAllowedCidrs</c>, <c>highlyAvailableControlPlane</c>, <c>nodePools</c>).
/// </summary>
public sealed record KubernetesClusterArgs
{
    /// <summary>The Kubernetes minor version, e.g. <c>1.30</c>, pinned in config. Required.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// Expose the API endpoint on the internet, reachable only from <see cref="PublicEndpointAllowedCidrs"/>.
    /// Default: false (the endpoint is reachable only from inside the network).
    /// </summary>
    public bool? PublicEndpoint { get; init; }

    /// <summary>
    /// The only addresses allowed to reach a public endpoint, e.g. an office or CI egress range. Required (and
    /// only allowed) with <see cref="PublicEndpoint"/>; never <c>0.0.0.0/0</c> or <c>::/0</c>. Default: none.
    /// </summary>
    public IReadOnlyList<string>? PublicEndpointAllowedCidrs { get; init; }

    /// <summary>
    /// Run the control plane across zones. EKS always does; GKE becomes a regional cluster and Yandex Cloud a
    /// regional master (which needs 3 zones). Default: true in prod, false in dev.
    /// </summary>
    public bool? HighlyAvailableControlPlane { get; init; }

    /// <summary>The worker node pools, at least one. Default: one pool named <c>system</c> with the pool defaults.</summary>
    public IReadOnlyList<NodePoolArgs>? NodePools { get; init; }
}
