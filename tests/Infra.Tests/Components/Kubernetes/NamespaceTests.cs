using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class NamespaceTests
{
    [Fact]
    public void Namespace_enforces_restricted_pod_security_and_labels_audit_and_warn()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs(), o));

        var labels = program.Named("shop").Properties.StringMap("metadata.labels");
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/audit"]);
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/warn"]);
        Assert.Equal("shop", program.Named("shop").Properties.Text("metadata.name"));
    }

    [Fact]
    public void Default_deny_selects_every_pod_for_ingress_and_egress_and_allows_nothing()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs(), o));

        var spec = program.Named("shop-default-deny").Properties.At("spec");
        Assert.Equal(MapNode.Empty.Entries, ((MapNode)spec.At("podSelector")!).Entries);
        Assert.Equal(["Ingress", "Egress"], spec.Strings("policyTypes"));
        Assert.Null(spec.At("ingress"));
        Assert.Null(spec.At("egress"));
    }

    [Fact]
    public void Dns_egress_reaches_only_kube_dns_on_port_53_udp_and_tcp()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs(), o));

        var spec = program.Named("shop-allow-dns").Properties.At("spec");
        Assert.Equal(["Egress"], spec.Strings("policyTypes"));
        var rule = Assert.Single(spec.Items("egress"));
        var peer = Assert.Single(rule.Items("to"));
        Assert.Equal("kube-system", peer.StringMap("namespaceSelector.matchLabels")["kubernetes.io/metadata.name"]);
        Assert.Equal("kube-dns", peer.StringMap("podSelector.matchLabels")["k8s-app"]);
        Assert.Equal(["UDP/53", "TCP/53"], rule.Items("ports").Select(p => $"{p.Text("protocol")}/{p.Integer("port")}"));
    }

    [Fact]
    public void Quota_and_limit_range_come_from_args()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs
        {
            Quota = new NamespaceQuota { RequestsCpu = "8", RequestsMemory = "16Gi", LimitsMemory = "32Gi", Pods = 80 },
            Limits = new ContainerLimits { DefaultRequestCpu = "50m", MaxMemory = "2Gi" },
        }, o));

        var hard = program.Named("shop-quota").Properties.StringMap("spec.hard");
        Assert.Equal("8", hard["requests.cpu"]);
        Assert.Equal("16Gi", hard["requests.memory"]);
        Assert.Equal("32Gi", hard["limits.memory"]);
        Assert.Equal("80", hard["pods"]);
        Assert.False(hard.ContainsKey("limits.cpu"));
        var item = Assert.Single(program.Named("shop-limits").Properties.Items("spec.limits"));
        Assert.Equal("50m", item.Text("defaultRequest.cpu"));
        Assert.Equal("2Gi", item.Text("max.memory"));
    }

    [Fact]
    public void Every_child_uses_the_clusters_provider_and_its_namespace()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs { Name = "shop-prod" }, o));

        var children = program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, children.Count);
        Assert.All(children, r => Assert.Equal("k8s", r.ProviderKey()));
        Assert.All(children.Where(r => r.Type != "kubernetes:core/v1:Namespace"),
            r => Assert.Equal("shop.metadata.name", Assert.IsType<ReferenceNode>(r.Properties.At("metadata.namespace")).ToExpressionText()));
    }

    [Fact]
    public void A_lower_pod_security_level_needs_a_reason()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
            _ = new Namespace("monitoring", new NamespaceArgs { PodSecurity = PodSecurityLevel.Privileged }, o)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("NamespaceArgs.PodSecurity is Privileged but no PodSecurityReason says why the namespace cannot enforce restricted.", diagnostic.Message);
        Assert.Equal("NamespaceArgs.PodSecurityReason", diagnostic.Key);
        Assert.Equal("INFRA-K8S-001", diagnostic.Code);
        Assert.EndsWith("NamespaceTests.cs", diagnostic.File);
    }

    [Fact]
    public void Invalid_names_and_quantities_are_reported_together()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o => _ = new Namespace("shop", new NamespaceArgs
        {
            Name = "Shop_Prod",
            Quota = new NamespaceQuota { RequestsMemory = "8 GB" },
        }, o)));

        Assert.Equal(
        [
            "NamespaceArgs.Name 'Shop_Prod' is not a valid namespace name.",
            "NamespaceArgs.Quota.RequestsMemory '8 GB' is not a Kubernetes quantity.",
        ], error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Without_a_kubernetes_provider_the_namespace_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => Deployment.Run(StackConfig.FromValues("infra", "prod"),
            () => _ = new Namespace("shop", new NamespaceArgs())));

        Assert.Equal(
            "Namespace 'shop' has no kubernetes provider, so it would deploy to whatever cluster the ambient kubeconfig points at.",
            Assert.Single(error.Diagnostics).Message);
    }
}
