using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>NetworkPolicy specs, one allowed flow each, so that a policy's name says what it allows.</summary>
internal static class Policies
{
    /// <summary>Lets the selected pods receive traffic from <paramref name="peers"/> on <paramref name="ports"/>.</summary>
    public static Props Ingress(Props podSelector, IEnumerable<Props> peers, IEnumerable<int> ports) => new()
    {
        ["podSelector"] = podSelector,
        ["policyTypes"] = new[] { "Ingress" },
        ["ingress"] = K8s.List([Rule("from", peers, ports)]),
    };

    /// <summary>Egress to each destination on its own port only (one rule per destination).</summary>
    public static Props EgressToEach(Props podSelector, IEnumerable<NetworkDestination> destinations) => new()
    {
        ["podSelector"] = podSelector,
        ["policyTypes"] = new[] { "Egress" },
        ["egress"] = K8s.List(destinations.Select(d => new Props
        {
            ["to"] = K8s.List([new Props { ["ipBlock"] = new Props { ["cidr"] = d.Cidr } }]),
            ["ports"] = K8s.List([new Props { ["protocol"] = "TCP", ["port"] = d.Port }]),
        })),
    };

    /// <summary>Lets the selected pods send traffic to <paramref name="peers"/> on <paramref name="ports"/>.</summary>
    public static Props Egress(Props podSelector, IEnumerable<Props> peers, IEnumerable<int> ports) => new()
    {
        ["podSelector"] = podSelector,
        ["policyTypes"] = new[] { "Egress" },
        ["egress"] = K8s.List([Rule("to", peers, ports)]),
    };

    private static Props Rule(string direction, IEnumerable<Props> peers, IEnumerable<int> ports)
    {
        var rule = new Props { [direction] = K8s.List(peers) };
        rule["ports"] = K8s.List(ports.Select(p => new Props { ["protocol"] = "TCP", ["port"] = p }));
        return rule;
    }
}
