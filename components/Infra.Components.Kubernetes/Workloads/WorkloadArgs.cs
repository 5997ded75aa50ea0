using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Arguments of <see cref="Workload"/>: an application service such as a frontend, a backend or an API gateway.
/// Only <see cref="Namespace"/> and <see cref="Image"/> are required; every other property has a documented default.
/// </summary>
public sealed record WorkloadArgs
{
    /// <summary>The namespace to run in; it carries the default-deny policy the workload's own policies open up.</summary>
    public required Namespace Namespace { get; init; }

    /// <summary>The container image, pinned by a version tag or a digest; <c>latest</c> or no tag is refused (INF-WL-011).</summary>
    public required string Image { get; init; }

    /// <summary>The Kubernetes name of the Deployment, Service and ServiceAccount. Default: the component's name.</summary>
    public string? Name { get; init; }

    /// <summary>The port the container listens on (named <c>http</c>). Default: 8080.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The port of the Service. Default: 80.</summary>
    public int ServicePort { get; init; } = 80;

    /// <summary>Overrides the image's entrypoint. Default: the image's.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Arguments of the entrypoint. Default: the image's.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>Fewest replicas the autoscaler keeps. Default: 2.</summary>
    public int MinReplicas { get; init; } = 2;

    /// <summary>Most replicas the autoscaler may start. Default: 6.</summary>
    public int MaxReplicas { get; init; } = 6;

    /// <summary>Average CPU use, in percent of the request, the autoscaler aims at. Default: 70.</summary>
    public int TargetCpuUtilization { get; init; } = 70;

    /// <summary>Average memory use, in percent of the request, the autoscaler aims at. Default: 80.</summary>
    public int TargetMemoryUtilization { get; init; } = 80;

    /// <summary>Default: 100m.</summary>
    public string CpuRequest { get; init; } = "100m";

    /// <summary>Default: 128Mi.</summary>
    public string MemoryRequest { get; init; } = "128Mi";

    /// <summary>Default: 256Mi.</summary>
    public string MemoryLimit { get; init; } = "256Mi";

    /// <summary>CPU limit; null means throttling-free bursts up to the node (INF-WL-009 makes it optional). Default: null.</summary>
    public string? CpuLimit { get; init; }

    /// <summary>HTTP paths of the liveness, readiness and startup probes. Default: see <see cref="WorkloadProbes"/>.</summary>
    public WorkloadProbes Probes { get; init; } = new();

    /// <summary>Plain settings, passed as environment variables through a ConfigMap. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>Secret settings (secret outputs only), passed as environment variables through a Secret. Default: none.</summary>
    public IReadOnlyDictionary<string, Output<string>> Secrets { get; init; } = new Dictionary<string, Output<string>>();

    /// <summary>
    /// What the workload connects to (databases, Kafka, collectors). Each one gets an egress policy to its
    /// addresses and ports, and environment variables <c>NAME_HOST</c>, <c>NAME_PORT</c> and one per credential. Default: none.
    /// </summary>
    public IReadOnlyList<ServiceEndpoint> ConnectsTo { get; init; } = [];

    /// <summary>The ingress controller's pods, allowed to reach <see cref="Port"/>. Default: null (not exposed).</summary>
    public NetworkPeer? IngressController { get; init; }

    /// <summary>Directories that get a writable scratch volume, since the root filesystem is read-only. Default: /tmp.</summary>
    public IReadOnlyList<string> WritablePaths { get; init; } = ["/tmp"];

    /// <summary>Where Prometheus scrapes metrics; null disables scraping. Default: /metrics.</summary>
    public string? MetricsPath { get; init; } = "/metrics";

    /// <summary>The port metrics are served on. Default: <see cref="Port"/>.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>The non-root user id the container runs as. Default: 10001.</summary>
    public int RunAsUser { get; init; } = 10001;

    /// <summary>Extra labels on every object. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>HTTP probes of a workload's container, all on its <c>http</c> port.</summary>
public sealed record WorkloadProbes
{
    /// <summary>Restart the container when this fails. Default: /healthz.</summary>
    public string LivenessPath { get; init; } = "/healthz";

    /// <summary>Send traffic only while this succeeds. Default: /ready.</summary>
    public string ReadinessPath { get; init; } = "/ready";

    /// <summary>Hold the other probes until this succeeds once. Default: the liveness path.</summary>
    public string? StartupPath { get; init; }

    /// <summary>How long the container may take to start, in seconds. Default: 150.</summary>
    public int StartupSeconds { get; init; } = 150;
}
