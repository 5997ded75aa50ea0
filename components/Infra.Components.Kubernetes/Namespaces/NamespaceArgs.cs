namespace Infra.Components.Kubernetes;

/// <summary>Pod Security Admission levels (https://kubernetes.io/docs/concepts/security/pod-security-standards/).</summary>
public enum PodSecurityLevel
{
    Restricted,
    Baseline,
    Privileged,
}

/// <summary>Arguments of <see cref="Namespace"/>. Every property has a secure default.</summary>
public sealed record NamespaceArgs
{
    /// <summary>The Kubernetes name. Default: the component's name.</summary>
    public string? Name { get; init; }

    /// <summary>Extra labels on the namespace. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The enforced Pod Security level; audit and warn always stay <c>restricted</c>. Default: Restricted.
    /// A lower level is an explicit opt-out and needs <see cref="PodSecurityReason"/>.
    /// </summary>
    public PodSecurityLevel PodSecurity { get; init; } = PodSecurityLevel.Restricted;

    /// <summary>Why the namespace cannot enforce <c>restricted</c>; required when <see cref="PodSecurity"/> is lower. Written as an annotation.</summary>
    public string? PodSecurityReason { get; init; }

    /// <summary>Allow every pod of the namespace to reach the cluster DNS (kube-dns, UDP and TCP 53). Default: true.</summary>
    public bool AllowDns { get; init; } = true;

    /// <summary>Namespace and pod labels of the cluster DNS. Default: kube-system, <c>k8s-app: kube-dns</c> (EKS, GKE and Yandex all use them).</summary>
    public NetworkPeer Dns { get; init; } = NetworkPeer.Pods("kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" });

    /// <summary>The ResourceQuota. Default: see <see cref="NamespaceQuota"/>.</summary>
    public NamespaceQuota Quota { get; init; } = new();

    /// <summary>The LimitRange for containers. Default: see <see cref="ContainerLimits"/>.</summary>
    public ContainerLimits Limits { get; init; } = new();
}

/// <summary>Totals for every pod of a namespace (a ResourceQuota).</summary>
public sealed record NamespaceQuota
{
    /// <summary>Sum of CPU requests. Default: 4.</summary>
    public string RequestsCpu { get; init; } = "4";

    /// <summary>Sum of memory requests. Default: 8Gi.</summary>
    public string RequestsMemory { get; init; } = "8Gi";

    /// <summary>Sum of memory limits. Default: 16Gi.</summary>
    public string LimitsMemory { get; init; } = "16Gi";

    /// <summary>Sum of CPU limits; null leaves CPU limits unbounded (CPU is throttled, not killed). Default: null.</summary>
    public string? LimitsCpu { get; init; }

    /// <summary>Number of pods. Default: 50.</summary>
    public int Pods { get; init; } = 50;

    /// <summary>Number of PersistentVolumeClaims. Default: 10.</summary>
    public int PersistentVolumeClaims { get; init; } = 10;
}

/// <summary>Per-container defaults and maximums (a LimitRange), for containers that do not say.</summary>
public sealed record ContainerLimits
{
    /// <summary>Default: 100m.</summary>
    public string DefaultRequestCpu { get; init; } = "100m";

    /// <summary>Default: 128Mi.</summary>
    public string DefaultRequestMemory { get; init; } = "128Mi";

    /// <summary>Default: 256Mi.</summary>
    public string DefaultLimitMemory { get; init; } = "256Mi";

    /// <summary>Largest memory limit a container may ask for. Default: 4Gi.</summary>
    public string MaxMemory { get; init; } = "4Gi";

    /// <summary>Largest CPU limit a container may ask for. Default: 2.</summary>
    public string MaxCpu { get; init; } = "2";
}
