namespace Infra.Components.Connectivity;

/// <summary>
/// Who a workload is, for grants on data services (<c>kafka.GrantProduce("orders", ordersApi)</c>). Each cloud
/// turns it into what it authenticates: a SCRAM user with a generated password, or a cloud service account that
/// the workload's Kubernetes service account impersonates. Cloud-neutral.
/// </summary>
/// <example>
/// <code>
/// var ordersApi = new WorkloadIdentity { Name = "orders-api", KubernetesNamespace = "shop" };
/// </code>
/// </example>
public sealed record WorkloadIdentity
{
    /// <summary>
    /// A short lower-case name (letters, digits, hyphens; starts with a letter; at most 30 characters), usually the
    /// workload's. It names the user or service account created for it. Required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>
    /// The namespace the workload runs in, for clouds that bind a cloud identity to a Kubernetes service account
    /// (GKE Workload Identity). Default: none (no binding; the workload authenticates some other way).
    /// </summary>
    public string? KubernetesNamespace { get; init; }

    /// <summary>The workload's Kubernetes service account. Default: <see cref="Name"/>.</summary>
    public string? KubernetesServiceAccount { get; init; }
}
