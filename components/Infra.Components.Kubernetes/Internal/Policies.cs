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
