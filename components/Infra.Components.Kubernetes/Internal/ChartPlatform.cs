using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Pieces shared by the chart-based stacks (logging, tracing).</summary>
internal static class ChartPlatform
{
    public const string ChartPodSecurityReason =
        "pods of the stack's charts are not all configurable to the restricted profile; audit and warn stay restricted";

    /// <summary>A Grafana data source, provisioned through a ConfigMap the Grafana sidecar of kube-prometheus-stack loads.</summary>
    public static void GrafanaDataSource(ComponentResource owner, Monitoring monitoring, string name, string type, string url) =>
        _ = new CustomResource("kubernetes:core/v1:ConfigMap", $"{owner.Name}-grafana-datasource", new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = $"{name}-datasource",
                ["namespace"] = monitoring.Namespace.NameOutput,
                ["labels"] = new Props { ["grafana_datasource"] = "1", [K8s.ManagedByLabel] = "infra" },
            },
            ["data"] = new Props
            {
                [$"{name}.yaml"] =
                    "apiVersion: 1\n" +
                    "datasources:\n" +
                    $"  - name: {char.ToUpperInvariant(name[0])}{name[1..]}\n" +
                    $"    uid: {name}\n" +
                    $"    type: {type}\n" +
                    "    access: proxy\n" +
                    $"    url: {url}\n",
            },
        }, new CustomResourceOptions { Parent = owner });

    public static void CheckStorage(ArgsProblems problems, string prefix, string retention, string storage)
    {
        if (!Quantities.IsDuration(retention))
        {
            problems.Add($"{prefix}.Retention", retention, $"{prefix}.Retention '{retention}' is not a duration.", Quantities.DurationRule,
                "Write e.g. '744h' (31 days).");
        }

        NamespaceSpec.CheckQuantity(problems, $"{prefix}.Storage", storage);
    }

    public static void CheckNamespace(ArgsProblems problems, string key, string name)
    {
        if (!KubernetesNames.IsLabel(name))
        {
            problems.Add(key, name, $"{key} '{name}' is not a valid namespace name.", KubernetesNames.LabelRule, "Use e.g. 'logging'.");
        }
    }
}
