using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Kubernetes.Internal;

namespace Infra.Components.Kubernetes;

/// <summary>Checks of <see cref="MonitoringArgs"/> (its defaults live on the record itself).</summary>
internal static partial class MonitoringSpec
{
    public static void Check(MonitoringArgs args, ArgsProblems problems)
    {
        if (!KubernetesNames.IsLabel(args.NamespaceName))
        {
            problems.Add("MonitoringArgs.NamespaceName", args.NamespaceName, $"MonitoringArgs.NamespaceName '{args.NamespaceName}' is not a valid namespace name.",
                KubernetesNames.LabelRule, "Use e.g. 'monitoring'.");
        }

        Duration(problems, "MonitoringArgs.PrometheusRetention", args.PrometheusRetention);
        Duration(problems, "MonitoringArgs.ScrapeInterval", args.ScrapeInterval);
        Duration(problems, "MonitoringArgs.AlertmanagerRetention", args.AlertmanagerRetention);
        NamespaceSpec.CheckQuantity(problems, "MonitoringArgs.PrometheusStorage", args.PrometheusStorage);
        NamespaceSpec.CheckQuantity(problems, "MonitoringArgs.PrometheusMemory", args.PrometheusMemory);
        NamespaceSpec.CheckQuantity(problems, "MonitoringArgs.AlertmanagerStorage", args.AlertmanagerStorage);
        NamespaceSpec.CheckQuantity(problems, "MonitoringArgs.GrafanaStorage", args.GrafanaStorage);

        var t = args.Alerts;
        Positive(problems, "MonitoringArgs.Alerts.CrashLoopRestarts", t.CrashLoopRestarts);
        Percent(problems, "MonitoringArgs.Alerts.CpuPercentOfRequest", t.CpuPercentOfRequest, max: 1000);
        Percent(problems, "MonitoringArgs.Alerts.MemoryPercentOfLimit", t.MemoryPercentOfLimit, max: 100);
        Percent(problems, "MonitoringArgs.Alerts.ErrorRatePercent", t.ErrorRatePercent, max: 100);
        Percent(problems, "MonitoringArgs.Alerts.VolumeFreePercent", t.VolumeFreePercent, max: 100);
        Positive(problems, "MonitoringArgs.Alerts.LatencyP95Seconds", t.LatencyP95Seconds);
        Positive(problems, "MonitoringArgs.Alerts.DatabaseConnectionErrors", t.DatabaseConnectionErrors);
        Positive(problems, "MonitoringArgs.Alerts.KafkaConsumerLag", t.KafkaConsumerLag);
        Positive(problems, "MonitoringArgs.Alerts.CertificateExpiryDays", t.CertificateExpiryDays);
        Positive(problems, "MonitoringArgs.Alerts.BackupMaxAgeHours", t.BackupMaxAgeHours);
        if (string.IsNullOrEmpty(t.BackupCronJobPattern) || !CronJobPattern().IsMatch(t.BackupCronJobPattern))
        {
            problems.Add("MonitoringArgs.Alerts.BackupCronJobPattern", t.BackupCronJobPattern,
                $"MonitoringArgs.Alerts.BackupCronJobPattern '{t.BackupCronJobPattern}' is not a CronJob name pattern.",
                "a regular expression of name characters and . * + ? | ( ) [ ] ^ $ (no quotes or backslashes, which would break the PromQL string)",
                "Write e.g. '.*backup.*' or 'orders-db-backup|events-backup'.");
        }

        foreach (var (key, metric) in new[]
        {
            ("MonitoringArgs.Alerts.HttpDurationMetric", t.HttpDurationMetric),
            ("MonitoringArgs.Alerts.HttpStatusLabel", t.HttpStatusLabel),
            ("MonitoringArgs.Alerts.DatabaseConnectionErrorMetric", t.DatabaseConnectionErrorMetric),
            ("MonitoringArgs.Alerts.KafkaLagMetric", t.KafkaLagMetric),
        })
        {
            if (!KubernetesNames.IsEnvName(metric ?? ""))
            {
                problems.Add(key, metric, $"{key} '{metric}' is not a Prometheus metric or label name.",
                    "letters, digits and '_', not starting with a digit", "Write the name as Prometheus shows it, e.g. http_server_request_duration_seconds.");
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9.*+?|()\[\]^$-]+$")]
    private static partial Regex CronJobPattern();

    private static void Duration(ArgsProblems problems, string key, string value)
    {
        if (!Quantities.IsDuration(value))
        {
            problems.Add(key, value, $"{key} '{value}' is not a duration.", Quantities.DurationRule, "Write e.g. '15d' or '30s'.");
        }
    }

    private static void Positive(ArgsProblems problems, string key, double value)
    {
        if (!(value > 0))
        {
            problems.Add(key, value.ToString(CultureInfo.InvariantCulture), $"{key} is {value.ToString(CultureInfo.InvariantCulture)}; an alert threshold must be above 0.",
                "a positive threshold", "Give the level at which someone should be woken up or warned.");
        }
    }

    private static void Percent(ArgsProblems problems, string key, double value, double max)
    {
        if (!(value > 0 && value <= max))
        {
            problems.Add(key, value.ToString(CultureInfo.InvariantCulture), $"{key} {value.ToString(CultureInfo.InvariantCulture)} is not a percentage between 0 and {max.ToString(CultureInfo.InvariantCulture)}.",
                $"above 0 and at most {max.ToString(CultureInfo.InvariantCulture)}", "Give a percentage such as 90.");
        }
    }
}
