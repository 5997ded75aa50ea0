using Infra.Components.Networking;

namespace Infra.Components.Clusters;

/// <summary>How a cloud builds a <see cref="KubernetesCluster"/>.</summary>
public interface IClusterRealisation
{
    /// <summary>The cloud's machine types: the default and the shape a valid one has.</summary>
    MachineTypeRule MachineTypes { get; }

    /// <summary>
    /// Creates the cluster, its key, identities, logs and node pools as children of <paramref name="cluster"/>,
    /// in <paramref name="network"/>, and returns how to reach the API server.
    /// </summary>
    ClusterOutputs CreateCluster(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network);
}
