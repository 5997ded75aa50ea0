using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

using Infra.Tests.Support;

namespace Infra.Tests.Components.Kubernetes;

public class MonitoringTests
{
    private static ProgramDocument MonitoredShop(MonitoringArgs? args = null) => ClusterProgram.Synthesize(o =>
    {
        var shop = new Shop(o);
        var monitoring = new Monitoring("monitoring", (args ?? new MonitoringArgs()) with { Workloads = [shop.Backend] }, o);
        monitoring.Scrape(shop.Frontend).Scrape(shop.Gateway).Scrape(shop.Backend);
    });

    private static Node RuleGroups(ProgramDocument program)
    {
        var group = program.Named("monitoring-alert-rules");
        var rule = Assert.Single(group.Properties.Items("objs"));
        Assert.Equal("PrometheusRule", rule.Text("kind"));
        return rule.At("spec.groups")!;
    }

    [Fact]
    public void The_stack_is_a_pinned_helm_release_with_storage_and_retention_from_args()
    {
        var program = MonitoredShop(new MonitoringArgs { PrometheusRetention = "30d", PrometheusStorage = "100Gi", StorageClassName = "fast" });

        var release = program.Named("monitoring-kube-prometheus-stack");
        Assert.Equal("kubernetes:helm.sh/v3:Release", release.Type);
        Assert.Equal("kube-prometheus-stack", release.Properties.Text("chart"));
        Assert.Equal("92.15.0", release.Properties.Text("version"));
        Assert.Equal("https://prometheus-community.github.io/helm-charts", release.Properties.Text("repositoryOpts.repo"));
        var prometheus = release.Properties.At("values.prometheus.prometheusSpec");
        Assert.Equal("30d", prometheus.Text("retention"));
        Assert.Equal("100Gi", prometheus.Text("storageSpec.volumeClaimTemplate.spec.resources.requests.storage"));
        Assert.Equal("fast", prometheus.Text("storageSpec.volumeClaimTemplate.spec.storageClassName"));
        Assert.False(prometheus.Bool("serviceMonitorSelectorNilUsesHelmValues"));
        Assert.Equal("5Gi", release.Properties.Text("values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.resources.requests.storage"));
        Assert.True(release.Properties.Bool("values.grafana.persistence.enabled"));
        Assert.Equal("k8s", release.ProviderKey());
    }

    [Fact]
    public void Grafana_admin_password_is_generated_kept_secret_and_referenced_by_the_chart()
    {
        var program = MonitoredShop();

        var password = program.Named("monitoring-grafana-admin-password");
        Assert.Equal("random:index/randomPassword:RandomPassword", password.Type);
        var secret = program.Named("monitoring-grafana-admin");
        var value = Assert.IsType<FunctionNode>(secret.Properties.At("stringData.admin-password"));
        Assert.Equal("secret", value.Name);
        Assert.Equal("monitoring-grafana-admin-password.result", Assert.IsType<ReferenceNode>(value.Argument).ToExpressionText());
        var grafana = program.Named("monitoring-kube-prometheus-stack").Properties.At("values.grafana.admin");
        Assert.Equal(secret.Properties.Text("metadata.name"), grafana.Text("existingSecret"));
        Assert.Equal("admin-password", grafana.Text("passwordKey"));
        Assert.Contains(program.Named("monitoring-kube-prometheus-stack").Options.Items("dependsOn"),
            d => ((ReferenceNode)d).Root == secret.Key);
    }

