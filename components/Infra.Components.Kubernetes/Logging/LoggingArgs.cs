namespace Infra.Components.Kubernetes;

/// <summary>Which agent ships container logs to Loki.</summary>
public enum LogCollector
{
    /// <summary>Grafana Alloy, tailing pod logs through the Kubernetes API (no host mounts).</summary>
    Alloy,

    /// <summary>No collector: something else pushes to Loki.</summary>
    None,
}

/// <summary>Arguments of <see cref="Logging"/>.</summary>
public sealed record LoggingArgs
{
    /// <summary>Switches the whole log stack; when false the component declares nothing. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The namespace of the stack (created by the component). Default: logging.</summary>
    public string NamespaceName { get; init; } = "logging";

    /// <summary>How long Loki keeps logs. Default: 744h (31 days).</summary>
    public string Retention { get; init; } = "744h";

    /// <summary>Size of Loki's volume. Default: 50Gi.</summary>
    public string Storage { get; init; } = "50Gi";

    /// <summary>The StorageClass of Loki's volume; null uses the cluster's default. Default: null.</summary>
    public string? StorageClassName { get; init; }

    /// <summary>Memory of Loki (request and limit). Default: 2Gi.</summary>
    public string LokiMemory { get; init; } = "2Gi";

    /// <summary>The log collector. Default: Alloy.</summary>
    public LogCollector Collector { get; init; } = LogCollector.Alloy;

    /// <summary>When given, Grafana gets a Loki data source and Prometheus may scrape the stack. Default: null.</summary>
    public Monitoring? Monitoring { get; init; }
}
