using Infra.Components.Kubernetes;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>The INF-WL-001 to INF-WL-012 rules of the policy catalogue, as plain checks over emitted pod templates.</summary>
internal static class WorkloadRules
{
    private static readonly Dictionary<string, (string PodSpecPath, bool LongRunning)> Kinds = new()
    {
        ["kubernetes:apps/v1:Deployment"] = ("spec.template.spec", true),
        ["kubernetes:apps/v1:StatefulSet"] = ("spec.template.spec", true),
        ["kubernetes:apps/v1:DaemonSet"] = ("spec.template.spec", true),
        ["kubernetes:batch/v1:Job"] = ("spec.template.spec", false),
        ["kubernetes:batch/v1:CronJob"] = ("spec.jobTemplate.spec.template.spec", false),
    };

    public static bool IsPodController(ResourceDecl resource) => Kinds.ContainsKey(resource.Type);

    public static List<string> Violations(ResourceDecl resource)
    {
        var (path, longRunning) = Kinds[resource.Type];
        var pod = resource.Properties.At(path);
        var found = new List<string>();
        void Check(bool ok, string rule, string what)
        {
            if (!ok)
            {
                found.Add($"{resource.Key} {rule}: {what}");
            }
        }

        Check(pod is MapNode, "INF-WL-000", "no pod spec");
        var containers = pod.Items("containers").Concat(pod.Items("initContainers")).ToList();
        Check(containers.Count > 0, "INF-WL-000", "no containers");
        var podNonRoot = pod.Bool("securityContext.runAsNonRoot") == true;
        var podSeccomp = pod.Text("securityContext.seccompProfile.type") is "RuntimeDefault" or "Localhost";
        Check(pod.Integer("securityContext.runAsUser") != 0, "INF-WL-003", "pod runAsUser 0");
        foreach (var flag in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            Check(pod.Bool(flag) != true, "INF-WL-006", flag);
        }

        Check(pod.Items("volumes").All(v => v.At("hostPath") is null), "INF-WL-007", "hostPath volume");
        Check(pod.Bool("automountServiceAccountToken") == false, "INF-WL-012", "service account token mounted");
        Check(pod.At("serviceAccountName") is not null and not StringNode { Value: "default" }, "INF-WL-012", "default service account");

        foreach (var container in containers)
        {
            var name = container.Text("name");
            Check(container.Bool("securityContext.privileged") != true, "INF-WL-001", $"{name} privileged");
            Check(container.Bool("securityContext.allowPrivilegeEscalation") == false, "INF-WL-002", $"{name} allowPrivilegeEscalation not false");
            Check(podNonRoot || container.Bool("securityContext.runAsNonRoot") == true, "INF-WL-003", $"{name} may run as root");
            Check(container.Integer("securityContext.runAsUser") != 0, "INF-WL-003", $"{name} runAsUser 0");
            Check(container.Bool("securityContext.readOnlyRootFilesystem") == true, "INF-WL-004", $"{name} writable root filesystem");
            Check(container.Strings("securityContext.capabilities.drop").Contains("ALL"), "INF-WL-005", $"{name} does not drop ALL");
            Check(container.Strings("securityContext.capabilities.add").All(c => c == "NET_BIND_SERVICE"), "INF-WL-005", $"{name} adds capabilities");
            Check(container.Items("ports").All(p => p.At("hostPort") is null), "INF-WL-007", $"{name} hostPort");
            Check(podSeccomp || container.Text("securityContext.seccompProfile.type") is "RuntimeDefault" or "Localhost", "INF-WL-008", $"{name} seccomp");
            Check(container.At("resources.requests.cpu") is not null && container.At("resources.requests.memory") is not null
                && container.At("resources.limits.memory") is not null, "INF-WL-009", $"{name} requests/limits");
            Check(ImageReference.Problem(container.Text("image")) is null, "INF-WL-011", $"{name} image {container.Text("image")}");
        }

        if (longRunning)
        {
            foreach (var container in pod.Items("containers"))
            {
                Check(container.At("livenessProbe") is not null && container.At("readinessProbe") is not null, "INF-WL-010",
                    $"{container.Text("name")} probes");
            }
        }

        return found;
    }
}
