using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// The other side of an allowed flow in a NetworkPolicy: pods (a namespace and pod labels) or address ranges.
/// </summary>
public sealed record NetworkPeer
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>The namespace of the pods; null for an address-range peer.</summary>
    public string? Namespace { get; init; }

    /// <summary>Labels of the pods; empty means every pod of <see cref="Namespace"/>.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = NoLabels;

    /// <summary>Address ranges; used when <see cref="Namespace"/> is null.</summary>
    public IReadOnlyList<string> Cidrs { get; init; } = [];

    /// <summary>Pods with <paramref name="podLabels"/> (every pod when empty) in namespace <paramref name="namespace"/>.</summary>
    public static NetworkPeer Pods(string @namespace, IReadOnlyDictionary<string, string>? podLabels = null) =>
        new() { Namespace = @namespace, PodLabels = podLabels ?? NoLabels };

    public static NetworkPeer Addresses(params string[] cidrs) => new() { Cidrs = cidrs };

    /// <summary>Where an endpoint lives: its in-cluster pods, else its address ranges.</summary>
    public static NetworkPeer Of(ServiceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.InCluster is { } pods ? Pods(pods.Namespace, pods.PodLabels) : new NetworkPeer { Cidrs = endpoint.Cidrs };
    }

    /// <summary>The <c>NetworkPolicyPeer</c> objects of this peer.</summary>
    internal IEnumerable<Props> ToPolicyPeers()
    {
        if (Namespace is not null)
        {
            yield return new Props
            {
                ["namespaceSelector"] = K8s.MatchLabels([new(K8s.NamespaceNameLabel, Namespace)]),
                ["podSelector"] = PodLabels.Count == 0 ? new Props() : K8s.MatchLabels(PodLabels),
            };
            yield break;
        }

        foreach (var cidr in Cidrs)
        {
            yield return new Props { ["ipBlock"] = new Props { ["cidr"] = cidr } };
        }
    }
}
