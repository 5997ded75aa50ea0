using System.Globalization;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>The Helm values of the ingress controller and of cert-manager.</summary>
internal static class IngressValues
{
    /// <summary>The IngressClass the controller serves and every route uses.</summary>
    public const string IngressClass = "nginx";

    /// <summary>The controller's webhook port (the API server calls it to validate Ingress objects).</summary>
    public const int AdmissionWebhookPort = 8443;

    /// <summary>cert-manager's webhook port.</summary>
    public const int CertManagerWebhookPort = 10250;

    /// <summary>The port cert-manager's HTTP-01 solver pods listen on.</summary>
    public const int AcmeSolverPort = 8089;

    /// <summary>The label cert-manager puts on its HTTP-01 solver pods.</summary>
    public static readonly IReadOnlyDictionary<string, string> AcmeSolverPods = new Dictionary<string, string> { ["acme.cert-manager.io/http01-solver"] = "true" };

    /// <summary>TLS 1.2 and 1.3 with forward-secret AEAD ciphers only (INF-LB-002).</summary>
    public const string SslProtocols = "TLSv1.2 TLSv1.3";

    public const string SslCiphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:" +
        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

    /// <summary>Labels the chart puts on the controller pods (release <paramref name="release"/>).</summary>
    public static IReadOnlyDictionary<string, string> ControllerPods(string release) => new Dictionary<string, string>
    {
        ["app.kubernetes.io/name"] = "ingress-nginx",
        ["app.kubernetes.io/instance"] = release,
        ["app.kubernetes.io/component"] = "controller",
    };

    /// <summary>
    /// The controller: its own Service is off (the component declares it, with the cloud's annotations), TLS 1.2+,
    /// HTTP redirected to HTTPS, HSTS, no server version, no snippet annotations, metrics, and ModSecurity with the
    /// OWASP Core Rule Set, blocking, when the firewall is on.
    /// </summary>
    public static Props Controller(IngressSpec spec, string controllerService) => new()
    {
        ["controller"] = new Props
        {
            ["replicaCount"] = spec.ControllerReplicas,
            ["minAvailable"] = 1,
            ["ingressClass"] = IngressClass,
            ["ingressClassResource"] = new Props
            {
                ["name"] = IngressClass,
                ["enabled"] = true,
                ["default"] = false,
                ["controllerValue"] = "k8s.io/ingress-nginx",
            },
            ["service"] = new Props { ["enabled"] = false },
            ["publishService"] = new Props { ["enabled"] = true, ["pathOverride"] = $"{spec.ControllerNamespace}/{controllerService}" },
            ["allowSnippetAnnotations"] = false,
            ["config"] = Config(spec),
            ["metrics"] = new Props { ["enabled"] = true },
            ["resources"] = new Props
            {
                ["requests"] = new Props { ["cpu"] = "100m", ["memory"] = "256Mi" },
                ["limits"] = new Props { ["memory"] = spec.Waf ? "1Gi" : "512Mi" },
            },
            ["admissionWebhooks"] = new Props { ["enabled"] = true, ["port"] = AdmissionWebhookPort },
        },
        ["defaultBackend"] = new Props { ["enabled"] = false },
    };

    /// <summary>cert-manager with its CRDs (kept when the release is removed), highly available in production, with metrics.</summary>
    public static Props CertManager(IngressSpec spec) => new()
    {
        ["crds"] = new Props { ["enabled"] = true, ["keep"] = true },
        ["replicaCount"] = spec.ControllerReplicas > 1 ? 2 : 1,
        ["podDisruptionBudget"] = new Props { ["enabled"] = spec.ControllerReplicas > 1 },
        ["prometheus"] = new Props { ["enabled"] = true },
        ["webhook"] = new Props { ["securePort"] = CertManagerWebhookPort },
    };

    private static Props Config(IngressSpec spec) => new()
    {
        ["ssl-protocols"] = SslProtocols,
        ["ssl-ciphers"] = SslCiphers,
        ["ssl-prefer-server-ciphers"] = "true",
        ["ssl-redirect"] = "true",
        ["force-ssl-redirect"] = "true",
        ["hsts"] = "true",
        ["hsts-max-age"] = "31536000",
        ["hsts-include-subdomains"] = "true",
        ["server-tokens"] = "false",
        ["use-forwarded-headers"] = "false",
        ["limit-req-status-code"] = "429",
        ["limit-conn-status-code"] = "429",
        ["enable-modsecurity"] = Flag(spec.Waf),
        ["enable-owasp-modsecurity-crs"] = Flag(spec.Waf),
        ["modsecurity-snippet"] = spec.Waf ? "SecRuleEngine On\nSecRequestBodyAccess On\n" : null,
    };

    private static string Flag(bool value) => value ? "true" : "false";

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
