using System.Globalization;

namespace Infra.Components.Kubernetes;

/// <summary>One alerting rule of a Prometheus rule group.</summary>
public sealed record AlertRule(string Alert, string Expr, string For, string Severity, string Summary, string Description);

/// <summary>A named group of alerting rules, evaluated together.</summary>
public sealed record AlertRuleGroup(string Name, IReadOnlyList<AlertRule> Rules);

/// <summary>The default alert rules Infra installs, with thresholds from <see cref="AlertThresholds"/>.</summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertRuleGroup> Build(AlertThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var http = t.HttpDurationMetric;
        return
        [
            new("infra.workloads",
            [
                new("PodCrashLooping",
                    $"increase(kube_pod_container_status_restarts_total{{job=\"kube-state-metrics\"}}[15m]) > {N(t.CrashLoopRestarts)}",
                    "5m", "critical", "Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} is crash looping",
                    $"It restarted {{{{ $value | printf \"%.0f\" }}}} times in 15 minutes (threshold {N(t.CrashLoopRestarts)})."),
                new("ContainerHighCpu",
                    "100 * sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!=\"\", image!=\"\"}[5m]))"
                    + " / sum by (namespace, pod, container) (kube_pod_container_resource_requests{job=\"kube-state-metrics\", resource=\"cpu\"})"
                    + $" > {N(t.CpuPercentOfRequest)}",
                    "15m", "warning", "{{ $labels.namespace }}/{{ $labels.pod }} uses more CPU than it requests",
                    $"Container {{{{ $labels.container }}}} uses {{{{ $value | printf \"%.0f\" }}}}% of its CPU request (threshold {N(t.CpuPercentOfRequest)}%)."),
                new("ContainerHighMemory",
                    "100 * sum by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\", image!=\"\"})"
                    + " / sum by (namespace, pod, container) (kube_pod_container_resource_limits{job=\"kube-state-metrics\", resource=\"memory\"})"
                    + $" > {N(t.MemoryPercentOfLimit)}",
                    "10m", "warning", "{{ $labels.namespace }}/{{ $labels.pod }} is close to its memory limit",
                    $"Container {{{{ $labels.container }}}} uses {{{{ $value | printf \"%.0f\" }}}}% of its memory limit (threshold {N(t.MemoryPercentOfLimit)}%); it will be killed at 100%."),
                new("HighErrorRate",
                    $"100 * sum by (namespace, job) (rate({http}_count{{{t.HttpStatusLabel}=~\"5..\"}}[5m]))"
                    + $" / sum by (namespace, job) (rate({http}_count[5m])) > {N(t.ErrorRatePercent)}",
                    "5m", "critical", "{{ $labels.namespace }}/{{ $labels.job }} answers with server errors",
                    $"{{{{ $value | printf \"%.1f\" }}}}% of requests failed with a 5xx status in the last 5 minutes (threshold {N(t.ErrorRatePercent)}%)."),
                new("HighLatencyP95",
                    $"histogram_quantile(0.95, sum by (namespace, job, le) (rate({http}_bucket[5m]))) > {N(t.LatencyP95Seconds)}",
                    "10m", "warning", "{{ $labels.namespace }}/{{ $labels.job }} is slow",
                    $"95% of requests take up to {{{{ $value | printf \"%.2f\" }}}}s (threshold {N(t.LatencyP95Seconds)}s)."),
            ]),
            new("infra.data",
            [
                new("DatabaseConnectionErrors",
                    $"sum by (namespace, job) (increase({t.DatabaseConnectionErrorMetric}[5m])) > {N(t.DatabaseConnectionErrors)}",
                    "5m", "critical", "{{ $labels.namespace }}/{{ $labels.job }} cannot get database connections",
                    $"{{{{ $value | printf \"%.0f\" }}}} connection errors in 5 minutes (threshold {N(t.DatabaseConnectionErrors)})."),
                new("BackupOverdue", BackupAge(t), "15m", "critical",
                    "Backup {{ $labels.namespace }}/{{ $labels.cronjob }} has not succeeded in time",
                    $"Its last success (or its creation, if it never succeeded) was {{{{ $value | printf \"%.1f\" }}}} hours ago (threshold {N(t.BackupMaxAgeHours)} hours)."
                    + " Check the job's pods: kubectl -n {{ $labels.namespace }} get jobs."),
                new("KafkaConsumerLag",
                    $"sum by (consumergroup, topic) ({t.KafkaLagMetric}) > {N(t.KafkaConsumerLag)}",
                    "10m", "warning", "Consumer group {{ $labels.consumergroup }} falls behind on {{ $labels.topic }}",
                    $"It is {{{{ $value | printf \"%.0f\" }}}} messages behind (threshold {N(t.KafkaConsumerLag)})."),
            ]),
            new("infra.platform",
            [
                new("CertificateExpiresSoon",
                    $"(certmanager_certificate_expiration_timestamp_seconds - time()) / 86400 < {N(t.CertificateExpiryDays)}",
                    "1h", "warning", "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires soon",
                    $"It expires in {{{{ $value | printf \"%.1f\" }}}} days (threshold {N(t.CertificateExpiryDays)} days) and has not been renewed."),
                new("PersistentVolumeFillingUp",
                    "100 * kubelet_volume_stats_available_bytes{job=\"kubelet\"} / kubelet_volume_stats_capacity_bytes{job=\"kubelet\"}"
                    + $" < {N(t.VolumeFreePercent)}",
                    "5m", "warning", "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is filling up",
                    $"Only {{{{ $value | printf \"%.1f\" }}}}% of it is free (threshold {N(t.VolumeFreePercent)}%)."),
            ]),
        ];
    }

    /// <summary>
    /// Hours since each watched CronJob last succeeded; a job that never succeeded counts from its creation, so a
    /// backup that has failed from the start alerts too.
    /// </summary>
    private static string BackupAge(AlertThresholds t)
    {
        var jobs = $"job=\"kube-state-metrics\", cronjob=~\"{t.BackupCronJobPattern}\"";
        return $"(time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{{{jobs}}})) / 3600 > {N(t.BackupMaxAgeHours)}"
            + $" or ((time() - max by (namespace, cronjob) (kube_cronjob_created{{{jobs}}})) / 3600 > {N(t.BackupMaxAgeHours)}"
            + $" unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{{{jobs}}})";
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
