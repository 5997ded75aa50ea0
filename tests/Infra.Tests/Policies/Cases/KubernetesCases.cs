using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

/// <summary>
/// Workload fixtures: a hardened Deployment (which passes every workload rule) and one change per failing case,
/// plus objects inside ConfigGroups (as objs and as YAML text).
/// </summary>
internal static class KubernetesCases
{
    private const string Container = "name: app, image: registry.example.com/shop/app:1.4.2, " +
        "securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: [ALL] } }, " +
        "resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }, " +
        "livenessProbe: { httpGet: { path: /healthz, port: 8080 } }, readinessProbe: { httpGet: { path: /ready, port: 8080 } }, ports: [{ containerPort: 8080 }]";

    private const string PodSecurity = "securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }";

    private const string Spec = "spec.template.spec";

    /// <summary>A Deployment that passes every workload rule; <paramref name="change"/> rewrites one part of it.</summary>
    public static string Deployment(Func<string, string>? change = null, string key = "app", string ns = "shop") => (change ?? (s => s))($$"""
        {{key}}:
          type: kubernetes:apps/v1:Deployment
          properties:
            metadata: { name: {{key}}, namespace: {{ns}} }
            spec:
              replicas: 2
              selector: { matchLabels: { app: {{key}} } }
              template:
                metadata: { labels: { app: {{key}} } }
                spec:
                  serviceAccountName: shop
                  automountServiceAccountToken: false
                  {{PodSecurity}}
                  containers:
                    - { {{Container}} }
        """);

    private const string DefaultDeny = """
        denyAll:
          type: kubernetes:networking.k8s.io/v1:NetworkPolicy
          properties: { metadata: { name: deny-all, namespace: shop }, spec: { podSelector: {}, policyTypes: [Ingress, Egress] } }
        budget:
          type: kubernetes:policy/v1:PodDisruptionBudget
          properties: { metadata: { name: app, namespace: shop }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: app } } } }
        """;

