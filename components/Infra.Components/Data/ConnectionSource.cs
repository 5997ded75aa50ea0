using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>What kind of client a <see cref="ConnectionSource"/> names.</summary>
public enum ConnectionSourceKind
{
    /// <summary>The nodes (and so the pods) of a Kubernetes cluster of the same platform.</summary>
    ClusterNodes,

    /// <summary>Private address ranges.</summary>
    Cidrs,

    /// <summary>A cloud security identity: a security group ID (AWS, Yandex) or a service account e-mail (Google Cloud).</summary>
    Identity,

    /// <summary>Pods with given labels in a namespace; only in-cluster services can tell pods apart.</summary>
    Pods,
}

/// <summary>
/// A client that may connect to a data service. Each cloud renders it as its least-privilege rule: a security
/// group rule that references the client's group, a firewall rule that targets the client's service account, a
/// Yandex security group rule, or a Kubernetes NetworkPolicy peer — never a rule open to every address.
/// </summary>
public sealed record ConnectionSource
{
    private ConnectionSource(string name, ConnectionSourceKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>Names the rule (<c>&lt;service&gt;-from-&lt;name&gt;</c>): lower-case letters, digits and hyphens.</summary>
    public string Name { get; }

    public ConnectionSourceKind Kind { get; }

    /// <summary>The cluster whose nodes connect (<see cref="ConnectionSourceKind.ClusterNodes"/>).</summary>
    public KubernetesCluster? Cluster { get; private init; }

    /// <summary>The private ranges that connect (<see cref="ConnectionSourceKind.Cidrs"/>).</summary>
    public IReadOnlyList<string> Cidrs { get; private init; } = [];

    /// <summary>The cloud identity that connects (<see cref="ConnectionSourceKind.Identity"/>).</summary>
    public Output<string>? Identity { get; private init; }

    /// <summary>The pods that connect (<see cref="ConnectionSourceKind.Pods"/>).</summary>
    public InClusterSelector? Pods { get; private init; }

    /// <summary>The nodes of <paramref name="cluster"/>, through which its pods reach services outside the cluster.</summary>
    public static ConnectionSource NodesOf(KubernetesCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new ConnectionSource(cluster.Name, ConnectionSourceKind.ClusterNodes) { Cluster = cluster };
    }

    /// <summary>Private address ranges, e.g. a peered network or a VPN range. Each must be a private (RFC 1918) block.</summary>
    public static ConnectionSource FromCidrs(string name, params string[] cidrs) =>
        new(name, ConnectionSourceKind.Cidrs) { Cidrs = cidrs ?? [] };

    /// <summary>
    /// A workload's cloud security identity: the ID of its security group (AWS, Yandex Cloud) or the e-mail of its
    /// service account (Google Cloud).
    /// </summary>
    public static ConnectionSource FromIdentity(string name, Output<string> identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new ConnectionSource(name, ConnectionSourceKind.Identity) { Identity = identity };
    }

    /// <summary>Pods of a namespace with the given labels (every pod of the namespace when empty); for in-cluster services.</summary>
    public static ConnectionSource FromPods(string name, string @namespace, IReadOnlyDictionary<string, string>? podLabels = null) =>
        new(name, ConnectionSourceKind.Pods) { Pods = new InClusterSelector(@namespace, podLabels ?? new Dictionary<string, string>()) };
}
