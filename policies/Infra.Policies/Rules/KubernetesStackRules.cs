using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-WL-013…015: rules over Kubernetes namespaces and objects that relate workloads to each other.</summary>
internal static class KubernetesStackRules
{
    private static readonly string[] Releases = [K8s.HelmRelease, K8s.HelmChart];
    private static readonly string[] Replicated = [K8s.Deployment, K8s.StatefulSet];

    public static IEnumerable<PolicyRule> All =>
    [
        new StackRule
        {
            Id = "INF-WL-013",
            Title = "Every workload namespace has a default-deny NetworkPolicy",
            Description = "Each namespace that runs workloads (or a Helm release) needs NetworkPolicies selecting every pod (podSelector: {}) " +
                "that deny Ingress and Egress by default; allow rules then open only what is needed.",
            Help = "Add a NetworkPolicy { podSelector: {}, policyTypes: [Ingress, Egress] } to the namespace.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV2_K8S_6", "KSV-0038", "CIS K8s 5.3.2", "CIS EKS 4.3.2"],
            AppliesTo = ["kubernetes"],
            Check = DefaultDenyPerNamespace,
        },
        new ResourceRule
        {
            Id = "INF-WL-014",
            Title = "Replicated workloads have a PodDisruptionBudget that allows disruptions",
            Description = "A Deployment or StatefulSet with two or more replicas needs a PodDisruptionBudget in its namespace selecting its pods; " +
                "a budget that allows no voluntary disruption (maxUnavailable: 0, minAvailable: 100%) blocks node drains.",
            Help = "Add a PodDisruptionBudget with maxUnavailable: 1 (or minAvailable below the replica count).",
            Severity = Severity.Low,
            Enforcement = Enforcement.AdvisoryInProduction,
            Anchors = ["PCP:kubernetes-policy-v1-poddisruptionbudget-disallow-zero-voluntary-disruption"],
            Checks =
            {
                { Replicated, HasDisruptionBudget },
                { K8s.PodDisruptionBudget, AllowsDisruption },
            },
        },
        new ResourceRule
        {
            Id = "INF-WL-015",
            Title = "No workloads in the default namespace; no NGINX snippet annotations",
            Description = "The default namespace mixes unrelated workloads under shared policies; NGINX snippet annotations let an Ingress " +
                "author inject configuration into the shared controller.",
            Help = "Give each application its own namespace; configure NGINX through the controller, not snippets.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_K8S_21", "CKV_K8S_153", "KSV-0110", "CIS K8s 5.7.4"],
            Checks =
            {
                { [.. K8s.Workloads, .. Releases], NotInDefaultNamespace },
                { K8s.Ingress, NoSnippetAnnotations },
            },
        },
    ];

    private static void DefaultDenyPerNamespace(PolicyProgram program, RuleCheck c)
    {
        var denied = new Dictionary<string, (bool Ingress, bool Egress)>(StringComparer.Ordinal);
        foreach (var policy in program.OfType(K8s.NetworkPolicy))
        {
            var ns = KubernetesObjects.NamespaceOf(program, policy);
            if (ns.Name is not { } name)
            {
                continue;
            }

            var (ingress, egress) = Denies(policy);
            var current = denied.GetValueOrDefault(name);
            denied[name] = (current.Ingress || ingress, current.Egress || egress);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in program.OfType([.. K8s.Workloads, .. Releases]))
        {
            var ns = KubernetesObjects.NamespaceOf(program, workload);
            var check = c.On(workload);
            if (ns.Name is not { } name)
            {
                check.CannotEvaluate(ns.At);
                continue;
            }

            if (!seen.Add(name))
            {
                continue;
            }

            var (ingress, egress) = denied.GetValueOrDefault(name);
            if (ingress && egress)
            {
                continue;
            }

            var missing = string.Join(" and ", new[] { ingress ? null : "Ingress", egress ? null : "Egress" }.OfType<string>());
            if (program.HasOpaqueManifests)
            {
                check.CannotFind(K8s.NetworkPolicy, $"no default-deny {missing} policy is visible, but a ConfigGroup holds manifests that cannot be read");
                continue;
            }

            check.Violation(ns.At, $"namespace {Describe(name)} has no default-deny {missing} NetworkPolicy",
                $"Add a NetworkPolicy in {Describe(name)} with podSelector: {{}}, policyTypes: [Ingress, Egress] and no rules.",
                shown: ns.At.IsAbsent ? "(not set; \"default\")" : null);
        }
    }

    /// <summary>Which directions a policy denies by default: it selects every pod, names the direction and allows nothing in it.</summary>
    private static (bool Ingress, bool Egress) Denies(PolicyResource policy)
    {
        var spec = policy["spec"];
        if (spec["podSelector"].Node is not MapNode { Entries.Count: 0 } && !spec["podSelector"].IsAbsent)
        {
            return (false, false);
        }

        var types = spec["policyTypes"].AsStrings() ?? (spec["egress"].IsAbsent ? ["Ingress"] : ["Ingress", "Egress"]);
        bool DeniesDirection(string direction, string rules) =>
            types.Contains(direction, StringComparer.Ordinal) && spec[rules].Node is null or ListNode { Items.Count: 0 };
        return (DeniesDirection("Ingress", "ingress"), DeniesDirection("Egress", "egress"));
    }

    private static string Describe(string name) => name.StartsWith("ref:", StringComparison.Ordinal) ? $"of Namespace '{name[4..]}'" : $"'{name}'";

    private static void HasDisruptionBudget(PolicyResource workload, RuleCheck c)
    {
        var replicas = workload["spec"]["replicas"];
        if (!c.Decidable(replicas) || (replicas.AsInteger() ?? 1) < 2)
        {
            return;
        }

        var ns = KubernetesObjects.NamespaceOf(c.Program, workload);
        var labels = KubernetesObjects.TemplateLabels(workload);
        var budgets = c.Program.Index(program => new DisruptionBudgets(program)).Candidates(ns.Name, labels)
            .Select(b => (b.Resource, Selects: KubernetesObjects.Selects(b.Selector, labels)))
            .ToArray();
        if (budgets.Any(b => b.Selects == true))
        {
            return;
        }

        if (budgets.Any(b => b.Selects is null) || c.Program.HasOpaqueManifests)
        {
            c.CannotFind(K8s.PodDisruptionBudget, "a PodDisruptionBudget's selector or the pod labels are not literal");
            return;
        }

        c.Missing(K8s.PodDisruptionBudget, $"{replicas.AsInteger()} replicas and no PodDisruptionBudget selects them",
            "Add a PodDisruptionBudget with spec.selector.matchLabels equal to the pod labels and maxUnavailable: 1.");
    }

    private static void AllowsDisruption(PolicyResource budget, RuleCheck c)
    {
        var spec = budget["spec"];
        var maxUnavailable = spec["maxUnavailable"];
        if (c.Decidable(maxUnavailable) && (maxUnavailable.AsInteger() == 0 || maxUnavailable.AsString() == "0%"))
        {
            c.Violation(maxUnavailable, "no pod may ever be evicted, so node drains and upgrades block", "Set maxUnavailable: 1.");
        }

        var minAvailable = spec["minAvailable"];
        if (c.Decidable(minAvailable) && minAvailable.AsString() == "100%")
        {
            c.Violation(minAvailable, "no pod may ever be evicted, so node drains and upgrades block", "Use maxUnavailable: 1 instead.");
        }
    }

    private static void NotInDefaultNamespace(PolicyResource resource, RuleCheck c)
    {
        var ns = KubernetesObjects.NamespaceOf(c.Program, resource);
        if (!ns.IsKnown)
        {
            c.CannotEvaluate(ns.At);
        }
        else if (ns.Name == "default")
        {
            c.Violation(ns.At, "the workload runs in the default namespace", "Put it in the application's own namespace.",
                shown: ns.At.IsAbsent ? "(not set; \"default\")" : null);
        }
    }

    private static void NoSnippetAnnotations(PolicyResource ingress, RuleCheck c)
    {
        foreach (var (key, value) in ingress["metadata"]["annotations"].Entries)
        {
            if (key.StartsWith("nginx.ingress.kubernetes.io/", StringComparison.Ordinal) && key.EndsWith("-snippet", StringComparison.Ordinal))
            {
                c.Violation(value, "a snippet annotation injects raw NGINX configuration into the shared controller",
                    "Remove the snippet; use the controller's ConfigMap or a dedicated annotation.");
            }
        }
    }
}
