namespace Infra.Stacks.Platform;

/// <summary>
/// Which parts of the platform a stack deploys (<c>infra:components</c>). Everything is on unless switched off;
/// the network is the base of everything else and is always deployed. In-cluster parts need the cluster.
/// </summary>
public sealed record ComponentSwitches
{
    /// <summary>The managed Kubernetes cluster. Default: on. Off also turns off everything that runs in it.</summary>
    public bool Cluster { get; init; } = true;

    /// <summary>The sample services (frontend, backend, API gateway) from <c>infra:workloads</c>. Default: on.</summary>
    public bool Workloads { get; init; } = true;

    /// <summary>PostgreSQL (<c>infra:postgres</c>). Default: on.</summary>
    public bool Postgres { get; init; } = true;

    /// <summary>MongoDB (<c>infra:mongo</c>). Default: on.</summary>
    public bool Mongo { get; init; } = true;

    /// <summary>Redis / Valkey (<c>infra:redis</c>). Default: on.</summary>
    public bool Redis { get; init; } = true;

    /// <summary>ClickHouse (<c>infra:clickhouse</c>). Default: on.</summary>
    public bool ClickHouse { get; init; } = true;

    /// <summary>
    /// Dump CronJobs for the databases that run in the cluster, into a backups bucket (<c>infra:backups</c>; needs
    /// the cluster). Default: on.
    /// </summary>
    public bool Backups { get; init; } = true;

    /// <summary>Kafka (<c>infra:kafka</c>). Default: on.</summary>
    public bool Kafka { get; init; } = true;

    /// <summary>The object storage bucket (<c>infra:storage</c>). Default: on.</summary>
    public bool Storage { get; init; } = true;

    /// <summary>The CDN in front of the bucket (<c>infra:cdn</c>; needs storage and <c>infra:dnsZone</c>). Default: on.</summary>
    public bool Cdn { get; init; } = true;

    /// <summary>The ingress controller with TLS (<c>infra:ingress</c>; needs the cluster). Default: on.</summary>
    public bool Ingress { get; init; } = true;

    /// <summary>Prometheus, Alertmanager and Grafana (<c>infra:monitoring</c>). Default: on.</summary>
    public bool Monitoring { get; init; } = true;

    /// <summary>Loki and its collector (<c>infra:logging</c>). Default: on.</summary>
    public bool Logging { get; init; } = true;

    /// <summary>The OpenTelemetry collector and Tempo (<c>infra:tracing</c>). Default: on.</summary>
    public bool Tracing { get; init; } = true;
}
