using Infra.Components.Edge;
using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>The Kubernetes objects of an <see cref="Ingress"/>: the controller's Service, the issuer and the routes.</summary>
internal static class IngressObjects
{
    public const string LetsEncryptProduction = "https://acme-v02.api.letsencrypt.org/directory";
    public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

    /// <summary>
    /// The controller's LoadBalancer Service with the cloud's annotations. The local traffic policy keeps the client's
    /// address, which per-client rate limits need.
    /// </summary>
    public static Props ControllerService(IngressSpec spec, string name, string release, Input @namespace, IngressLoadBalancer loadBalancer)
    {
        var annotations = new Props();
        foreach (var (key, value) in loadBalancer.Annotations)
        {
            annotations[key] = value;
        }

        return new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = name,
                ["namespace"] = @namespace,
                ["labels"] = K8s.Map(IngressValues.ControllerPods(release)),
                ["annotations"] = annotations.Count == 0 ? null : annotations,
            },
            ["spec"] = new Props
            {
                ["type"] = "LoadBalancer",
                ["externalTrafficPolicy"] = "Local",
                ["selector"] = K8s.Map(IngressValues.ControllerPods(release)),
                ["loadBalancerIP"] = loadBalancer.ReservedAddress is { } address ? (Input)address : default,
                ["loadBalancerSourceRanges"] = spec.AllowedSourceCidrs.Count == 0 ? null : spec.AllowedSourceCidrs.Select(c => c.ToString()).ToArray(),
                ["ports"] = K8s.List(
                [
                    new Props { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http", ["protocol"] = "TCP" },
                    new Props { ["name"] = "https", ["port"] = 443, ["targetPort"] = "https", ["protocol"] = "TCP" },
                ]),
            },
        };
    }

    /// <summary>A Let's Encrypt ClusterIssuer answering HTTP-01 challenges through the controller.</summary>
    public static Props ClusterIssuer(IngressSpec spec) => new()
    {
        ["apiVersion"] = "cert-manager.io/v1",
        ["kind"] = "ClusterIssuer",
        ["metadata"] = new Props { ["name"] = spec.IssuerName },
        ["spec"] = new Props
        {
            ["acme"] = new Props
            {
                ["email"] = spec.AcmeEmail,
                ["server"] = spec.UseStagingIssuer ? LetsEncryptStaging : LetsEncryptProduction,
                ["privateKeySecretRef"] = new Props { ["name"] = $"{spec.IssuerName}-account-key" },
                ["solvers"] = K8s.List(
                [
                    new Props
                    {
                        ["http01"] = new Props { ["ingress"] = new Props { ["ingressClassName"] = IngressValues.IngressClass } },
                    },
                ]),
            },
        },
    };

    /// <summary>
    /// The Ingress of the routes of one namespace: TLS for every host with a certificate from the issuer, HTTP
    /// redirected, the per-client rate limit and CORS from args.
    /// </summary>
    public static Props Routes(IngressSpec spec, string @namespace, IReadOnlyList<IngressRoute> routes) => new()
    {
        ["metadata"] = new Props
        {
            ["name"] = spec.Name,
            ["namespace"] = @namespace,
            ["labels"] = K8s.Map([new(K8s.ManagedByLabel, "infra")]),
            ["annotations"] = Annotations(spec),
        },
        ["spec"] = new Props
        {
            ["ingressClassName"] = IngressValues.IngressClass,
            ["tls"] = K8s.List([new Props { ["hosts"] = spec.Hosts.ToArray(), ["secretName"] = $"{spec.Name}-tls" }]),
            ["rules"] = K8s.List(spec.Hosts.Select(host => new Props
            {
                ["host"] = host,
                ["http"] = new Props
                {
                    ["paths"] = K8s.List(routes.Select(route => new Props
                    {
                        ["path"] = route.Path,
                        ["pathType"] = "Prefix",
                        ["backend"] = new Props
                        {
                            ["service"] = new Props { ["name"] = route.Service, ["port"] = new Props { ["number"] = route.Port } },
                        },
                    })),
                },
            })),
        },
    };

    private static Props Annotations(IngressSpec spec)
    {
        const string nginx = "nginx.ingress.kubernetes.io/";
        var annotations = new Props
        {
            ["cert-manager.io/cluster-issuer"] = spec.IssuerName,
            [nginx + "ssl-redirect"] = "true",
            [nginx + "force-ssl-redirect"] = "true",
            [nginx + "limit-rps"] = IngressValues.Text(spec.RateLimitPerSecond),
        };
        if (spec.Cors is { } cors)
        {
            annotations[nginx + "enable-cors"] = "true";
            annotations[nginx + "cors-allow-origin"] = string.Join(", ", cors.AllowedOrigins);
            annotations[nginx + "cors-allow-methods"] = string.Join(", ", cors.AllowedMethods);
            annotations[nginx + "cors-allow-headers"] = string.Join(", ", cors.AllowedHeaders);
            annotations[nginx + "cors-allow-credentials"] = cors.AllowCredentials ? "true" : "false";
            annotations[nginx + "cors-max-age"] = IngressValues.Text(cors.MaxAgeSeconds);
        }

        return annotations;
    }
}
