using Infra.Components;
using Infra.Components.Kubernetes;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

public sealed class IngressTests
{
    private const string Nginx = "nginx.ingress.kubernetes.io/";

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_controller_and_cert_manager_are_pinned_releases_on_the_clusters_provider(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var releases = built.Program.OfType("kubernetes:helm.sh/v3:Release").Where(r => r.Key.StartsWith("edge-", StringComparison.Ordinal)).ToList();

        Assert.Equal([("ingress-nginx", "4.14.3", "https://kubernetes.github.io/ingress-nginx"), ("cert-manager", "v1.20.2", "https://charts.jetstack.io")],
            releases.Select(r => (r.Text("chart"), r.Text("version"), r.Text("repositoryOpts.repo"))));
        Assert.Equal([HelmCharts.IngressNginx.Version, HelmCharts.CertManager.Version], releases.Select(r => r.Text("version")));
        var provider = built.Program.Resources.Single(r => r.Model == built.Cluster.KubernetesProvider);
        Assert.All(built.Program.OfPackage("kubernetes:").Where(r => r.Key.StartsWith("edge-", StringComparison.Ordinal)),
            r => Assert.True(r.Options!["provider"].References(provider), r.Key));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void The_controller_speaks_tls_1_2_or_later_redirects_http_and_runs_the_waf_in_production(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var config = built.Program.Single("kubernetes:helm.sh/v3:Release", "edge-ingress-nginx").Get("values.controller.config")!;

        Assert.Equal("TLSv1.2 TLSv1.3", config.Text("ssl-protocols"));
        Assert.Equal("true", config.Text("force-ssl-redirect"));
        Assert.Equal("true", config.Text("hsts"));
        Assert.Equal("false", config.Text("server-tokens"));
        Assert.DoesNotContain("CBC", config.Text("ssl-ciphers"), StringComparison.Ordinal);
        var production = environment == "prod" ? "true" : "false";
        Assert.Equal(production, config.Text("enable-modsecurity"));
        Assert.Equal(production, config.Text("enable-owasp-modsecurity-crs"));
        Assert.Equal(environment == "prod", config.Text("modsecurity-snippet")?.Contains("SecRuleEngine On", StringComparison.Ordinal) == true);
        var controller = built.Program.Single("kubernetes:helm.sh/v3:Release", "edge-ingress-nginx").Get("values.controller")!;
        Assert.False(((BoolNode)controller.Get("allowSnippetAnnotations")!).Value);
        Assert.Equal(environment == "prod" ? 3 : 2, ((IntegerNode)controller.Get("replicaCount")!).Value);
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Routes_become_one_tls_ingress_per_namespace_with_rate_limit_and_cors(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var ingress = Assert.Single(built.Program.OfType("kubernetes:networking.k8s.io/v1:Ingress"));

        Assert.Equal(("edge", "shop", "nginx"), (ingress.Text("metadata.name"), ingress.Text("metadata.namespace"), ingress.Text("spec.ingressClassName")));
        var tls = Assert.Single(ingress.List("spec.tls"));
        Assert.Equal(["shop.example.com"], tls.Strings("hosts"));
        Assert.Equal("edge-tls", tls.Text("secretName"));
        var paths = Assert.Single(ingress.List("spec.rules")).Get("http")!.Get("paths") as ListNode;
        Assert.Equal([("/", "frontend", 80L), ("/api", "backend", 8080L)], paths!.Items.Select(p => (p.Text("path"),
            p.Get("backend")!.Get("service")!.Text("name"), ((IntegerNode)p.Get("backend")!.Get("service")!.Get("port")!.Get("number")!).Value)));
        var annotations = (MapNode)ingress.Get("metadata.annotations")!;
        Assert.Equal("letsencrypt", Text(annotations, "cert-manager.io/cluster-issuer"));
        Assert.Equal("true", Text(annotations, Nginx + "force-ssl-redirect"));
        Assert.Equal("100", Text(annotations, Nginx + "limit-rps"));
        Assert.Equal("true", Text(annotations, Nginx + "enable-cors"));
        Assert.Equal("https://app.example.com", Text(annotations, Nginx + "cors-allow-origin"));
        Assert.Equal("false", Text(annotations, Nginx + "cors-allow-credentials"));
    }

    [Fact]
    public void Rate_limit_issuer_and_routes_follow_the_args()
    {
        var built = EdgePrograms.Build(CloudKind.Gcp, "dev", ingress: a => a with
        {
            RateLimitPerSecond = 20,
            UseStagingIssuer = true,
            Cors = null,
            Routes =
            [
                new IngressRoute { Path = "/", Namespace = "shop", Service = "frontend" },
                new IngressRoute { Path = "/admin", Namespace = "back-office", Service = "admin", Port = 8000 },
            ],
        });

        var ingresses = built.Program.OfType("kubernetes:networking.k8s.io/v1:Ingress");
        Assert.Equal(["shop", "back-office"], ingresses.Select(i => i.Text("metadata.namespace")));
        Assert.All(ingresses, i =>
        {
            var annotations = (MapNode)i.Get("metadata.annotations")!;
            Assert.Equal("20", Text(annotations, Nginx + "limit-rps"));
            Assert.Equal("letsencrypt-staging", Text(annotations, "cert-manager.io/cluster-issuer"));
            Assert.Null(annotations[Nginx + "enable-cors"]);
        });
        var issuer = Assert.Single(built.Program.Single("kubernetes:yaml/v2:ConfigGroup", "edge-issuer").List("objs"));
        Assert.Equal("https://acme-staging-v02.api.letsencrypt.org/directory", issuer.Get("spec")!.Get("acme")!.Text("server"));
    }

    [Fact]
    public void The_issuer_is_a_lets_encrypt_cluster_issuer_declared_through_a_config_group()
    {
        var built = EdgePrograms.Build(CloudKind.Yandex, "prod");
        var group = built.Program.Single("kubernetes:yaml/v2:ConfigGroup", "edge-issuer");

        var issuer = Assert.Single(group.List("objs"));
        Assert.Equal(("cert-manager.io/v1", "ClusterIssuer", "letsencrypt"), (issuer.Text("apiVersion"), issuer.Text("kind"), issuer.Get("metadata")!.Text("name")));
        var acme = issuer.Get("spec")!.Get("acme")!;
        Assert.Equal(("platform@example.com", "https://acme-v02.api.letsencrypt.org/directory"), (acme.Text("email"), acme.Text("server")));
        Assert.Equal("nginx", Assert.Single(((ListNode)acme.Get("solvers")!).Items).Get("http01")!.Get("ingress")!.Text("ingressClassName"));
        Assert.Contains(((ListNode)group.Options!["dependsOn"]!).Items, d => d is ReferenceNode { Root: "edge-cert-manager" });
        Assert.DoesNotContain(built.Program.Resources, r => r.Type.Contains("CustomResource", StringComparison.Ordinal) && !r.Type.Contains("Definition", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_controller_service_carries_the_clouds_load_balancer_choices(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var service = built.Program.Single("kubernetes:core/v1:Service", "edge-controller");

        Assert.Equal(("LoadBalancer", "Local"), (service.Text("spec.type"), service.Text("spec.externalTrafficPolicy")));
        Assert.Equal(["http", "https"], service.List("spec.ports").Select(p => p.Text("targetPort")));
        Assert.Equal(built.Ingress.ControllerPeer.PodLabels.OrderBy(l => l.Key, StringComparer.Ordinal),
            ((MapNode)service.Get("spec.selector")!).Entries.Select(e => new KeyValuePair<string, string>(e.Key, ((StringNode)e.Value).Value)));
        var annotations = (MapNode?)service.Get("metadata.annotations");
        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.Equal("nlb", Text(annotations!, "service.beta.kubernetes.io/aws-load-balancer-type"));
                Assert.Equal("true", Text(annotations!, "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled"));
                Assert.Null(annotations!["service.beta.kubernetes.io/aws-load-balancer-internal"]);
                break;
            case CloudKind.Gcp:
                Assert.Equal("enabled", Text(annotations!, "cloud.google.com/l4-rbs"));
                break;
            default:
                Assert.Null(annotations);
                Assert.True(service.Get("spec.loadBalancerIP") is ReferenceNode { Root: "edge-address" });
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void An_internal_ingress_asks_the_cloud_for_an_internal_load_balancer(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "dev", ingress: a => a with { InternetFacing = false, DnsZone = null });
        var annotations = (MapNode)built.Program.Single("kubernetes:core/v1:Service", "edge-controller").Get("metadata.annotations")!;

        var expected = cloud switch
        {
            CloudKind.Aws => ("service.beta.kubernetes.io/aws-load-balancer-internal", "true"),
            CloudKind.Gcp => ("networking.gke.io/load-balancer-type", "Internal"),
            _ => ("yandex.cloud/load-balancer-type", "internal"),
        };
        Assert.Equal(expected.Item2, Text(annotations, expected.Item1));
        Assert.DoesNotContain(built.Program.Resources, r => r.Key.StartsWith("edge-dns", StringComparison.Ordinal) || r.Key == "edge-address");
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Each_host_gets_a_record_in_the_zone_pointing_at_the_load_balancer(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var (type, recordType, target) = cloud switch
        {
            CloudKind.Aws => ("aws:route53/record:Record", "CNAME", "records"),
            CloudKind.Gcp => ("gcp:dns/recordSet:RecordSet", "A", "rrdatas"),
            _ => ("yandex:index/dnsRecordset:DnsRecordset", "A", "datas"),
        };

        var record = built.Program.Single(type, "edge-dns-shop-example-com");
        Assert.Equal(recordType, record.Text("type"));
        var value = Assert.IsType<ReferenceNode>(Assert.Single(record.List(target)));
        var expected = cloud switch
        {
            CloudKind.Aws => "edge-controller.status.loadBalancer.ingress[0].hostname",
            CloudKind.Gcp => "edge-controller.status.loadBalancer.ingress[0].ip",
            _ => "edge-address.externalIpv4Address.address",
        };
        Assert.Equal(expected, value.ToExpressionText());
        Assert.Equal(expected, Assert.IsType<ReferenceNode>(built.Ingress.Address.Node).ToExpressionText());
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_namespaces_deny_by_default_and_open_only_the_entry_ports_to_the_world(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var policies = built.Program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Where(p => p.Key.StartsWith("edge-", StringComparison.Ordinal)).ToList();

        Assert.Contains(policies, p => p.Key == "edge-controller-ns-default-deny");
        Assert.Contains(policies, p => p.Key == "edge-cert-manager-ns-default-deny");
        var world = policies.Single(p => p.Key == "edge-ingress-nginx-allow-clients-and-webhook");
        var rule = Assert.Single(world.List("spec.ingress"));
        Assert.Equal([80L, 443L, 8443L], ((ListNode)rule.Get("ports")!).Items.Select(p => ((IntegerNode)p.Get("port")!).Value));
        Assert.Equal("ingress-nginx", built.Ingress.ControllerPeer.Namespace);
        var solver = policies.Single(p => p.Key == "edge-shop-allow-acme-solver");
        Assert.Equal("shop", solver.Text("metadata.namespace"));
        Assert.Equal("true", solver.Get("spec.podSelector.matchLabels")!.Text("acme.cert-manager.io/http01-solver"));
        var from = Assert.Single(solver.List("spec.ingress"));
        Assert.Equal(8089L, ((IntegerNode)Assert.Single(((ListNode)from.Get("ports")!).Items).Get("port")!).Value);
        Assert.Equal("ingress-nginx", Assert.Single(((ListNode)from.Get("from")!).Items).Get("namespaceSelector")!.Get("matchLabels")!.Text("kubernetes.io/metadata.name"));
    }

    private static string? Text(MapNode map, string key) => map[key] is StringNode s ? s.Value : null;
}
