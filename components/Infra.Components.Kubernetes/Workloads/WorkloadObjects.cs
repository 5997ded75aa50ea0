using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>The Kubernetes objects of a workload, built from its resolved spec.</summary>
internal static class WorkloadObjects
{
    public const string HttpPortName = "http";
    public const string MetricsPortName = "metrics";

    /// <summary>The name of the port Prometheus scrapes (a separate one only when metrics are served elsewhere).</summary>
    public static string ScrapePortName(WorkloadSpec spec) => spec.MetricsPort == spec.Args.Port ? HttpPortName : MetricsPortName;

    public static Props DeploymentSpec(WorkloadSpec spec, Input serviceAccount, Output<string>? configMap, Output<string>? secret) => new()
    {
        // Written for the first rollout; the autoscaler owns it afterwards (the resource ignores later changes).
        ["replicas"] = spec.Args.MinReplicas,
        ["revisionHistoryLimit"] = 5,
        ["selector"] = K8s.MatchLabels(spec.SelectorLabels),
        ["strategy"] = new Props
        {
            ["type"] = "RollingUpdate",
            ["rollingUpdate"] = new Props { ["maxUnavailable"] = 0, ["maxSurge"] = 1 },
        },
        ["template"] = new Props
        {
            ["metadata"] = new Props { ["labels"] = K8s.Map(spec.Labels) },
            ["spec"] = PodSpec(spec, serviceAccount, configMap, secret),
        },
    };

    private static Props PodSpec(WorkloadSpec spec, Input serviceAccount, Output<string>? configMap, Output<string>? secret)
    {
        var args = spec.Args;
        var scratch = args.WritablePaths.Select((path, i) => (Name: $"scratch-{i}", Path: path)).ToList();
        return new Props
        {
            ["serviceAccountName"] = serviceAccount,
            ["automountServiceAccountToken"] = false,
            ["securityContext"] = K8s.PodSecurityContext(args.RunAsUser),
            ["containers"] = K8s.List([new Props
            {
                ["name"] = spec.Name,
                ["image"] = args.Image,
                ["command"] = args.Command is null ? default : Input.List(args.Command.Select(c => (Input)c)),
                ["args"] = args.Arguments is null ? default : Input.List(args.Arguments.Select(c => (Input)c)),
                ["ports"] = K8s.List(ContainerPorts(spec)),
                ["envFrom"] = EnvFrom(configMap, secret),
                ["resources"] = K8s.Resources(args.CpuRequest, args.MemoryRequest, args.MemoryLimit, args.CpuLimit),
                ["livenessProbe"] = Probe(args.Probes.LivenessPath, period: 10, failures: 3),
                ["readinessProbe"] = Probe(args.Probes.ReadinessPath, period: 5, failures: 3),
                ["startupProbe"] = Probe(spec.StartupPath, period: 5, failures: Math.Max(1, args.Probes.StartupSeconds / 5)),
                ["securityContext"] = K8s.ContainerSecurityContext(args.RunAsUser),
                ["volumeMounts"] = scratch.Count == 0 ? default : K8s.List(scratch.Select(s => K8s.VolumeMount(s.Name, s.Path))),
            }]),
            ["volumes"] = scratch.Count == 0 ? default : K8s.List(scratch.Select(s => K8s.EmptyDirVolume(s.Name, "256Mi"))),
        };
    }

    private static IEnumerable<Props> ContainerPorts(WorkloadSpec spec)
    {
        yield return new Props { ["name"] = HttpPortName, ["containerPort"] = spec.Args.Port, ["protocol"] = "TCP" };
        if (spec.MetricsPort is { } metrics && metrics != spec.Args.Port)
        {
            yield return new Props { ["name"] = MetricsPortName, ["containerPort"] = metrics, ["protocol"] = "TCP" };
        }
    }

    private static Input EnvFrom(Output<string>? configMap, Output<string>? secret)
    {
        var sources = new List<Props>();
        if (configMap is { } map)
        {
            sources.Add(new Props { ["configMapRef"] = new Props { ["name"] = map } });
        }

        if (secret is { } s)
        {
            sources.Add(new Props { ["secretRef"] = new Props { ["name"] = s } });
        }

        return sources.Count == 0 ? default : K8s.List(sources);
    }

    private static Props Probe(string path, int period, int failures) => new()
    {
        ["httpGet"] = new Props { ["path"] = path, ["port"] = HttpPortName },
        ["periodSeconds"] = period,
        ["timeoutSeconds"] = 2,
        ["failureThreshold"] = failures,
    };

    public static Props ServiceSpec(WorkloadSpec spec)
    {
        var ports = new List<Props>
        {
            new() { ["name"] = HttpPortName, ["port"] = spec.Args.ServicePort, ["targetPort"] = HttpPortName, ["protocol"] = "TCP" },
        };
        if (spec.MetricsPort is { } metrics && metrics != spec.Args.Port)
        {
            ports.Add(new Props { ["name"] = MetricsPortName, ["port"] = metrics, ["targetPort"] = MetricsPortName, ["protocol"] = "TCP" });
        }

        return new Props
        {
            ["type"] = "ClusterIP",
            ["selector"] = K8s.Map(spec.SelectorLabels),
            ["ports"] = K8s.List(ports),
        };
    }

    public static Props AutoscalerSpec(WorkloadSpec spec) => new()
    {
        ["scaleTargetRef"] = new Props { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = spec.Name },
        ["minReplicas"] = spec.Args.MinReplicas,
        ["maxReplicas"] = spec.Args.MaxReplicas,
        ["metrics"] = K8s.List([
            Utilization("cpu", spec.Args.TargetCpuUtilization),
            Utilization("memory", spec.Args.TargetMemoryUtilization),
        ]),
    };

    private static Props Utilization(string resource, int percent) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new Props
        {
            ["name"] = resource,
            ["target"] = new Props { ["type"] = "Utilization", ["averageUtilization"] = percent },
        },
    };

    /// <summary>One pod may be evicted at a time: node drains proceed, the service keeps serving (INF-WL-014).</summary>
    public static Props DisruptionBudgetSpec(WorkloadSpec spec) => new()
    {
        ["maxUnavailable"] = 1,
        ["selector"] = K8s.MatchLabels(spec.SelectorLabels),
        ["unhealthyPodEvictionPolicy"] = "AlwaysAllow",
    };
}
