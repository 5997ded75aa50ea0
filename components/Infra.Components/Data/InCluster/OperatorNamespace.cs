using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// The namespace of a cluster-wide operator (ClickHouse operator, cert-manager), made by Infra rather than by
/// Helm so that it is default-deny like every other namespace. What an operator needs is then allowed by name:
/// DNS, the Kubernetes API (its address differs per cluster and cloud, so HTTPS to any address), and calls
/// from the API server to its admission webhooks.
/// </summary>
internal static class OperatorNamespace
{
    public static CustomResource Create(KubernetesObjects k8s, string @namespace, IReadOnlyList<int> webhookPorts)
    {
        var ns = new CustomResource("kubernetes:core/v1:Namespace", k8s.Owner.ChildResourceName($"{@namespace}-namespace"), new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = @namespace,
                ["labels"] = new Props
                {
                    ["pod-security.kubernetes.io/enforce"] = "restricted",
                    ["pod-security.kubernetes.io/warn"] = "restricted",
                    ["pod-security.kubernetes.io/audit"] = "restricted",
                },
            },
        }, k8s.Options());
        Policy(k8s, @namespace, "default-deny", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Ingress", "Egress" },
        }, ns);
        Policy(k8s, @namespace, "allow-dns", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Egress" },
            ["egress"] = Input.List(new Props
            {
                ["to"] = Input.List(new Props
                {
                    ["namespaceSelector"] = new Props { ["matchLabels"] = new Props { ["kubernetes.io/metadata.name"] = "kube-system" } },
                    ["podSelector"] = new Props { ["matchLabels"] = new Props { ["k8s-app"] = "kube-dns" } },
                }),
                ["ports"] = Input.List(Port("UDP", 53), Port("TCP", 53)),
            }),
        }, ns);
        Policy(k8s, @namespace, "allow-kubernetes-api", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Egress" },
            ["egress"] = Input.List(new Props { ["ports"] = Input.List(Port("TCP", 443), Port("TCP", 6443)) }),
        }, ns);
        if (webhookPorts.Count > 0)
        {
            Policy(k8s, @namespace, "allow-webhooks", new Props
            {
                ["podSelector"] = new Props(),
                ["policyTypes"] = new[] { "Ingress" },
                ["ingress"] = Input.List(new Props { ["ports"] = Input.List(webhookPorts.Select(p => (Input)Port("TCP", p)).ToArray()) }),
            }, ns);
        }

        return ns;
    }

    private static Props Port(string protocol, int port) => new() { ["protocol"] = protocol, ["port"] = port };

    private static void Policy(KubernetesObjects k8s, string @namespace, string name, Props spec, Resource ns) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", k8s.Owner.ChildResourceName($"{@namespace}-{name}"), new Props
        {
            ["metadata"] = new Props { ["name"] = name, ["namespace"] = @namespace },
            ["spec"] = spec,
        }, k8s.Options([ns]));
}
