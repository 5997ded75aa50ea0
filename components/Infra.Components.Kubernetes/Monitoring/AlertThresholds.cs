namespace Infra.Components.Kubernetes;

/// <summary>
/// Thresholds of the default alert rules. The HTTP rules read the OpenTelemetry semantic-convention histogram
/// (<c>http.server.request.duration</c>, exported to Prometheus as <c>http_server_request_duration_seconds</c>);
/// name another metric here if the services are instrumented differently.
/// </summary>
public sealed record AlertThresholds
{
    /// <summary>Restarts of one container within 15 minutes that count as crash looping. Default: 3.</summary>
    public int CrashLoopRestarts { get; init; } = 3;

    /// <summary>CPU use of a container, in percent of its request, sustained for 15 minutes. Default: 90.</summary>
    public double CpuPercentOfRequest { get; init; } = 90;

    /// <summary>Memory working set of a container, in percent of its limit, sustained for 10 minutes. Default: 90.</summary>
    public double MemoryPercentOfLimit { get; init; } = 90;

    /// <summary>Share of HTTP responses with a 5xx status, in percent, over 5 minutes. Default: 5.</summary>
    public double ErrorRatePercent { get; init; } = 5;

    /// <summary>95th percentile of HTTP request duration, in seconds. Default: 1.</summary>
    public double LatencyP95Seconds { get; init; } = 1;

    /// <summary>Connection errors (pool timeouts) of database clients within 5 minutes. Default: 5.</summary>
    public int DatabaseConnectionErrors { get; init; } = 5;

    /// <summary>Messages a Kafka consumer group is behind on a topic, sustained for 10 minutes. Default: 1000.</summary>
    public long KafkaConsumerLag { get; init; } = 1000;

    /// <summary>Days before a certificate expires that raise an alert. Default: 14.</summary>
    public int CertificateExpiryDays { get; init; } = 14;

    /// <summary>Free space of a persistent volume, in percent, below which it is filling up. Default: 10.</summary>
    public double VolumeFreePercent { get; init; } = 10;

    /// <summary>Hours since a backup CronJob last succeeded (or was created, if it never has) that raise an alert. Default: 26 (a daily job plus slack).</summary>
    public double BackupMaxAgeHours { get; init; } = 26;

    /// <summary>Regular expression (PromQL, fully anchored) matching the names of the backup CronJobs to watch. Default: .*backup.*.</summary>
    public string BackupCronJobPattern { get; init; } = ".*backup.*";

    /// <summary>The request-duration histogram (without <c>_bucket</c>/<c>_count</c>). Default: http_server_request_duration_seconds.</summary>
    public string HttpDurationMetric { get; init; } = "http_server_request_duration_seconds";

    /// <summary>The label holding the HTTP status code. Default: http_response_status_code.</summary>
    public string HttpStatusLabel { get; init; } = "http_response_status_code";

    /// <summary>The counter of database connection errors. Default: db_client_connection_timeouts_total (OpenTelemetry).</summary>
    public string DatabaseConnectionErrorMetric { get; init; } = "db_client_connection_timeouts_total";

    /// <summary>The consumer lag gauge (Kafka exporter, Strimzi). Default: kafka_consumergroup_lag.</summary>
    public string KafkaLagMetric { get; init; } = "kafka_consumergroup_lag";
}
