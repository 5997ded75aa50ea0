namespace Infra.Components.Kubernetes;

/// <summary>Where traces are stored and queried.</summary>
public enum TracingBackend
{
    /// <summary>Grafana Tempo (single binary, local volume).</summary>
    Tempo,
}

/// <summary>Arguments of <see cref="Tracing"/>.</summary>
public sealed record TracingArgs
{
    /// <summary>Switches the whole tracing stack; when false the component declares nothing. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The namespace of the stack (created by the component). Default: tracing.</summary>
    public string NamespaceName { get; init; } = "tracing";

    /// <summary>The tracing backend. Default: Tempo.</summary>
    public TracingBackend Backend { get; init; } = TracingBackend.Tempo;

    /// <summary>How long traces are kept. Default: 168h (7 days).</summary>
    public string Retention { get; init; } = "168h";

    /// <summary>Size of the backend's volume. Default: 20Gi.</summary>
    public string Storage { get; init; } = "20Gi";

    /// <summary>The StorageClass of the backend's volume; null uses the cluster's default. Default: null.</summary>
    public string? StorageClassName { get; init; }

    /// <summary>Replicas of the OpenTelemetry collector. Default: 2.</summary>
    public int CollectorReplicas { get; init; } = 2;

    /// <summary>When given, Grafana gets a Tempo data source and Prometheus may scrape the stack. Default: null.</summary>
    public Monitoring? Monitoring { get; init; }
}
