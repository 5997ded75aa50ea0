using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>
/// A Kubernetes namespace as the program names it: the name, <c>ref:&lt;key&gt;</c> for an auto-named Namespace
/// resource, or null when it is an expression.
/// </summary>
internal readonly record struct NamespaceId(string? Name, PropertyValue At)
{
    public bool IsKnown => Name is not null;
}

/// <summary>Pod-template navigation shared by the workload rules.</summary>
internal static class KubernetesObjects
{
    public static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>The pod spec: <c>spec</c> (Pod), <c>spec.jobTemplate.spec.template.spec</c> (CronJob), else <c>spec.template.spec</c>.</summary>
    public static PropertyValue PodSpec(PolicyResource workload) => workload.Kind switch
    {
        "Pod" => workload["spec"],
        "CronJob" => workload["spec"]["jobTemplate"]["spec"]["template"]["spec"],
        _ => workload["spec"]["template"]["spec"],
    };

    /// <summary>The pod template's labels (what a PodDisruptionBudget or NetworkPolicy selects on).</summary>
    public static PropertyValue TemplateLabels(PolicyResource workload) => workload.Kind switch
    {
        "Pod" => workload["metadata"]["labels"],
        "CronJob" => workload["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"],
        _ => workload["spec"]["template"]["metadata"]["labels"],
    };

    /// <summary>
    /// Visits every container (regular, init and ephemeral, as Pod Security Admission does). A list that is an
    /// expression is reported as not evaluable.
    /// </summary>
    public static IEnumerable<PropertyValue> Containers(PropertyValue podSpec, RuleCheck check, bool includeInit = true)
    {
        foreach (var list in includeInit ? ContainerLists : ["containers"])
        {
            var containers = podSpec[list];
            if (!check.Decidable(containers))
            {
                continue;
            }

            foreach (var container in containers.Items)
            {
                if (check.Decidable(container))
                {
                    yield return container;
                }
            }
        }
    }

    public static string NameOf(PropertyValue container) => container["name"].AsString() is { } name ? $"container '{name}'" : container.Path;

    /// <summary>The namespace of an object (<c>metadata.namespace</c>; absent means <c>default</c>).</summary>
    public static NamespaceId NamespaceOf(PolicyProgram program, PolicyResource resource) =>
        Resolve(program, resource.Is(K8s.HelmRelease) || resource.Is(K8s.HelmChart) ? resource["namespace"] : resource["metadata"]["namespace"]);

    /// <summary>A namespace value: literal, or a reference to a Namespace resource (its literal name, or <c>ref:key</c>).</summary>
    public static NamespaceId Resolve(PolicyProgram program, PropertyValue value)
    {
        if (value.IsAbsent)
        {
            return new NamespaceId("default", value);
        }

        if (value.AsString() is { } literal)
        {
            return new NamespaceId(literal, value);
        }

        if (program.Referenced(value) is { } target && target.Is(K8s.Namespace))
        {
            var name = target["metadata"]["name"].AsString();
            return new NamespaceId(name ?? $"ref:{target.Key}", value);
        }

        return new NamespaceId(null, value);
    }

    /// <summary>True when every label of <paramref name="selector"/> is among <paramref name="labels"/>; null when either is not literal.</summary>
    public static bool? Selects(PropertyValue selector, PropertyValue labels)
    {
        if (selector.Node is not MapNode wanted || labels.Node is not MapNode have)
        {
            return selector.IsAbsent && labels.IsKnown ? true : null;
        }

        foreach (var (key, value) in wanted.Entries)
        {
            if (value is not StringNode text)
            {
                return null;
            }

            if (have[key] is not StringNode actual)
            {
                return have[key] is null ? false : null;
            }

            if (actual.Value != text.Value)
            {
                return false;
            }
        }

        return true;
    }
}
