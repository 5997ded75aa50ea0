namespace Infra.Components.Kubernetes;

/// <summary>Arguments of <see cref="Monitoring"/>. Every property has a documented default.</summary>
public sealed record MonitoringArgs
{
    /// <summary>The namespace the stack runs in (created by the component). Default: monitoring.</summary>
    public string NamespaceName { get; init; } = "monitoring";

    /// <summary>How long Prometheus keeps samples. Default: 15d.</summary>
    public string PrometheusRetention { get; init; } = "15d";

    /// <summary>Size of Prometheus' volume. Default: 50Gi.</summary>
    public string PrometheusStorage { get; init; } = "50Gi";

    /// <summary>Memory of Prometheus (request and limit, so it is never overcommitted). Default: 4Gi.</summary>
    public string PrometheusMemory { get; init; } = "4Gi";

    /// <summary>How often targets are scraped. Default: 30s.</summary>
    public string ScrapeInterval { get; init; } = "30s";

    /// <summary>How long Alertmanager keeps silences and notification state. Default: 120h.</summary>
    public string AlertmanagerRetention { get; init; } = "120h";

    /// <summary>Size of Alertmanager's volume. Default: 5Gi.</summary>
    public string AlertmanagerStorage { get; init; } = "5Gi";

    /// <summary>Size of Grafana's volume. Default: 10Gi.</summary>
    public string GrafanaStorage { get; init; } = "10Gi";

    /// <summary>The StorageClass of every volume; null uses the cluster's default class. Default: null.</summary>
    public string? StorageClassName { get; init; }

    /// <summary>Thresholds of the default alert rules. Default: see <see cref="AlertThresholds"/>.</summary>
    public AlertThresholds Alerts { get; init; } = new();

    /// <summary>Workloads to scrape (more can be added with <see cref="Monitoring.Scrape"/>). Default: none.</summary>
    public IReadOnlyList<Workload> Workloads { get; init; } = [];
}
