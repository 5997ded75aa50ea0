using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class NetworkPolicyTests
{
    /// <summary>One line per policy: name, direction, peers and ports, so that a test can compare the whole set.</summary>
    internal static string Describe(ResourceDecl policy)
    {
        var spec = policy.Properties.At("spec");
        var selected = spec.StringMap("podSelector.matchLabels");
        var who = selected.Count == 0 ? "*" : string.Join(",", selected.Select(l => $"{l.Key}={l.Value}"));
        var rules = spec.Items("ingress").Select(r => "from " + Rule(r, "from"))
            .Concat(spec.Items("egress").Select(r => "to " + Rule(r, "to")));
        return $"{policy.Properties.Text("metadata.name")} [{who}] {string.Join(" ", spec.Strings("policyTypes"))}: {string.Join("; ", rules)}";
    }

    private static string Rule(Node rule, string direction)
    {
        var peers = rule.Items(direction).Select(p => p.At("ipBlock") is not null
            ? $"cidr {p.Text("ipBlock.cidr")}"
            : $"ns {p.StringMap("namespaceSelector.matchLabels")["kubernetes.io/metadata.name"]} pods {string.Join(",", p.StringMap("podSelector.matchLabels").Select(l => $"{l.Key}={l.Value}"))}");
        var ports = rule.Items("ports").Select(p => $"{p.Text("protocol")}/{p.Integer("port")}");
        return $"{string.Join(" + ", peers)} on {string.Join(",", ports)}";
    }

    [Fact]
    public void Policies_allow_exactly_the_declared_flows()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Shop(o));

        var policies = program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Select(Describe).Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "allow-dns [*] Egress: to ns kube-system pods k8s-app=kube-dns on UDP/53,TCP/53",
            "api-gateway-from-frontend [app.kubernetes.io/name=api-gateway] Ingress: from ns shop pods app.kubernetes.io/name=frontend on TCP/8080",
            "api-gateway-from-ingress [app.kubernetes.io/name=api-gateway] Ingress: from ns ingress-nginx pods app.kubernetes.io/name=ingress-nginx on TCP/8080",
            "api-gateway-to-backend [app.kubernetes.io/name=api-gateway] Egress: to ns shop pods app.kubernetes.io/name=backend on TCP/8080",
            "backend-from-api-gateway [app.kubernetes.io/name=backend] Ingress: from ns shop pods app.kubernetes.io/name=api-gateway on TCP/8080",
            "backend-to-events-kafka [app.kubernetes.io/name=backend] Egress: to ns kafka pods strimzi.io/cluster=events on TCP/9092",
            "backend-to-orders-db [app.kubernetes.io/name=backend] Egress: to cidr 10.20.0.0/24 on TCP/5432",
            "default-deny [*] Ingress Egress: ",
            "frontend-from-ingress [app.kubernetes.io/name=frontend] Ingress: from ns ingress-nginx pods app.kubernetes.io/name=ingress-nginx on TCP/8080",
            "frontend-to-api-gateway [app.kubernetes.io/name=frontend] Egress: to ns shop pods app.kubernetes.io/name=api-gateway on TCP/8080",
        ], policies);
    }

    [Fact]
    public void Declaring_a_connection_twice_adds_no_policy()
    {
        var once = ClusterProgram.Synthesize(o => _ = new Shop(o));
        var twice = ClusterProgram.Synthesize(o =>
        {
            var shop = new Shop(o);
            shop.Frontend.ConnectsTo(shop.Gateway);
            shop.Gateway.AllowFrom(shop.Frontend);
        });

        Assert.Equal(once.Resources.Count, twice.Resources.Count);
    }

    [Fact]
    public void A_workload_without_declared_flows_gets_no_policy_of_its_own()
    {
        var program = ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("batch", new NamespaceArgs(), o);
            _ = new Workload("worker", new WorkloadArgs { Namespace = ns, Image = "ghcr.io/acme/worker:3.0.0" }, o);
        });

        Assert.Equal(["batch-default-deny", "batch-allow-dns"],
            program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Select(p => p.LogicalName));
    }

    [Fact]
    public void Endpoints_must_say_where_they_live_and_never_open_to_every_address()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs
            {
                Namespace = ns,
                Image = "ghcr.io/acme/api:1.0.0",
                ConnectsTo =
                [
                    new ServiceEndpoint { Name = "cache", Host = "cache.internal", Ports = [6379] },
                    new ServiceEndpoint { Name = "db", Host = "db.internal", Ports = [5432], Cidrs = ["0.0.0.0/0"] },
                    new ServiceEndpoint { Name = "Search", Host = "search.internal", Ports = [0], Cidrs = ["10.0.0.0/33"] },
                ],
            }, o);
        }));

        Assert.Equal(
        [
            "WorkloadArgs.ConnectsTo[0] 'cache' gives neither Cidrs nor InCluster, so no policy can allow it.",
            "WorkloadArgs.ConnectsTo[1].Cidrs[0] '0.0.0.0/0' opens the flow to every address.",
            "WorkloadArgs.ConnectsTo[2].Name 'Search' is not a valid endpoint name.",
            "WorkloadArgs.ConnectsTo[2].Ports[0] 0 is not a TCP port.",
            "WorkloadArgs.ConnectsTo[2].Cidrs[0] '10.0.0.0/33' is not a CIDR block.",
        ], error.Diagnostics.Select(d => d.Message));
    }
}
