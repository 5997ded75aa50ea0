using System.Runtime.CompilerServices;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Central logs: Loki (pinned Helm release, retention from args, on a persistent volume) and a collector
/// (Grafana Alloy by default) shipping every container's logs to it. Switchable: <see cref="LoggingArgs.Enabled"/>.
/// </summary>
/// <example>
/// <code>
/// var logging = new Logging("logging", new LoggingArgs { Retention = "336h", Monitoring = monitoring },
///     new ComponentResourceOptions { Providers = [k8s] });
/// </code>
/// </example>
public sealed class Logging : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:Logging";

    private static readonly IReadOnlyDictionary<string, string> LokiPods = new Dictionary<string, string> { [K8s.NameLabel] = "loki" };
    private static readonly IReadOnlyDictionary<string, string> AlloyPods = new Dictionary<string, string> { [K8s.NameLabel] = "alloy" };

    public Logging(string name, LoggingArgs args, ComponentResourceOptions? options = null,
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
        ChartPlatform.CheckNamespace(problems, "LoggingArgs.NamespaceName", args.NamespaceName);
        ChartPlatform.CheckStorage(problems, "LoggingArgs", args.Retention, args.Storage);
        NamespaceSpec.CheckQuantity(problems, "LoggingArgs.LokiMemory", args.LokiMemory);
        problems.ThrowIfAny();

        Namespace = PlatformNamespace.Create(this, "ns", new NamespaceArgs
        {
            Name = args.NamespaceName,
            PodSecurity = PodSecurityLevel.Baseline,
            PodSecurityReason = ChartPlatform.ChartPodSecurityReason,
            Quota = new NamespaceQuota { RequestsMemory = "16Gi", LimitsMemory = "32Gi", Pods = 300 },
            Limits = new ContainerLimits { MaxMemory = "8Gi" },
        });
        PlatformNamespace.AllowWithinNamespace(this, Namespace);

        var loki = HelmRelease.Create(ChildName("loki"), "loki", HelmCharts.Loki, Namespace.NameOutput, LoggingValues.Loki(args),
            ChildOptions with { DependsOn = [Namespace] });
        LokiUrl = LoggingValues.LokiUrl(args.NamespaceName);

        if (args.Collector == LogCollector.Alloy)
        {
            // Alloy reads logs and pod metadata from the API server, whose address differs per cluster.
            PlatformNamespace.AllowAllEgress(this, Namespace, "allow-alloy-egress", AlloyPods);
            _ = HelmRelease.Create(ChildName("alloy"), "alloy", HelmCharts.Alloy, Namespace.NameOutput, LoggingValues.Alloy(args.NamespaceName),
                ChildOptions with { DependsOn = [loki] });
        }

        if (args.Monitoring is { } monitoring)
        {
            PlatformNamespace.AllowFromNamespace(this, Namespace, "allow-grafana", monitoring.Grafana, LokiPods, [LoggingValues.LokiPort]);
            PlatformNamespace.AllowFromNamespace(this, Namespace, "allow-prometheus",
                NetworkPeer.Pods(monitoring.Namespace.KubernetesName, Monitoring.PrometheusPods), new Dictionary<string, string>(),
                [LoggingValues.LokiPort, LoggingValues.AlloyPort]);
            ChartPlatform.GrafanaDataSource(this, monitoring, "loki", "loki", LokiUrl);
        }

        RegisterOutputs([new("lokiUrl", LokiUrl)]);
    }

    /// <summary>The logging namespace; null when the stack is disabled.</summary>
    public Namespace? Namespace { get; }

    /// <summary>Loki's in-cluster URL (push and query API); null when the stack is disabled.</summary>
    public string? LokiUrl { get; }
}
