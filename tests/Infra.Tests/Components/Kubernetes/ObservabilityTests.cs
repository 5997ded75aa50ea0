using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;

namespace Infra.Tests.Components.Kubernetes;

public class ObservabilityTests
{
    private static ProgramDocument Stack(LoggingArgs? logging = null, TracingArgs? tracing = null) => ClusterProgram.Synthesize(o =>
    {
        var monitoring = new Monitoring("monitoring", new MonitoringArgs(), o);
        _ = new Logging("logging", (logging ?? new LoggingArgs()) with { Monitoring = monitoring }, o);
        _ = new Tracing("tracing", (tracing ?? new TracingArgs()) with { Monitoring = monitoring }, o);
    });

    [Fact]
    public void Loki_and_alloy_are_pinned_releases_with_retention_from_args()
    {
        var program = Stack(new LoggingArgs { Retention = "336h", Storage = "80Gi" });

        var loki = program.Named("logging-loki");
        Assert.Equal(("loki", "18.13.1", "https://grafana-community.github.io/helm-charts"),
            (loki.Properties.Text("chart"), loki.Properties.Text("version"), loki.Properties.Text("repositoryOpts.repo")));
        Assert.Equal("336h", loki.Properties.Text("values.loki.limits_config.retention_period"));
        Assert.True(loki.Properties.Bool("values.loki.compactor.retention_enabled"));
        Assert.Equal("80Gi", loki.Properties.Text("values.singleBinary.persistence.size"));
        var alloy = program.Named("logging-alloy");
        Assert.Equal(("alloy", "1.11.1", "https://grafana.github.io/helm-charts"),
            (alloy.Properties.Text("chart"), alloy.Properties.Text("version"), alloy.Properties.Text("repositoryOpts.repo")));
        Assert.Contains("url = \"http://loki.logging.svc:3100/loki/api/v1/push\"", alloy.Properties.Text("values.alloy.configMap.content"), StringComparison.Ordinal);
        Assert.False(alloy.Properties.Bool("values.alloy.mounts.varlog"));
    }

    [Fact]
    public void The_collector_and_tracing_backend_are_pinned_releases_with_retention_from_args()
    {
        var program = Stack(tracing: new TracingArgs { Retention = "72h" });

        var tempo = program.Named("tracing-tempo");
        Assert.Equal(("tempo", "3.0.0"), (tempo.Properties.Text("chart"), tempo.Properties.Text("version")));
        Assert.Equal("72h", tempo.Properties.Text("values.tempo.retention"));
        var collector = program.Named("tracing-otel-collector");
        Assert.Equal(("opentelemetry-collector", "0.177.0", "https://open-telemetry.github.io/opentelemetry-helm-charts"),
            (collector.Properties.Text("chart"), collector.Properties.Text("version"), collector.Properties.Text("repositoryOpts.repo")));
        Assert.Equal("tempo.tracing.svc:4317", collector.Properties.Text("values.config.exporters.otlp.endpoint"));
        Assert.Equal(["otlp"], collector.Properties.Strings("values.config.service.pipelines.traces.exporters"));
    }

    [Fact]
    public void Each_stack_can_be_switched_off()
    {
        var all = Stack();
        var without = Stack(new LoggingArgs { Enabled = false }, new TracingArgs { Enabled = false });
        var noCollector = Stack(new LoggingArgs { Collector = LogCollector.None });

        Assert.Contains(all.Resources, r => r.LogicalName == "logging-loki");
        Assert.DoesNotContain(without.Resources, r => r.LogicalName.StartsWith("logging-", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Resources, r => r.LogicalName.StartsWith("tracing-", StringComparison.Ordinal));
        Assert.Contains(noCollector.Resources, r => r.LogicalName == "logging-loki");
        Assert.DoesNotContain(noCollector.Resources, r => r.LogicalName == "logging-alloy");
    }

    [Fact]
    public void Grafana_gets_loki_and_tempo_data_sources_in_its_namespace()
    {
        var program = Stack();

        var loki = program.Named("logging-grafana-datasource");
        Assert.Equal("1", loki.Properties.StringMap("metadata.labels")["grafana_datasource"]);
        Assert.Contains("url: http://loki.logging.svc:3100", loki.Properties.StringMap("data")["loki.yaml"], StringComparison.Ordinal);
        Assert.Contains("url: http://tempo.tracing.svc:3200", program.Named("tracing-grafana-datasource").Properties.StringMap("data")["tempo.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Workloads_reach_the_collector_only_when_they_declare_it()
    {
        var program = ClusterProgram.Synthesize(o =>
        {
            var tracing = new Tracing("tracing", new TracingArgs(), o);
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs { Namespace = ns, Image = "ghcr.io/acme/api:1.0.0", ConnectsTo = [tracing.CollectorEndpoint!] }, o);
        });

        Assert.Equal(
            "api-to-otel-collector [app.kubernetes.io/name=api] Egress: to ns tracing pods app.kubernetes.io/instance=otel-collector,app.kubernetes.io/name=opentelemetry-collector on TCP/4317,TCP/4318",
            NetworkPolicyTests.Describe(program.Named("api-to-otel-collector")));
        Assert.Equal(
            "allow-otlp [app.kubernetes.io/instance=otel-collector,app.kubernetes.io/name=opentelemetry-collector] Ingress: from ns any pods any on TCP/4317,TCP/4318",
            NetworkPolicyTests.Describe(program.Named("tracing-allow-otlp")));
    }

    [Fact]
    public void Invalid_arguments_are_reported_with_exact_messages()
    {
        var error = Assert.Throws<InfraException>(() => Stack(new LoggingArgs { Retention = "a month", Storage = "lots" }));

        Assert.Equal(
        [
            "LoggingArgs.Retention 'a month' is not a duration.",
            "LoggingArgs.Storage 'lots' is not a Kubernetes quantity.",
        ], error.Diagnostics.Select(d => d.Message));
    }
}
