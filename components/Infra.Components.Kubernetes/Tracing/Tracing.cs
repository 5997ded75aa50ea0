using System.Runtime.CompilerServices;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Distributed tracing: an OpenTelemetry collector that services send OTLP to, and a tracing backend (Tempo)
/// it exports to, both pinned Helm releases. Switchable: <see cref="TracingArgs.Enabled"/>. Workloads reach the
/// collector by listing <see cref="CollectorEndpoint"/> in <see cref="WorkloadArgs.ConnectsTo"/>.
/// </summary>
/// <example>
/// <code>
/// var tracing = new Tracing("tracing", new TracingArgs { Monitoring = monitoring }, new ComponentResourceOptions { Providers = [k8s] });
/// var api = new Workload("api", new WorkloadArgs { Namespace = shop, Image = "…:1.0.0", ConnectsTo = [tracing.CollectorEndpoint!] }, …);
/// </code>
/// </example>
public sealed class Tracing : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:Tracing";

    public Tracing(string name, TracingArgs args, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Enabled)
        {
            return;
        }

        var problems = new ArgsProblems(DeclaredAt, name);
        ClusterProvider.Require(this, problems);
        ChartPlatform.CheckNamespace(problems, "TracingArgs.NamespaceName", args.NamespaceName);
        ChartPlatform.CheckStorage(problems, "TracingArgs", args.Retention, args.Storage);
        if (args.CollectorReplicas < 1)
        {
            problems.Add("TracingArgs.CollectorReplicas", args.CollectorReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"TracingArgs.CollectorReplicas is {args.CollectorReplicas}; no collector would receive spans.", "at least 1",
                "Use 2 so that a rollout never drops spans.");
        }

        problems.ThrowIfAny();

        Namespace = PlatformNamespace.Create(this, "ns", new NamespaceArgs
        {
            Name = args.NamespaceName,
            PodSecurity = PodSecurityLevel.Baseline,
            PodSecurityReason = ChartPlatform.ChartPodSecurityReason,
        });
        PlatformNamespace.AllowWithinNamespace(this, Namespace);
        PlatformNamespace.AllowFromCluster(this, Namespace, "allow-otlp", TracingValues.CollectorPods,
            [TracingValues.OtlpGrpcPort, TracingValues.OtlpHttpPort]);

        var backend = HelmRelease.Create(ChildName("tempo"), "tempo", HelmCharts.Tempo, Namespace.NameOutput, TracingValues.Tempo(args),
            ChildOptions with { DependsOn = [Namespace] });
        _ = HelmRelease.Create(ChildName("otel-collector"), TracingValues.CollectorName, HelmCharts.OpenTelemetryCollector,
            Namespace.NameOutput, TracingValues.Collector(args), ChildOptions with { DependsOn = [backend] });

        CollectorEndpoint = new ServiceEndpoint
        {
            Name = TracingValues.CollectorName,
            Host = $"{TracingValues.CollectorName}.{args.NamespaceName}.svc",
            Ports = [TracingValues.OtlpGrpcPort, TracingValues.OtlpHttpPort],
            InCluster = new InClusterSelector(args.NamespaceName, TracingValues.CollectorPods),
        };
        TempoUrl = TracingValues.TempoUrl(args.NamespaceName);

        if (args.Monitoring is { } monitoring)
        {
            PlatformNamespace.AllowFromNamespace(this, Namespace, "allow-grafana", monitoring.Grafana, TracingValues.TempoPods, [TracingValues.TempoPort]);
            PlatformNamespace.AllowFromNamespace(this, Namespace, "allow-prometheus",
                NetworkPeer.Pods(monitoring.Namespace.KubernetesName, Monitoring.PrometheusPods), new Dictionary<string, string>(),
                [TracingValues.TempoPort, TracingValues.CollectorMetricsPort]);
            ChartPlatform.GrafanaDataSource(this, monitoring, "tempo", "tempo", TempoUrl);
        }

        RegisterOutputs([new("tempoUrl", TempoUrl)]);
    }

    /// <summary>The tracing namespace; null when the stack is disabled.</summary>
    public Namespace? Namespace { get; }

    /// <summary>The OTLP endpoint (gRPC 4317, HTTP 4318) workloads connect to; null when the stack is disabled.</summary>
    public ServiceEndpoint? CollectorEndpoint { get; }

    /// <summary>Tempo's query URL; null when the stack is disabled.</summary>
    public string? TempoUrl { get; }
}
