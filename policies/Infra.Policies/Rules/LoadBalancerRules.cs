using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-LB: load balancers and Kubernetes ingress.</summary>
internal static class LoadBalancerRules
{
    private static readonly string[] ModernAwsPolicyPrefixes = ["ELBSecurityPolicy-TLS13-", "ELBSecurityPolicy-FS-1-2-", "ELBSecurityPolicy-TLS-1-2-"];

    private static readonly string[] InternalLoadBalancerAnnotations =
    [
        "service.beta.kubernetes.io/aws-load-balancer-internal",
        "service.beta.kubernetes.io/aws-load-balancer-scheme",
        "networking.gke.io/load-balancer-type",
        "cloud.google.com/load-balancer-type",
        "yandex.cloud/load-balancer-type",
    ];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-LB-001",
            Title = "No plain-HTTP listener serving traffic",
            Description = "An internet-facing HTTP listener may only redirect to HTTPS: AWS listeners with one redirect action to HTTPS, " +
                "GCP HTTP proxies whose URL map redirects, Yandex ALB HTTP listeners with httpToHttps or all-redirecting virtual hosts. " +
                "Kubernetes Ingresses need spec.tls (mandatory in production; their exposure cannot be seen here).",
            Help = "Serve HTTPS and make the HTTP listener a redirect.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M for internet-facing load balancers; prod: M for Ingress TLS",
            Anchors = ["CKV2_AWS_20", "CKV_AWS_2", "AVD-AWS-0054", "awsguard:alb-http-to-https-redirection"],
            Checks =
            {
                { Aws.LbListener, AwsHttpListener },
                { Gcp.TargetHttpProxy, GcpHttpProxy },
                { Yandex.AlbLoadBalancer, YandexHttpListeners },
                {
                    K8s.Ingress, (r, c) => c.RequireSet(r["spec"]["tls"], "the Ingress serves plain HTTP",
                        "Add spec.tls with the hosts and a certificate Secret (e.g. from cert-manager).", Enforcement.MandatoryInProduction)
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-LB-002",
            Title = "Modern TLS policy on HTTPS listeners",
            Description = "AWS HTTPS/TLS listeners need a TLS 1.2+ policy (the API default ELBSecurityPolicy-2016-08 accepts TLS 1.0). " +
                "GCP HTTPS proxies need an SSL policy with profile MODERN or RESTRICTED and minimum TLS 1.2.",
            Help = "Use ELBSecurityPolicy-TLS13-1-2-2021-06, or a GCP SSL policy {profile: MODERN, minTlsVersion: TLS_1_2}.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_103", "CKV_GCP_4", "AVD-AWS-0047", "AVD-GCP-0039"],
            Checks =
            {
                { Aws.LbListener, AwsTlsPolicy },
                {
                    Gcp.SslPolicy, (r, c) =>
                    {
                        c.RequireOneOf(r["profile"], ["MODERN", "RESTRICTED"], "COMPATIBLE", "the profile allows weak ciphers", "Set profile: MODERN.");
                        c.RequireOneOf(r["minTlsVersion"], ["TLS_1_2", "TLS_1_3"], "TLS_1_0", "TLS 1.0/1.1 are accepted", "Set minTlsVersion: TLS_1_2.");
                    }
                },
                {
                    Gcp.TargetHttpsProxy, (r, c) => c.RequireSet(r["sslPolicy"], "the proxy uses Google's default SSL policy (TLS 1.0, COMPATIBLE)",
                        $"Create a {Gcp.SslPolicy} {{profile: MODERN, minTlsVersion: TLS_1_2}} and set sslPolicy.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-LB-003",
            Title = "WAF on internet-facing L7 load balancers in production",
            Description = "AWS: every internet-facing application load balancer needs an aws:wafv2/webAclAssociation:WebAclAssociation. " +
                "GCP: external back-end services need a Cloud Armor securityPolicy. Yandex: virtual hosts need a Smart Web Security profile.",
            Help = "Attach a web application firewall.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV2_AWS_28", "CKV2_AWS_76"],
            Checks =
            {
                { Aws.LoadBalancer, AwsWaf },
                {
                    Gcp.BackendService, (r, c) =>
                    {
                        if ((r["loadBalancingScheme"].AsString() ?? "EXTERNAL").StartsWith("EXTERNAL", StringComparison.Ordinal))
                        {
                            c.RequireSet(r["securityPolicy"], "no Cloud Armor policy filters requests", "Set securityPolicy to a gcp:compute/securityPolicy:SecurityPolicy.");
                        }
                    }
                },
                {
                    Yandex.AlbVirtualHost, (r, c) => c.RequireSet(r.Get("routeOptions.securityProfileId"), "no Smart Web Security profile filters requests",
                        "Set routeOptions.securityProfileId.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-LB-004",
            Title = "Load balancers drop invalid headers; services exposed only where intended",
            Description = "AWS application load balancers should drop invalid header fields and not run desync mitigation in monitor mode; " +
                "a Kubernetes Service of type LoadBalancer without an internal annotation gets a public address.",
            Help = "Set dropInvalidHeaderFields: true; annotate internal Services (or exempt the deliberately public one).",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["AVD-AWS-0052", "CKV_AWS_131", "CKV_AWS_328"],
            Checks =
            {
                { Aws.LoadBalancer, HeaderHygiene },
                { K8s.Service, ServiceExposure },
            },
        },
    ];

    private static bool IsApplication(PolicyResource balancer) => (balancer["loadBalancerType"].AsString() ?? "application") == "application";

    private static void AwsHttpListener(PolicyResource listener, RuleCheck c)
    {
        var protocol = listener["protocol"];
        var balancer = c.Program.Referenced(listener["loadBalancerArn"]);
        var defaultProtocol = balancer is null || IsApplication(balancer) ? "HTTP" : "TCP";
        if (!c.Decidable(protocol) || (protocol.AsString() ?? defaultProtocol) != "HTTP")
        {
            return;
        }

        var actions = listener["defaultActions"];
        if (!c.Decidable(actions))
        {
            return;
        }

        var redirects = actions.Items.Count == 1 && actions.Items[0]["type"].AsString() == "redirect" &&
            actions.Items[0]["redirect"]["protocol"].AsString() == "HTTPS";
        if (redirects)
        {
            return;
        }

        if (balancer is null)
        {
            c.CannotFind(Aws.LoadBalancer, "loadBalancerArn names a load balancer outside the program, so its exposure is unknown");
        }
        else if (balancer["internal"].AsBool() != true)
        {
            c.Violation(actions, "the internet-facing HTTP listener serves traffic instead of redirecting",
                "Make the only default action { type: redirect, redirect: { protocol: HTTPS, port: \"443\", statusCode: HTTP_301 } }.");
        }
    }

    private static void GcpHttpProxy(PolicyResource proxy, RuleCheck c)
    {
        var urlMap = proxy["urlMap"];
        if (c.Program.Referenced(urlMap) is not { } map || !map.Is(Gcp.UrlMap))
        {
            c.CannotFind(Gcp.UrlMap, "urlMap names a URL map outside the program");
            return;
        }

        var redirect = map.Get("defaultUrlRedirect.httpsRedirect");
        if (c.Decidable(redirect) && redirect.AsBool() != true)
        {
            c.Violation(urlMap, "the HTTP proxy's URL map serves traffic instead of redirecting to HTTPS",
                $"Point the HTTP proxy at a URL map with defaultUrlRedirect: {{ httpsRedirect: true }}.");
        }
    }

    private static void YandexHttpListeners(PolicyResource balancer, RuleCheck c)
    {
        var listeners = balancer["listeners"];
        if (!c.Decidable(listeners))
        {
            return;
        }

        foreach (var listener in listeners.Items)
        {
            var http = listener["http"];
            var external = listener["endpoints"].Items.SelectMany(e => e["addresses"].Items)
                .Any(a => !a["externalIpv4Address"].IsAbsent || !a["externalIpv6Address"].IsAbsent);
            if (http.IsAbsent || !external || http.Get("redirects.httpToHttps").AsBool() == true)
            {
                continue;
            }

            var router = c.Program.Referenced(http.Get("handler.httpRouterId"));
            var hosts = router is null ? [] : c.Program.Referencing(router, Yandex.AlbVirtualHost, "httpRouterId").ToArray();
            var allRedirect = hosts.Length > 0 && hosts.All(h => h["routes"].Items.Count > 0 && h["routes"].Items.All(route =>
                string.Equals(route.Get("httpRoute.redirectAction.replaceScheme").AsString(), "https", StringComparison.OrdinalIgnoreCase)));
            if (!allRedirect)
            {
                c.Violation(http, "the external HTTP listener serves traffic instead of redirecting",
                    "Set http.redirects.httpToHttps: true on the port-80 listener and serve through a tls listener.");
            }
        }
    }

    private static void AwsTlsPolicy(PolicyResource listener, RuleCheck c)
    {
        var protocol = listener["protocol"].AsString();
        if (protocol is not ("HTTPS" or "TLS"))
        {
            return;
        }

        var policy = listener["sslPolicy"];
        if (c.Decidable(policy) && (policy.AsString() is not { } name || !ModernAwsPolicyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))))
        {
            c.Violation(policy, "the TLS policy accepts TLS 1.0/1.1 or weak ciphers", "Set sslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06.",
                shown: policy.IsAbsent ? "(not set; the API default ELBSecurityPolicy-2016-08 accepts TLS 1.0)" : null);
        }
    }

    private static void AwsWaf(PolicyResource balancer, RuleCheck c)
    {
        if (!IsApplication(balancer) || balancer["internal"].AsBool() == true)
        {
            return;
        }

        if (c.Program.Referencing(balancer, Aws.WebAclAssociation, "resourceArn").Any())
        {
            return;
        }

        c.Missing(Aws.WebAclAssociation, "the internet-facing load balancer has no WAF",
            $"Add an {Aws.WebAclAssociation} with resourceArn: ${{{balancer.Key}.arn}} and a regional web ACL.");
    }

    private static void HeaderHygiene(PolicyResource balancer, RuleCheck c)
    {
        if (!IsApplication(balancer))
        {
            return;
        }

        c.RequireTrue(balancer["dropInvalidHeaderFields"], false, "malformed headers are passed to targets", "Set dropInvalidHeaderFields: true.");
        var desync = balancer["desyncMitigationMode"];
        if (c.Decidable(desync) && desync.AsString() == "monitor")
        {
            c.Violation(desync, "HTTP desync attacks are only logged", "Set desyncMitigationMode: defensive (or strictest).");
        }
    }

    private static void ServiceExposure(PolicyResource service, RuleCheck c)
    {
        var type = service["spec"]["type"];
        if (!c.Decidable(type) || type.AsString() != "LoadBalancer")
        {
            return;
        }

        var annotations = service["metadata"]["annotations"];
        if (!c.Decidable(annotations))
        {
            return;
        }

        var keys = annotations.Node is MapNode map ? map.Entries.Select(e => e.Key) : [];
        if (!keys.Intersect(InternalLoadBalancerAnnotations, StringComparer.Ordinal).Any())
        {
            c.Violation(type, "the Service gets a public load balancer",
                "Annotate it as internal (e.g. networking.gke.io/load-balancer-type: Internal), expose it through an Ingress, or exempt it if it is meant to be public.");
        }
    }
}
