using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// Access to an in-cluster data service: one NetworkPolicy per grant that admits the client's pods (or ranges) to the
/// service's client ports only. The namespace's default-deny policy keeps everything else out.
/// </summary>
internal sealed class KubernetesNetworkPolicyAccess(KubernetesObjects objects, InClusterSelector pods, IReadOnlyList<int> ports) : IDataAccess
{
    public bool Supports(ConnectionSourceKind kind) => kind != ConnectionSourceKind.Identity;

    public string Unsupported(ConnectionSourceKind kind) =>
        "the service runs in the cluster, where cloud identities mean nothing to NetworkPolicies; allow the cluster or the client's pods.";

    public void Allow(DataService service, ConnectionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        IEnumerable<Props> peers = source.Kind switch
        {
            // Every pod of the cluster: the data service lives in the same cluster, so its nodes' pods are its clients.
            ConnectionSourceKind.ClusterNodes => [new Props { ["namespaceSelector"] = new Props() }],
            ConnectionSourceKind.Pods => [PodPeer(source.Pods!)],
            _ => source.Cidrs.Select(cidr => new Props { ["ipBlock"] = new Props { ["cidr"] = cidr } }),
        };
        objects.Policy($"from-{source.Name}", new Props
        {
            ["podSelector"] = KubernetesObjects.MatchLabels(pods.PodLabels),
            ["policyTypes"] = new[] { "Ingress" },
            ["ingress"] = new Input[]
            {
                new Props
                {
                    ["from"] = Input.List(peers.Select(p => (Input)p)),
                    ["ports"] = Input.List(ports.Select(port => (Input)new Props { ["protocol"] = "TCP", ["port"] = port })),
                },
            },
        });
    }

    private static Props PodPeer(InClusterSelector pods)
    {
        var peer = KubernetesObjects.NamespacePeer(pods.Namespace);
        peer["podSelector"] = pods.PodLabels.Count == 0 ? new Props() : KubernetesObjects.MatchLabels(pods.PodLabels);
        return peer;
    }
}
