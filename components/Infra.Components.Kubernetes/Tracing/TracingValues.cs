using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>Values of the OpenTelemetry collector and Tempo charts.</summary>
internal static class TracingValues
{
    public const string CollectorName = "otel-collector";
    public const int OtlpGrpcPort = 4317;
    public const int OtlpHttpPort = 4318;
    public const int CollectorMetricsPort = 8888;
    public const int TempoPort = 3200;

    public static readonly IReadOnlyDictionary<string, string> CollectorPods = new Dictionary<string, string>
    {
        [K8s.NameLabel] = "opentelemetry-collector",
        ["app.kubernetes.io/instance"] = CollectorName,
    };

    public static readonly IReadOnlyDictionary<string, string> TempoPods = new Dictionary<string, string> { [K8s.NameLabel] = "tempo" };

    public static string TempoUrl(string @namespace) => $"http://tempo.{@namespace}.svc:{TempoPort}";

    public static Props Tempo(TracingArgs args) => new()
    {
        ["tempo"] = new Props
        {
            ["retention"] = args.Retention,
            ["reportingEnabled"] = false,
            ["securityContext"] = K8s.ContainerSecurityContext(),
            ["resources"] = new Props
            {
                ["requests"] = new Props { ["cpu"] = "250m", ["memory"] = "1Gi" },
                ["limits"] = new Props { ["memory"] = "2Gi" },
            },
        },
        ["securityContext"] = K8s.PodSecurityContext(),
        ["persistence"] = new Props
        {
            ["enabled"] = true,
            ["size"] = args.Storage,
            ["storageClassName"] = args.StorageClassName,
        },
    };

    public static Props Collector(TracingArgs args) => new()
    {
        ["fullnameOverride"] = CollectorName,
        ["mode"] = "deployment",
        ["replicaCount"] = args.CollectorReplicas,
        // The chart requires an image choice; the Kubernetes distribution has the receivers and processors used here.
        ["image"] = new Props { ["repository"] = "otel/opentelemetry-collector-k8s" },
        ["command"] = new Props { ["name"] = "otelcol-k8s" },
        ["podSecurityContext"] = K8s.PodSecurityContext(),
        ["securityContext"] = K8s.ContainerSecurityContext(),
        ["resources"] = new Props
        {
            ["requests"] = new Props { ["cpu"] = "100m", ["memory"] = "256Mi" },
            ["limits"] = new Props { ["memory"] = "512Mi" },
        },
        ["config"] = new Props
        {
            ["exporters"] = new Props
            {
                ["otlp"] = new Props
                {
                    ["endpoint"] = $"tempo.{args.NamespaceName}.svc:{OtlpGrpcPort}",
                    ["tls"] = new Props { ["insecure"] = true },
                },
            },
            ["service"] = new Props
            {
                ["pipelines"] = new Props
                {
                    ["traces"] = new Props
                    {
                        ["receivers"] = new[] { "otlp" },
                        ["processors"] = new[] { "memory_limiter", "batch" },
                        ["exporters"] = new[] { "otlp" },
                    },
                },
            },
        },
    };
}
