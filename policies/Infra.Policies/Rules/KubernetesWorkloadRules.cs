namespace Infra.Policies.Rules;

/// <summary>
/// INF-WL-001…012: pod and container hardening for every pod-bearing kind (Pod, Deployment, StatefulSet, DaemonSet,
/// ReplicaSet, Job, CronJob), whether declared as resources or inside a ConfigGroup. Container rules cover regular,
/// init and ephemeral containers, as Pod Security Admission does.
/// </summary>
internal static class KubernetesWorkloadRules
{
    private static readonly string[] AllowedCapabilities = ["NET_BIND_SERVICE"];
    private static readonly string[] AllowedSeccomp = ["RuntimeDefault", "Localhost"];

    public static IEnumerable<PolicyRule> All =>
    [
        Rule("INF-WL-001", "Containers are not privileged", "A privileged container is root on the node.",
            "Remove securityContext.privileged (or set it to false).", Severity.Critical, Enforcement.Mandatory, ["PSS-B", "CKV_K8S_16", "KSV-0017", "CIS K8s 5.2.2"],
            (pod, c) => EachContainer(pod, c, true, (sc, name) => c.RequireNotTrue(sc["privileged"], false, $"{name} runs privileged", null))),
        Rule("INF-WL-002", "Privilege escalation explicitly disallowed", "Unless allowPrivilegeEscalation is false, setuid binaries can gain more privileges than the process started with.",
            "Set securityContext.allowPrivilegeEscalation: false on every container.", Severity.High, Enforcement.Mandatory, ["PSS-R", "CKV_K8S_20", "KSV-0001", "CIS K8s 5.2.6"],
            (pod, c) => EachContainer(pod, c, true, (sc, name) => RequireFalse(c, sc["allowPrivilegeEscalation"], $"{name} may escalate privileges", "allowed"))),
        Rule("INF-WL-003", "Containers run as non-root", "runAsNonRoot must be true for every container (pod or container level) and runAsUser never 0.",
            "Set securityContext.runAsNonRoot: true and a non-zero runAsUser (e.g. 10001).", Severity.High, Enforcement.Mandatory, ["PSS-R", "CKV_K8S_23", "KSV-0012", "CIS K8s 5.2.7"],
            RunsAsNonRoot),
        Rule("INF-WL-004", "Read-only root filesystem", "A writable root filesystem lets an intruder drop tools and persist; mount emptyDir for writable paths.",
            "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the app writes.", Severity.Medium, Enforcement.MandatoryInProduction,
            ["CKV_K8S_22", "KSV-0014"],
            (pod, c) => EachContainer(pod, c, true, (sc, name) => c.RequireTrue(sc["readOnlyRootFilesystem"], false, $"{name} can write to its root filesystem", null))),
        Rule("INF-WL-005", "Capabilities dropped; nothing dangerous added", "Containers must not add capabilities beyond NET_BIND_SERVICE (mandatory) and must drop ALL (mandatory in production).",
            "Set securityContext.capabilities: { drop: [ALL] } and add only NET_BIND_SERVICE if needed.", Severity.High, Enforcement.Mandatory, ["PSS-B", "PSS-R", "CKV_K8S_25", "CKV_K8S_28", "CKV_K8S_37", "KSV-0003", "KSV-0022"],
            Capabilities, "M for added capabilities; prod: M for drop ALL"),
        Rule("INF-WL-006", "No host network, PID or IPC namespaces", "Sharing the node's namespaces exposes its network, processes and shared memory.",
            "Remove hostNetwork, hostPID and hostIPC.", Severity.High, Enforcement.Mandatory, ["PSS-B", "CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "CIS K8s 5.2.3"],
            (pod, c) =>
            {
                foreach (var flag in new[] { "hostNetwork", "hostPID", "hostIPC" })
                {
                    c.RequireNotTrue(pod[flag], false, $"the pod shares the node's {flag[4..]} namespace", $"Remove {flag}.");
                }
            }),
        Rule("INF-WL-007", "No hostPath volumes or host ports", "hostPath mounts (above all the container runtime socket) and hostPort bypass isolation; node agents need an exemption.",
            "Use emptyDir, configMap, secret or PVC volumes and a Service instead of hostPort.", Severity.High, Enforcement.Mandatory, ["PSS-B", "CKV_K8S_26", "CKV_K8S_27", "KSV-0023", "CIS K8s 5.2.12"],
            HostPathsAndPorts),
        Rule("INF-WL-008", "Seccomp profile RuntimeDefault or Localhost", "Without a seccomp profile every syscall is allowed.",
            "Set spec.securityContext.seccompProfile.type: RuntimeDefault.", Severity.Medium, Enforcement.MandatoryInProduction, ["PSS-R", "CKV_K8S_31", "KSV-0104", "CIS K8s 5.7.2"],
            Seccomp),
        Rule("INF-WL-009", "CPU and memory requests and a memory limit", "Without requests the scheduler overcommits; without a memory limit one pod can starve the node (mandatory in production).",
            "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory.", Severity.Medium, Enforcement.Advisory, ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13", "KSV-0011", "KSV-0018"],
            Resources, "A (requests); prod: M (memory limit)"),
        Rule("INF-WL-010", "Liveness and readiness probes on long-running workloads", "Probes let Kubernetes restart hung containers and keep traffic off unready ones. Jobs and CronJobs are exempt.",
            "Add livenessProbe and readinessProbe.", Severity.Low, Enforcement.AdvisoryInProduction, ["CKV_K8S_8", "CKV_K8S_9"],
            Probes),
        Rule("INF-WL-011", "Container images pinned", "A missing tag or :latest changes what runs without a code change; a digest pins it exactly.",
            "Use an immutable tag or a digest (image@sha256:…).", Severity.Medium, Enforcement.MandatoryInProduction, ["CKV_K8S_14", "CKV_K8S_43", "KSV-0013"],
            PinnedImages),
        Rule("INF-WL-012", "No automounted service-account token; not the default ServiceAccount", "Most pods never call the API server, yet get a token; the default ServiceAccount is shared by everything in the namespace.",
            "Set automountServiceAccountToken: false and a dedicated serviceAccountName.", Severity.Low, Enforcement.Advisory, ["CKV_K8S_38", "CKV_K8S_41", "KSV-0036", "CIS K8s 5.1.6"],
            ServiceAccount),
    ];

    private static ResourceRule Rule(string id, string title, string description, string help, Severity severity, Enforcement enforcement,
        IReadOnlyList<string> anchors, Action<PropertyValue, RuleCheck> check, string? note = null) => new()
        {
            Id = id,
            Title = title,
            Description = description,
            Help = help,
            Severity = severity,
            Enforcement = enforcement,
            EnforcementNote = note,
            Anchors = anchors,
            Checks =
            {
                {
                    K8s.Workloads, (workload, c) =>
                    {
                        var pod = KubernetesObjects.PodSpec(workload);
                        if (c.Decidable(pod))
                        {
                            check(pod, c);
                        }
                    }
                },
            },
        };

    private static void EachContainer(PropertyValue pod, RuleCheck c, bool includeInit, Action<PropertyValue, string> check)
    {
        foreach (var container in KubernetesObjects.Containers(pod, c, includeInit))
        {
            check(container["securityContext"], KubernetesObjects.NameOf(container));
        }
    }

    private static void RequireFalse(RuleCheck c, PropertyValue value, string problem, string whenAbsent)
    {
        if (c.Decidable(value) && value.AsBool() != false)
        {
            c.Violation(value, problem, null, null, value.IsAbsent ? $"(not set; {whenAbsent} by default)" : null);
        }
    }

    private static void RunsAsNonRoot(PropertyValue pod, RuleCheck c)
    {
        var podLevel = pod["securityContext"];
        NotRootUser(c, podLevel["runAsUser"], "the pod");
        foreach (var container in KubernetesObjects.Containers(pod, c))
        {
            var name = KubernetesObjects.NameOf(container);
            var own = container["securityContext"]["runAsNonRoot"];
            var effective = own.IsAbsent ? podLevel["runAsNonRoot"] : own;
            if (c.Decidable(effective) && effective.AsBool() != true)
            {
                c.Violation(own.IsAbsent ? own : effective, $"{name} may run as root", "Set runAsNonRoot: true on the pod or the container.",
                    shown: effective.IsAbsent ? "(not set on the container or the pod)" : null);
            }

            NotRootUser(c, container["securityContext"]["runAsUser"], name);
        }
    }

    private static void NotRootUser(RuleCheck c, PropertyValue user, string who)
    {
        if (c.Decidable(user) && user.AsInteger() == 0)
        {
            c.Violation(user, $"{who} runs as UID 0 (root)", "Set runAsUser to a non-zero UID (e.g. 10001).");
        }
    }

    private static void Capabilities(PropertyValue pod, RuleCheck c) => EachContainer(pod, c, true, (sc, name) =>
    {
        var added = sc["capabilities"]["add"];
        if (c.Decidable(added) && added.AsStrings() is { } adds &&
            adds.Where(a => !AllowedCapabilities.Contains(a.ToUpperInvariant().Replace("CAP_", "", StringComparison.Ordinal))).ToArray() is { Length: > 0 } bad)
        {
            c.Violation(added, $"{name} adds {string.Join(", ", bad)}", "Add no capabilities beyond NET_BIND_SERVICE.");
        }

        var dropped = sc["capabilities"]["drop"];
        if (c.Decidable(dropped, Enforcement.MandatoryInProduction) && dropped.AsStrings()?.Contains("ALL", StringComparer.OrdinalIgnoreCase) != true)
        {
            c.Violation(dropped, $"{name} keeps the default capabilities", "Set capabilities.drop: [ALL].", Enforcement.MandatoryInProduction);
        }
    });

    private static void HostPathsAndPorts(PropertyValue pod, RuleCheck c)
    {
        var volumes = pod["volumes"];
        if (c.Decidable(volumes))
        {
            foreach (var volume in volumes.Items.Where(v => !v["hostPath"].IsAbsent))
            {
                var path = volume["hostPath"]["path"];
                var socket = path.AsString() is { } text && text.EndsWith(".sock", StringComparison.Ordinal) ? " (a container runtime socket: full control of the node)" : "";
                c.Violation(volume["hostPath"], $"volume '{volume["name"].AsString()}' mounts the node's filesystem{socket}", "Use emptyDir, a PVC or a projected volume.");
            }
        }

        foreach (var container in KubernetesObjects.Containers(pod, c))
        {
            foreach (var port in container["ports"].Items)
            {
                var hostPort = port["hostPort"];
                if (c.Decidable(hostPort) && hostPort.AsInteger() is > 0)
                {
                    c.Violation(hostPort, $"{KubernetesObjects.NameOf(container)} binds a port on the node", "Remove hostPort and expose the pod through a Service.");
                }
            }
        }
    }

    private static void Seccomp(PropertyValue pod, RuleCheck c)
    {
        var podType = pod["securityContext"]["seccompProfile"]["type"];
        if (!c.Decidable(podType))
        {
            return;
        }

        var podConfined = podType.AsString() is { } value && AllowedSeccomp.Contains(value);
        EachContainer(pod, c, true, (sc, name) =>
        {
            var own = sc["seccompProfile"]["type"];
            if (!c.Decidable(own))
            {
                return;
            }

            if (own.IsAbsent ? !podConfined : !AllowedSeccomp.Contains(own.AsString() ?? ""))
            {
                c.Violation(own.IsAbsent ? podType : own, $"{name} runs without a seccomp profile", "Set securityContext.seccompProfile.type: RuntimeDefault on the pod.",
                    shown: own.IsAbsent && podType.IsAbsent ? "(not set on the pod or the container)" : null);
            }
        });
    }

    private static void Resources(PropertyValue pod, RuleCheck c)
    {
        foreach (var list in new[] { "containers", "initContainers" })
        {
            var containers = pod[list];
            if (!c.Decidable(containers))
            {
                continue;
            }

            foreach (var container in containers.Items)
            {
                var name = KubernetesObjects.NameOf(container);
                var resources = container["resources"];
                c.RequireSet(resources["requests"].Key("cpu"), $"{name} requests no CPU", "Set resources.requests.cpu.");
                c.RequireSet(resources["requests"].Key("memory"), $"{name} requests no memory", "Set resources.requests.memory.");
                c.RequireSet(resources["limits"].Key("memory"), $"{name} has no memory limit", "Set resources.limits.memory.", Enforcement.MandatoryInProduction);
            }
        }
    }

    private static void Probes(PropertyValue pod, RuleCheck c)
    {
        if (c.Subject?.Kind is "Job" or "CronJob")
        {
            return;
        }

        foreach (var container in KubernetesObjects.Containers(pod, c, includeInit: false))
        {
            var name = KubernetesObjects.NameOf(container);
            c.RequireSet(container["livenessProbe"], $"{name} has no liveness probe", "Add livenessProbe.");
            c.RequireSet(container["readinessProbe"], $"{name} has no readiness probe", "Add readinessProbe.");
        }
    }

    private static void PinnedImages(PropertyValue pod, RuleCheck c)
    {
        foreach (var container in KubernetesObjects.Containers(pod, c))
        {
            var image = container["image"];
            var tail = Expressions.TrailingText(image.Node);
            if (image.IsAbsent || (tail is null && !c.Decidable(image)) || tail is null || tail.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            // In ${repo.url}:1.4.2 the tag is in the literal tail; in registry:5000/app the colon is a port, not a tag.
            var lastSegment = tail[(tail.LastIndexOf('/') + 1)..];
            var colon = lastSegment.LastIndexOf(':');
            var tag = colon < 0 ? null : lastSegment[(colon + 1)..];
            if (tag is null or "" or "latest")
            {
                c.Violation(image, $"{KubernetesObjects.NameOf(container)} uses {(tag is "latest" ? ":latest" : "no tag (latest)")}", "Pin a version tag or a digest.");
            }
        }
    }

    private static void ServiceAccount(PropertyValue pod, RuleCheck c)
    {
        var automount = pod["automountServiceAccountToken"];
        if (c.Decidable(automount) && automount.AsBool() != false)
        {
            c.Violation(automount, "the pod gets an API token it probably does not need", "Set automountServiceAccountToken: false.",
                shown: automount.IsAbsent ? "(not set; tokens are mounted by default)" : null);
        }

        var account = pod["serviceAccountName"];
        if (c.Decidable(account) && (account.IsAbsent || account.AsString() == "default"))
        {
            c.Violation(account, "the pod uses the namespace's default ServiceAccount", "Create a ServiceAccount for the workload and set serviceAccountName.",
                shown: account.IsAbsent ? "(not set; uses \"default\")" : null);
        }
    }
}
