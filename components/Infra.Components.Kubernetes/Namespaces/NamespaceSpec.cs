using Infra.Components.Kubernetes.Internal;

namespace Infra.Components.Kubernetes;

/// <summary>A <see cref="NamespaceArgs"/> with every default applied and every rule checked.</summary>
internal sealed record NamespaceSpec(string Name, NamespaceArgs Args)
{
    public static NamespaceSpec Resolve(string componentName, NamespaceArgs args, ArgsProblems problems)
    {
        var name = args.Name ?? componentName;
        if (!KubernetesNames.IsLabel(name))
        {
            problems.Add("NamespaceArgs.Name", name, $"NamespaceArgs.Name '{name}' is not a valid namespace name.",
                KubernetesNames.LabelRule, "Use a name such as 'shop' or 'payments-prod'.");
        }

        if (args.PodSecurity != PodSecurityLevel.Restricted && string.IsNullOrWhiteSpace(args.PodSecurityReason))
        {
            problems.Add("NamespaceArgs.PodSecurityReason", null,
                $"NamespaceArgs.PodSecurity is {args.PodSecurity} but no PodSecurityReason says why the namespace cannot enforce restricted.",
                "a Pod Security level below restricted is an explicit, documented opt-out",
                "Keep PodSecurity = Restricted, or set PodSecurityReason to the reason (e.g. 'node-exporter needs host access').");
        }

        CheckQuantity(problems, "NamespaceArgs.Quota.RequestsCpu", args.Quota.RequestsCpu);
        CheckQuantity(problems, "NamespaceArgs.Quota.RequestsMemory", args.Quota.RequestsMemory);
        CheckQuantity(problems, "NamespaceArgs.Quota.LimitsMemory", args.Quota.LimitsMemory);
        if (args.Quota.LimitsCpu is not null)
        {
            CheckQuantity(problems, "NamespaceArgs.Quota.LimitsCpu", args.Quota.LimitsCpu);
        }

        CheckPositive(problems, "NamespaceArgs.Quota.Pods", args.Quota.Pods);
        CheckPositive(problems, "NamespaceArgs.Quota.PersistentVolumeClaims", args.Quota.PersistentVolumeClaims);
        CheckQuantity(problems, "NamespaceArgs.Limits.DefaultRequestCpu", args.Limits.DefaultRequestCpu);
        CheckQuantity(problems, "NamespaceArgs.Limits.DefaultRequestMemory", args.Limits.DefaultRequestMemory);
        CheckQuantity(problems, "NamespaceArgs.Limits.DefaultLimitMemory", args.Limits.DefaultLimitMemory);
        CheckQuantity(problems, "NamespaceArgs.Limits.MaxMemory", args.Limits.MaxMemory);
        CheckQuantity(problems, "NamespaceArgs.Limits.MaxCpu", args.Limits.MaxCpu);
        return new NamespaceSpec(name, args);
    }

    internal static void CheckQuantity(ArgsProblems problems, string key, string? value)
    {
        if (!Quantities.IsQuantity(value))
        {
            problems.Add(key, value, $"{key} '{value}' is not a Kubernetes quantity.", Quantities.QuantityRule,
                "Write CPU as cores or millicores (2, 500m) and memory with a binary suffix (512Mi, 4Gi).");
        }
    }

    private static void CheckPositive(ArgsProblems problems, string key, int value)
    {
        if (value < 1)
        {
            problems.Add(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{key} is {value}; a quota of less than 1 admits nothing.",
                "at least 1", "Give the largest count the namespace may hold.");
        }
    }
}
