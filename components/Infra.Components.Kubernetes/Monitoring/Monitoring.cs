using System.Runtime.CompilerServices;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Metrics and alerting for the cluster: kube-prometheus-stack (Prometheus, Alertmanager, Grafana) as a pinned
/// Helm release with persistent volumes and retention from args, a generated Grafana admin password kept in a
/// Kubernetes Secret, ServiceMonitors for workloads and Infra's default alert rules.
/// </summary>
/// <example>
/// <code>
/// var monitoring = new Monitoring("monitoring", new MonitoringArgs { PrometheusRetention = "30d", Workloads = [api] },
///     new ComponentResourceOptions { Providers = [k8s] });
/// monitoring.Scrape(frontend);
/// </code>
/// </example>
public sealed class Monitoring : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:Monitoring";

    /// <summary>Labels of the Prometheus pods (set by the Prometheus Operator).</summary>
    public static readonly IReadOnlyDictionary<string, string> PrometheusPods = new Dictionary<string, string> { [K8s.NameLabel] = "prometheus" };

    /// <summary>Labels of the Grafana pods.</summary>
    public static readonly IReadOnlyDictionary<string, string> GrafanaPods = new Dictionary<string, string> { [K8s.NameLabel] = "grafana" };

    private readonly MonitoringArgs args;
    private readonly CustomResource release;
    private readonly HashSet<Workload> scraped = [];

    public Monitoring(string name, MonitoringArgs args, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems(DeclaredAt, name);
        ClusterProvider.Require(this, problems);
        MonitoringSpec.Check(args, problems);
        problems.ThrowIfAny();
        this.args = args;

        Namespace = PlatformNamespace.Create(this, "ns", new NamespaceArgs
        {
            Name = args.NamespaceName,
            PodSecurity = PodSecurityLevel.Privileged,
            PodSecurityReason = "prometheus-node-exporter reads node metrics with hostNetwork, hostPID and a hostPath mount of /",
            Quota = new NamespaceQuota { RequestsCpu = "8", RequestsMemory = "16Gi", LimitsMemory = "32Gi", Pods = 200 },
            Limits = new ContainerLimits { MaxMemory = "16Gi", MaxCpu = "4" },
        });
        PlatformNamespace.AllowWithinNamespace(this, Namespace);
        PlatformNamespace.AllowAllEgress(this, Namespace, "allow-scrape-egress", podLabels: null);

        var password = new CustomResource("random:index/randomPassword:RandomPassword", ChildName("grafana-admin-password"), new Props
        {
            ["length"] = 32,
            ["special"] = false,
        }, ChildOptions);
        GrafanaAdminPassword = Output.CreateSecret<string>(password.GetOutput<string>("result"));
        var adminSecret = new CustomResource("kubernetes:core/v1:Secret", ChildName("grafana-admin"), new Props
        {
            ["metadata"] = new Props { ["name"] = MonitoringValues.GrafanaSecretName, ["namespace"] = Namespace.NameOutput },
            ["type"] = "Opaque",
            ["stringData"] = new Props
            {
                [MonitoringValues.GrafanaUserKey] = "admin",
                [MonitoringValues.GrafanaPasswordKey] = GrafanaAdminPassword,
            },
        }, ChildOptions);

        release = HelmRelease.Create(ChildName("kube-prometheus-stack"), "kube-prometheus-stack", HelmCharts.KubePrometheusStack,
            Namespace.NameOutput, MonitoringValues.Build(args), ChildOptions with { DependsOn = [adminSecret, Namespace] });

        RuleGroups = AlertRules.Build(args.Alerts);
        _ = new CustomResource("kubernetes:yaml/v2:ConfigGroup", ChildName("alert-rules"), new Props
        {
            ["objs"] = Input.List(PrometheusRule()),
        }, ChildOptions with { DependsOn = [release] });

        foreach (var workload in args.Workloads)
        {
            Scrape(workload);
        }

        RegisterOutputs([new("namespace", Namespace.NameOutput), new("grafanaAdminPassword", GrafanaAdminPassword)]);
    }

    /// <summary>The monitoring namespace.</summary>
    public Namespace Namespace { get; }

    /// <summary>The generated Grafana admin password (secret).</summary>
    public Output<string> GrafanaAdminPassword { get; }

    /// <summary>The alert rule groups installed as a PrometheusRule.</summary>
    public IReadOnlyList<AlertRuleGroup> RuleGroups { get; }

    /// <summary>The pods of Grafana, for policies of stacks it reads from (Loki, Tempo).</summary>
    public NetworkPeer Grafana => NetworkPeer.Pods(Namespace.KubernetesName, GrafanaPods);

    /// <summary>
    /// Scrapes <paramref name="workload"/>'s metrics: a ServiceMonitor for its Service and an ingress policy that
    /// lets Prometheus (and only Prometheus) reach its metrics port. Scraping a workload twice changes nothing.
    /// </summary>
    public Monitoring Scrape(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Metrics is not { } metrics || !scraped.Add(workload))
        {
            return this;
        }

        workload.AllowIngress("prometheus", NetworkPeer.Pods(Namespace.KubernetesName, PrometheusPods), [metrics.Port]);
        _ = new CustomResource("kubernetes:yaml/v2:ConfigGroup", ChildName($"scrape-{workload.Name}"), new Props
        {
            ["objs"] = Input.List(new Props
            {
                ["apiVersion"] = "monitoring.coreos.com/v1",
                ["kind"] = "ServiceMonitor",
                ["metadata"] = new Props
                {
                    ["name"] = workload.KubernetesName,
                    ["namespace"] = workload.Namespace.KubernetesName,
                    ["labels"] = new Props { [K8s.ManagedByLabel] = "infra" },
                },
                ["spec"] = new Props
                {
                    ["selector"] = K8s.MatchLabels(workload.SelectorLabels),
                    ["namespaceSelector"] = new Props { ["matchNames"] = new[] { workload.Namespace.KubernetesName } },
                    ["endpoints"] = K8s.List([new Props
                    {
                        ["port"] = metrics.PortName,
                        ["path"] = metrics.Path,
                        ["interval"] = args.ScrapeInterval,
                    }]),
                },
            }),
        }, ChildOptions with { DependsOn = [release, workload] });
        return this;
    }

    private Props PrometheusRule() => new()
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "PrometheusRule",
        ["metadata"] = new Props
        {
            ["name"] = "infra-alerts",
            ["namespace"] = Namespace.KubernetesName,
            ["labels"] = new Props { [K8s.ManagedByLabel] = "infra" },
        },
        ["spec"] = new Props
        {
            ["groups"] = K8s.List(RuleGroups.Select(group => new Props
            {
                ["name"] = group.Name,
                ["rules"] = K8s.List(group.Rules.Select(rule => new Props
                {
                    ["alert"] = rule.Alert,
                    ["expr"] = rule.Expr,
                    ["for"] = rule.For,
                    ["labels"] = new Props { ["severity"] = rule.Severity },
                    ["annotations"] = new Props { ["summary"] = rule.Summary, ["description"] = rule.Description },
                })),
            })),
        },
    };
}
