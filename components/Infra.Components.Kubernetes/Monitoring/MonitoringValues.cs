using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>The kube-prometheus-stack values Infra sets; everything else stays at the chart's defaults.</summary>
internal static class MonitoringValues
{
    public const string GrafanaSecretName = "grafana-admin";
    public const string GrafanaUserKey = "admin-user";
    public const string GrafanaPasswordKey = "admin-password";

    public static Props Build(MonitoringArgs args) => new()
    {
        ["crds"] = new Props { ["enabled"] = true },
        ["defaultRules"] = new Props { ["create"] = true },
        ["prometheusOperator"] = new Props
        {
            // Rules are validated before deploy (promtool in CI); the webhook would need certificates and a patch job.
            ["admissionWebhooks"] = new Props { ["enabled"] = false },
        },
        ["prometheus"] = new Props
        {
            ["prometheusSpec"] = new Props
            {
                ["retention"] = args.PrometheusRetention,
                ["scrapeInterval"] = args.ScrapeInterval,
                // Pick up ServiceMonitors and rules of every release, not only this chart's.
                ["serviceMonitorSelectorNilUsesHelmValues"] = false,
                ["podMonitorSelectorNilUsesHelmValues"] = false,
                ["ruleSelectorNilUsesHelmValues"] = false,
                ["probeSelectorNilUsesHelmValues"] = false,
                ["resources"] = new Props
                {
                    ["requests"] = new Props { ["cpu"] = "500m", ["memory"] = args.PrometheusMemory },
                    ["limits"] = new Props { ["memory"] = args.PrometheusMemory },
                },
                ["storageSpec"] = VolumeClaim(args.PrometheusStorage, args.StorageClassName),
            },
        },
        ["alertmanager"] = new Props
        {
            ["alertmanagerSpec"] = new Props
            {
                ["retention"] = args.AlertmanagerRetention,
                ["storage"] = VolumeClaim(args.AlertmanagerStorage, args.StorageClassName),
            },
        },
        ["grafana"] = new Props
        {
            ["admin"] = new Props
            {
                ["existingSecret"] = GrafanaSecretName,
                ["userKey"] = GrafanaUserKey,
                ["passwordKey"] = GrafanaPasswordKey,
            },
            ["persistence"] = new Props
            {
                ["enabled"] = true,
                ["size"] = args.GrafanaStorage,
                ["storageClassName"] = args.StorageClassName,
            },
            // The chown init container runs as root; the volume's group ownership comes from fsGroup instead.
            ["initChownData"] = new Props { ["enabled"] = false },
        },
    };

    private static Props VolumeClaim(string size, string? storageClass) => new()
    {
        ["volumeClaimTemplate"] = new Props
        {
            ["spec"] = new Props
            {
                ["storageClassName"] = storageClass,
                ["accessModes"] = new[] { "ReadWriteOnce" },
                ["resources"] = new Props { ["requests"] = new Props { ["storage"] = size } },
            },
        },
    };
}