    public static IEnumerable<RuleCase> All =>
    [
        .. Hardened(),
        Fail("INF-WL-001", "kubernetes", "a privileged container", Deployment(s => s.Replace("allowPrivilegeEscalation: false", "privileged: true, allowPrivilegeEscalation: false", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.privileged"),
        Fail("INF-WL-001", "kubernetes", "a privileged init container in ConfigGroup YAML", """
            manifests:
              type: kubernetes:yaml/v2:ConfigGroup
              properties:
                yaml: |
                  apiVersion: v1
                  kind: Namespace
                  metadata: { name: shop }
                  ---
                  apiVersion: apps/v1
                  kind: DaemonSet
                  metadata: { name: agent, namespace: shop }
                  spec:
                    template:
                      spec:
                        initContainers:
                          - name: setup
                            image: busybox:1.36
                            securityContext: { privileged: true }
                        containers:
                          - name: agent
                            image: agent:2.0
            """, $"{Spec}.initContainers[0].securityContext.privileged"),
        Fail("INF-WL-002", "kubernetes", "privilege escalation not disallowed (unset means allowed)", Deployment(s => s.Replace("allowPrivilegeEscalation: false, ", "", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.allowPrivilegeEscalation"),
        Fail("INF-WL-003", "kubernetes", "UID 0", Deployment(s => s.Replace("runAsUser: 10001", "runAsUser: 0", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.runAsUser"),
        Fail("INF-WL-003", "kubernetes", "runAsNonRoot set nowhere", Deployment(s => s
                .Replace("runAsNonRoot: true, runAsUser", "runAsUser", StringComparison.Ordinal)
                .Replace("securityContext: { runAsNonRoot: true, seccomp", "securityContext: { seccomp", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.runAsNonRoot"),
        Fail("INF-WL-004", "kubernetes", "a writable root filesystem by default", Deployment(s => s.Replace("readOnlyRootFilesystem: true, ", "", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.readOnlyRootFilesystem"),
        Fail("INF-WL-005", "kubernetes", "SYS_ADMIN added", Deployment(s => s.Replace("drop: [ALL]", "drop: [ALL], add: [SYS_ADMIN]", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.capabilities.add"),
        Fail("INF-WL-005", "kubernetes", "capabilities not dropped", Deployment(s => s.Replace("capabilities: { drop: [ALL] }", "capabilities: { add: [NET_BIND_SERVICE] }", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.capabilities.drop"),
        Fail("INF-WL-006", "kubernetes", "the host network", Deployment(s => s.Replace("automountServiceAccountToken: false", "automountServiceAccountToken: false\n          hostNetwork: true", StringComparison.Ordinal)),
            $"{Spec}.hostNetwork"),
        Fail("INF-WL-007", "kubernetes", "the container runtime socket mounted", Deployment(s => s.Replace("automountServiceAccountToken: false", "automountServiceAccountToken: false\n          volumes: [{ name: sock, hostPath: { path: /run/containerd/containerd.sock } }]", StringComparison.Ordinal)),
            $"{Spec}.volumes[0].hostPath"),
        Fail("INF-WL-007", "kubernetes", "a host port", Deployment(s => s.Replace("containerPort: 8080", "containerPort: 8080, hostPort: 8080", StringComparison.Ordinal)),
            $"{Spec}.containers[0].ports[0].hostPort"),
        Fail("INF-WL-008", "kubernetes", "no seccomp profile", Deployment(s => s.Replace(", seccompProfile: { type: RuntimeDefault }", "", StringComparison.Ordinal)),
            $"{Spec}.securityContext.seccompProfile.type"),
        Fail("INF-WL-008", "kubernetes", "a container opting out with Unconfined", Deployment(s => s.Replace("capabilities: { drop: [ALL] }", "capabilities: { drop: [ALL] }, seccompProfile: { type: Unconfined }", StringComparison.Ordinal)),
            $"{Spec}.containers[0].securityContext.seccompProfile.type"),
        Fail("INF-WL-009", "kubernetes", "no memory limit", Deployment(s => s.Replace(", limits: { memory: 256Mi }", "", StringComparison.Ordinal)),
            $"{Spec}.containers[0].resources.limits[\"memory\"]"),
        Fail("INF-WL-009", "kubernetes", "no CPU request for a Pod in ConfigGroup objs", """
            manifests:
              type: kubernetes:yaml/v2:ConfigGroup
              properties:
                objs:
                  - apiVersion: v1
                    kind: Pod
                    metadata: { name: debug, namespace: shop }
                    spec: { containers: [{ name: debug, image: "busybox:1.36", resources: { requests: { memory: 64Mi }, limits: { memory: 64Mi } } }] }
            """, "spec.containers[0].resources.requests[\"cpu\"]"),
        Fail("INF-WL-010", "kubernetes", "no readiness probe", Deployment(s => s.Replace(", readinessProbe: { httpGet: { path: /ready, port: 8080 } }", "", StringComparison.Ordinal)),
            $"{Spec}.containers[0].readinessProbe"),
        Fail("INF-WL-011", "kubernetes", "the latest tag", Deployment(s => s.Replace("app:1.4.2", "app:latest", StringComparison.Ordinal)),
            $"{Spec}.containers[0].image"),
        Fail("INF-WL-011", "kubernetes", "no tag on a registry with a port", Deployment(s => s.Replace("registry.example.com/shop/app:1.4.2", "registry.example.com:5000/shop/app", StringComparison.Ordinal)),
            $"{Spec}.containers[0].image"),
        Fail("INF-WL-012", "kubernetes", "the token mounted by default", Deployment(s => s.Replace("automountServiceAccountToken: false", "dnsPolicy: ClusterFirst", StringComparison.Ordinal)),
            $"{Spec}.automountServiceAccountToken"),
        Fail("INF-WL-012", "kubernetes", "the default ServiceAccount", Deployment(s => s.Replace("serviceAccountName: shop", "serviceAccountName: default", StringComparison.Ordinal)),
            $"{Spec}.serviceAccountName"),

        Pass("INF-WL-013", "kubernetes", "a default-deny policy in the workload's namespace", Deployment() + "\n" + DefaultDeny),
        Pass("INF-WL-013", "kubernetes", "namespace and policy linked by reference", Deployment(s => s.Replace("namespace: shop", "namespace: \"${shopNs.metadata.name}\"", StringComparison.Ordinal)) + """

            shopNs:
              type: kubernetes:core/v1:Namespace
            denyAll:
              type: kubernetes:networking.k8s.io/v1:NetworkPolicy
              properties: { metadata: { namespace: "${shopNs.metadata.name}" }, spec: { podSelector: {}, policyTypes: [Ingress, Egress] } }
            """),
        Fail("INF-WL-013", "kubernetes", "no NetworkPolicy at all", Deployment(), "metadata.namespace"),
        Fail("INF-WL-013", "kubernetes", "only ingress denied; a Helm release's namespace counts too", """
            ingress:
              type: kubernetes:helm.sh/v3:Release
              properties: { chart: ingress-nginx, namespace: edge }
            denyIngress:
              type: kubernetes:networking.k8s.io/v1:NetworkPolicy
              properties: { metadata: { namespace: edge }, spec: { podSelector: {}, policyTypes: [Ingress] } }
            """, "namespace"),

        Pass("INF-WL-014", "kubernetes", "a budget allowing one disruption", Deployment() + "\n" + DefaultDeny),
        Fail("INF-WL-014", "kubernetes", "two replicas and no budget", Deployment(), "<kubernetes:policy/v1:PodDisruptionBudget>"),
        Fail("INF-WL-014", "kubernetes", "a budget that blocks every drain", """
            budget:
              type: kubernetes:policy/v1:PodDisruptionBudget
              properties: { metadata: { namespace: shop }, spec: { maxUnavailable: 0, selector: { matchLabels: { app: app } } } }
            """, "spec.maxUnavailable"),

        Pass("INF-WL-015", "kubernetes", "a workload and a release in their own namespaces", Deployment() + """

            monitoring:
              type: kubernetes:helm.sh/v3:Release
              properties: { chart: kube-prometheus-stack, namespace: monitoring }
            """),
        Fail("INF-WL-015", "kubernetes", "a Deployment in the default namespace", Deployment(s => s.Replace(", namespace: shop", "", StringComparison.Ordinal)), "metadata.namespace"),
        Fail("INF-WL-015", "kubernetes", "a Helm release without a namespace", """
            monitoring:
              type: kubernetes:helm.sh/v3:Release
              properties: { chart: kube-prometheus-stack }
            """, "namespace"),
        Fail("INF-WL-015", "kubernetes", "an NGINX snippet annotation", """
            web:
              type: kubernetes:networking.k8s.io/v1:Ingress
              properties: { metadata: { namespace: shop, annotations: { nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers X: y;" } }, spec: { tls: [{ hosts: [a] }] } }
            """, "metadata.annotations[\"nginx.ingress.kubernetes.io/configuration-snippet\"]"),
    ];

    /// <summary>The hardened Deployment passes every per-pod rule; a CronJob without probes passes INF-WL-010; a digest passes INF-WL-011.</summary>
    private static IEnumerable<RuleCase> Hardened()
    {
        for (var n = 1; n <= 12; n++)
        {
            yield return Pass($"INF-WL-{n:000}", "kubernetes", "a hardened Deployment", Deployment());
        }

        yield return Pass("INF-WL-010", "kubernetes", "a CronJob needs no probes", """
            report:
              type: kubernetes:batch/v1:CronJob
              properties: { metadata: { namespace: shop }, spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: report, image: "report:1.0" }] } } } } } }
            """);
        yield return Pass("INF-WL-011", "kubernetes", "an image pinned by digest", Deployment(s => s.Replace(":1.4.2", "@sha256:0d0c6a0b1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b", StringComparison.Ordinal)));
    }
}
