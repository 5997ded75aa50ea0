using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Declares a pinned Helm release (<c>kubernetes:helm.sh/v3:Release</c>; Pulumi YAML refuses the Chart resources).</summary>
internal static class HelmRelease
{
    public const string Type = "kubernetes:helm.sh/v3:Release";

    public static CustomResource Create(string logicalName, string releaseName, HelmChart chart, Input @namespace, Props values,
        CustomResourceOptions options) => new(Type, logicalName, new Props
        {
            ["name"] = releaseName,
            ["namespace"] = @namespace,
            ["chart"] = chart.Name,
            ["version"] = chart.Version,
            ["repositoryOpts"] = new Props { ["repo"] = chart.Repository },
            ["values"] = values,
            // A failed install or upgrade is rolled back instead of leaving half a platform.
            ["atomic"] = true,
            ["cleanupOnFail"] = true,
            ["timeout"] = 900,
            ["maxHistory"] = 10,
        }, options);
}