    [Fact]
    public void Workloads_get_a_service_monitor_and_only_prometheus_may_reach_their_metrics_port()
    {
        var program = MonitoredShop();

        var monitors = program.OfType("kubernetes:yaml/v2:ConfigGroup").Where(g => g.LogicalName.StartsWith("monitoring-scrape-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["monitoring-scrape-backend", "monitoring-scrape-frontend", "monitoring-scrape-api-gateway"], monitors.Select(m => m.LogicalName));
        var backend = Assert.Single(monitors[0].Properties.Items("objs"));
        Assert.Equal("ServiceMonitor", backend.Text("kind"));
        Assert.Equal("shop", backend.Text("metadata.namespace"));
        var endpoint = Assert.Single(backend.Items("spec.endpoints"));
        Assert.Equal("metrics", endpoint.Text("port"));
        Assert.Equal("/metrics", endpoint.Text("path"));
        Assert.Equal("http", Assert.Single(monitors[1].Properties.Items("objs")).Items("spec.endpoints")[0].Text("port"));
        Assert.Equal(
            "backend-from-prometheus [app.kubernetes.io/name=backend] Ingress: from ns monitoring pods app.kubernetes.io/name=prometheus on TCP/9090",
            NetworkPolicyTests.Describe(program.Named("backend-from-prometheus")));
        var servicePorts = program.Named("backend-service").Properties.Items("spec.ports").Select(p => p.Text("name"));
        Assert.Equal(["http", "metrics"], servicePorts);
    }

    [Fact]
    public void Custom_resources_wait_for_the_chart_that_installs_their_definitions()
    {
        var program = MonitoredShop();
        var release = program.Named("monitoring-kube-prometheus-stack").Key;

        var groups = program.OfType("kubernetes:yaml/v2:ConfigGroup").ToList();
        Assert.Equal(4, groups.Count);
        Assert.All(groups, g => Assert.Contains(g.Options.Items("dependsOn"), d => ((ReferenceNode)d).Root == release));
    }

    [Fact]
    public void Default_rules_cover_the_required_alerts_with_thresholds_from_args()
    {
        var groups = AlertRules.Build(new AlertThresholds { LatencyP95Seconds = 0.5, KafkaConsumerLag = 5000, CertificateExpiryDays = 21 });

        Assert.Equal(
            ["PodCrashLooping", "ContainerHighCpu", "ContainerHighMemory", "HighErrorRate", "HighLatencyP95", "DatabaseConnectionErrors",
             "BackupOverdue", "KafkaConsumerLag", "CertificateExpiresSoon", "PersistentVolumeFillingUp"],
            groups.SelectMany(g => g.Rules).Select(r => r.Alert));
        var rules = groups.SelectMany(g => g.Rules).ToDictionary(r => r.Alert);
        Assert.EndsWith("> 0.5", rules["HighLatencyP95"].Expr, StringComparison.Ordinal);
        Assert.StartsWith("histogram_quantile(0.95,", rules["HighLatencyP95"].Expr, StringComparison.Ordinal);
        Assert.EndsWith("> 5000", rules["KafkaConsumerLag"].Expr, StringComparison.Ordinal);
        Assert.EndsWith("< 21", rules["CertificateExpiresSoon"].Expr, StringComparison.Ordinal);
        Assert.EndsWith("> 1", AlertRules.Build(new AlertThresholds()).SelectMany(g => g.Rules).Single(r => r.Alert == "HighLatencyP95").Expr, StringComparison.Ordinal);
    }

    [ExternalToolFact("promtool", "prometheus")]
    public void Every_generated_rule_passes_promtool_check_rules()
    {
        Assert.True(Promtool.Executable is not null,
            "promtool not found on PATH and CI=true requires it: install the Debian package prometheus in .ci/run.");
        var program = MonitoredShop(new MonitoringArgs { Alerts = new AlertThresholds { ErrorRatePercent = 2.5, VolumeFreePercent = 15 } });

        var (exitCode, output) = Promtool.CheckRules(RuleGroups(program));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 10 rules found", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three backup CronJobs and one other job over 30 hours: one last succeeded at the start, one never did, one
    /// succeeds every hour. Only the first two are overdue, and only once their age passes the threshold.
    /// </summary>
    [ExternalToolFact("promtool", "prometheus")]
    public void Backup_overdue_fires_for_stale_and_never_successful_backups_only()
    {
        Assert.True(Promtool.Executable is not null, Promtool.NotFound);
        var program = MonitoredShop();
        const string Series = "{job=\"kube-state-metrics\", namespace=\"data\", cronjob=";
        var tests = $$"""
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
                  - series: 'kube_cronjob_status_last_successful_time{{Series}}"orders-db-backup"}'
                    values: '0x1800'
                  - series: 'kube_cronjob_created{{Series}}"orders-db-backup"}'
                    values: '0x1800'
                  - series: 'kube_cronjob_created{{Series}}"events-backup"}'
                    values: '0x1800'
                  - series: 'kube_cronjob_status_last_successful_time{{Series}}"catalog-backup"}'
                    values: '0+60x1800'
                  - series: 'kube_cronjob_created{{Series}}"catalog-backup"}'
                    values: '0x1800'
                  - series: 'kube_cronjob_created{{Series}}"nightly-report"}'
                    values: '0x1800'
                alert_rule_test:
                  - eval_time: 25h
                    alertname: BackupOverdue
                    exp_alerts: []
                  - eval_time: 28h
                    alertname: BackupOverdue
                    exp_alerts:
            {{Expected("orders-db-backup")}}
            {{Expected("events-backup")}}
            """;

        var (exitCode, output) = Promtool.TestRules(RuleGroups(program), tests);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);

        static string Expected(string cronJob) => $$"""
                  - exp_labels: {severity: critical, namespace: data, cronjob: {{cronJob}}}
                    exp_annotations:
                      summary: 'Backup data/{{cronJob}} has not succeeded in time'
                      description: 'Its last success (or its creation, if it never succeeded) was 28.0 hours ago (threshold 26 hours). Check the job''s pods: kubectl -n data get jobs.'
        """;
    }

    [ExternalToolFact("promtool", "prometheus")]
    public void Promtool_rejects_a_broken_rule_so_the_check_above_can_fail()
    {
        Assert.True(Promtool.Executable is not null, Promtool.NotFound);
        var broken = new Props
        {
            ["name"] = "broken",
            ["rules"] = Input.List(new Props { ["alert"] = "Broken", ["expr"] = "sum by (job (up)", ["for"] = "5m" }),
        };

        var (exitCode, output) = Promtool.CheckRules(new ListNode([broken.ToNode()]));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_monitoring_namespace_is_privileged_only_with_a_reason_and_keeps_default_deny()
    {
        var program = MonitoredShop();

        var ns = program.Named("monitoring-ns");
        Assert.Equal("privileged", ns.Properties.StringMap("metadata.labels")["pod-security.kubernetes.io/enforce"]);
        Assert.StartsWith("prometheus-node-exporter", ns.Properties.StringMap("metadata.annotations")["infra.dev/pod-security-reason"], StringComparison.Ordinal);
        Assert.Equal("default-deny [*] Ingress Egress: ", NetworkPolicyTests.Describe(program.Named("monitoring-ns-default-deny")));
    }

    [Fact]
    public void Invalid_thresholds_and_durations_are_reported_together()
    {
        var error = Assert.Throws<InfraException>(() => MonitoredShop(new MonitoringArgs
        {
            PrometheusRetention = "15 days",
            Alerts = new AlertThresholds
            {
                MemoryPercentOfLimit = 120,
                LatencyP95Seconds = 0,
                HttpDurationMetric = "http-duration",
                BackupCronJobPattern = "backup\"} or vector(1",
            },
        }));

        Assert.Equal(
        [
            "MonitoringArgs.PrometheusRetention '15 days' is not a duration.",
            "MonitoringArgs.Alerts.MemoryPercentOfLimit 120 is not a percentage between 0 and 100.",
            "MonitoringArgs.Alerts.LatencyP95Seconds is 0; an alert threshold must be above 0.",
            "MonitoringArgs.Alerts.BackupCronJobPattern 'backup\"} or vector(1' is not a CronJob name pattern.",
            "MonitoringArgs.Alerts.HttpDurationMetric 'http-duration' is not a Prometheus metric or label name.",
        ], error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Everything_emitted_matches_the_provider_schemas()
    {
        var program = MonitoredShop();

        Assert.Empty(program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).SelectMany(ProviderSchema.Load("kubernetes").Problems));
        Assert.Empty(program.OfType("random:index/randomPassword:RandomPassword").SelectMany(ProviderSchema.Load("random").Problems));
    }
}
