namespace Infra.Components.Kubernetes;

/// <summary>A Helm chart pinned to an exact version of a named repository.</summary>
public sealed record HelmChart(string Name, string Version, string Repository);

/// <summary>
/// The exact chart versions the platform components install, in one place so that an upgrade is one reviewed
/// change. Grafana moved its Loki and Tempo charts to the grafana-community repository in 2026; the Alloy
/// chart stays in Grafana's repository.
/// </summary>
public static class HelmCharts
{
    /// <summary>Prometheus Operator, Prometheus, Alertmanager, Grafana, kube-state-metrics, node-exporter.</summary>
    public static readonly HelmChart KubePrometheusStack =
        new("kube-prometheus-stack", "92.15.0", "https://prometheus-community.github.io/helm-charts");

    /// <summary>Loki 3.7 (single binary on a persistent volume).</summary>
    public static readonly HelmChart Loki = new("loki", "18.13.1", "https://grafana-community.github.io/helm-charts");

    /// <summary>Grafana Alloy, the log collector (Promtail reached end of life in 2026).</summary>
    public static readonly HelmChart Alloy = new("alloy", "1.11.1", "https://grafana.github.io/helm-charts");

    /// <summary>The OpenTelemetry Collector (collector 0.163).</summary>
    public static readonly HelmChart OpenTelemetryCollector =
        new("opentelemetry-collector", "0.177.0", "https://open-telemetry.github.io/opentelemetry-helm-charts");

    /// <summary>Tempo 3 in single-binary mode, the tracing backend.</summary>
    public static readonly HelmChart Tempo = new("tempo", "3.0.0", "https://grafana-community.github.io/helm-charts");

    /// <summary>The ingress-nginx controller 1.14.3.</summary>
    public static readonly HelmChart IngressNginx = new("ingress-nginx", "4.14.3", "https://kubernetes.github.io/ingress-nginx");

    /// <summary>cert-manager, which issues the ingress certificates from Let's Encrypt.</summary>
    public static readonly HelmChart CertManager = new("cert-manager", "v1.20.2", "https://charts.jetstack.io");
}
