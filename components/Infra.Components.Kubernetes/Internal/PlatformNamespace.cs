using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>
/// The namespace of a platform stack (monitoring, logging, tracing): default-deny like any other, plus the
/// flows a stack installed from charts needs, each in its own named policy.
/// </summary>
internal static class PlatformNamespace
{
    public static Namespace Create(ComponentResource owner, string suffix, NamespaceArgs args) =>
        new(owner.Name + "-" + suffix, args, new ComponentResourceOptions { Parent = owner });

    /// <summary>Pods of the namespace may talk to each other (the charts' components call one another).</summary>
    public static void AllowWithinNamespace(ComponentResource owner, Namespace ns) =>
        Policy(owner, ns, "allow-within-namespace", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Ingress", "Egress" },
            ["ingress"] = K8s.List([new Props { ["from"] = K8s.List([new Props { ["podSelector"] = new Props() }]) }]),
            ["egress"] = K8s.List([new Props { ["to"] = K8s.List([new Props { ["podSelector"] = new Props() }]) }]),
        });

    /// <summary>Pods of any namespace may reach <paramref name="ports"/> (collectors that every workload sends to).</summary>
    public static void AllowFromCluster(ComponentResource owner, Namespace ns, string name, IReadOnlyDictionary<string, string> podLabels, IEnumerable<int> ports) =>
        Policy(owner, ns, name, Policies.Ingress(K8s.MatchLabels(podLabels), [new Props { ["namespaceSelector"] = new Props() }], ports));

    /// <summary>Pods of namespace <paramref name="from"/> may reach <paramref name="ports"/>.</summary>
    public static void AllowFromNamespace(ComponentResource owner, Namespace ns, string name, NetworkPeer from, IReadOnlyDictionary<string, string> podLabels,
        IEnumerable<int> ports) =>
        Policy(owner, ns, name, Policies.Ingress(K8s.MatchLabels(podLabels), from.ToPolicyPeers(), ports));

    /// <summary>
    /// Every egress, for stacks that must reach the API server, the kubelets or every namespace, whose addresses
    /// differ per cluster. A named, explicit opening, limited to the selected pods.
    /// </summary>
    public static void AllowAllEgress(ComponentResource owner, Namespace ns, string name, IReadOnlyDictionary<string, string>? podLabels) =>
        Policy(owner, ns, name, new Props
        {
            ["podSelector"] = podLabels is null ? new Props() : K8s.MatchLabels(podLabels),
            ["policyTypes"] = new[] { "Egress" },
            ["egress"] = K8s.List([new Props
            {
                ["to"] = K8s.List([new Props { ["namespaceSelector"] = new Props() }, new Props { ["ipBlock"] = new Props { ["cidr"] = "0.0.0.0/0" } }]),
            }]),
        });

    private static void Policy(ComponentResource owner, Namespace ns, string name, Props spec) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", $"{owner.Name}-{name}", new Props
        {
            ["metadata"] = new Props { ["name"] = name, ["namespace"] = ns.NameOutput },
            ["spec"] = spec,
        }, new CustomResourceOptions { Parent = owner });
}
