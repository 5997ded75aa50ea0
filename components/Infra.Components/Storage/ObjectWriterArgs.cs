using Infra.Components.Clusters;
using Infra.Components.Connectivity;

namespace Infra.Components.Storage;

/// <summary>
/// Arguments of <see cref="ObjectStorage.GrantWrite"/>: a workload in the cluster that may create objects under one
/// prefix of the bucket, and nothing else (no reads, no deletes, no other prefix).
/// </summary>
public sealed record ObjectWriterArgs
{
    /// <summary>
    /// The writer. <see cref="WorkloadIdentity.KubernetesNamespace"/> is required: clouds bind their identities to
    /// that namespace's service account (<see cref="WorkloadIdentity.KubernetesServiceAccount"/>, default its name).
    /// </summary>
    public required WorkloadIdentity Identity { get; init; }

    /// <summary>The cluster the writer runs in (its pod identity binding lives there).</summary>
    public required KubernetesCluster Cluster { get; init; }

    /// <summary>The only key prefix the writer may create objects under; ends with '/'. Default: backups/.</summary>
    public string Prefix { get; init; } = "backups/";
}

/// <summary>A checked <see cref="ObjectWriterArgs"/>: what a cloud realises.</summary>
/// <param name="Name">A short name for the grant's cloud resources (the identity's name).</param>
/// <param name="Namespace">The writer's Kubernetes namespace.</param>
/// <param name="ServiceAccount">The writer's Kubernetes service account.</param>
/// <param name="Cluster">The cluster the writer runs in.</param>
/// <param name="Prefix">The key prefix, ending with '/'.</param>
public sealed record ObjectWriterGrant(string Name, string Namespace, string ServiceAccount, KubernetesCluster Cluster, string Prefix)
{
    /// <summary>The identity the grant was made to, as the target reports it.</summary>
    public WorkloadIdentity Identity => new() { Name = Name, KubernetesNamespace = Namespace, KubernetesServiceAccount = ServiceAccount };
}
