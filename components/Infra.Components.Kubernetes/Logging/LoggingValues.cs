using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>Values of the Loki and Alloy charts.</summary>
internal static class LoggingValues
{
    public const int LokiPort = 3100;
    public const int AlloyPort = 12345;
    public const int AlloyUser = 473;

    public static string LokiUrl(string @namespace) => $"http://loki.{@namespace}.svc:{LokiPort}";

    public static Props Loki(LoggingArgs args) => new()
    {
        // One process on a persistent volume: right for a cluster's own logs; large volumes need object storage.
        ["deploymentMode"] = "Monolithic",
        ["loki"] = new Props
        {
            ["auth_enabled"] = false,
            ["commonConfig"] = new Props { ["replication_factor"] = 1 },
            ["storage"] = new Props { ["type"] = "filesystem" },
            ["schemaConfig"] = new Props
            {
                ["configs"] = K8s.List([new Props
                {
                    ["from"] = "2024-04-01",
                    ["store"] = "tsdb",
                    ["object_store"] = "filesystem",
                    ["schema"] = "v13",
                    ["index"] = new Props { ["prefix"] = "loki_index_", ["period"] = "24h" },
                }]),
            },
            ["limits_config"] = new Props { ["retention_period"] = args.Retention },
            ["compactor"] = new Props { ["retention_enabled"] = true, ["delete_request_store"] = "filesystem" },
            ["podSecurityContext"] = K8s.PodSecurityContext(),
            ["containerSecurityContext"] = K8s.ContainerSecurityContext(),
        },
        ["singleBinary"] = new Props
        {
            ["replicas"] = 1,
            ["persistence"] = new Props { ["enabled"] = true, ["size"] = args.Storage, ["storageClass"] = args.StorageClassName },
            ["resources"] = new Props
            {
                ["requests"] = new Props { ["cpu"] = "250m", ["memory"] = args.LokiMemory },
                ["limits"] = new Props { ["memory"] = args.LokiMemory },
            },
        },
        ["backend"] = new Props { ["replicas"] = 0 },
        ["read"] = new Props { ["replicas"] = 0 },
        ["write"] = new Props { ["replicas"] = 0 },
        ["gateway"] = new Props { ["enabled"] = false },
        ["chunksCache"] = new Props { ["enabled"] = false },
        ["resultsCache"] = new Props { ["enabled"] = false },
        ["lokiCanary"] = new Props { ["enabled"] = false },
        ["test"] = new Props { ["enabled"] = false },
    };

    public static Props Alloy(string lokiNamespace) => new()
    {
        ["controller"] = new Props { ["type"] = "daemonset" },
        ["alloy"] = new Props
        {
            ["clustering"] = new Props { ["enabled"] = true },
            ["configMap"] = new Props { ["create"] = true, ["content"] = AlloyConfig(lokiNamespace) },
            // Logs are read through the Kubernetes API, so no host directory is mounted.
            ["mounts"] = new Props { ["varlog"] = false, ["dockercontainers"] = false },
            ["securityContext"] = K8s.ContainerSecurityContext(AlloyUser),
            ["resources"] = new Props
            {
                ["requests"] = new Props { ["cpu"] = "100m", ["memory"] = "256Mi" },
                ["limits"] = new Props { ["memory"] = "512Mi" },
            },
        },
    };

    private static string AlloyConfig(string lokiNamespace) => $$"""
        discovery.kubernetes "pods" {
          role = "pod"
        }

        discovery.relabel "pods" {
          targets = discovery.kubernetes.pods.targets
          rule {
            source_labels = ["__meta_kubernetes_namespace"]
            target_label  = "namespace"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_name"]
            target_label  = "pod"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_container_name"]
            target_label  = "container"
          }
          rule {
            source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
            target_label  = "app"
          }
        }

        loki.source.kubernetes "pods" {
          targets    = discovery.relabel.pods.output
          forward_to = [loki.write.default.receiver]
          clustering {
            enabled = true
          }
        }

        loki.write "default" {
          endpoint {
            url = "{{LokiUrl(lokiNamespace)}}/loki/api/v1/push"
          }
        }

        """;
}
