namespace Infra.Components.Gcp;

/// <summary>
/// Knobs only Google Cloud has. Filled from stack config with camelCase keys (<c>project</c>, <c>projectNumber</c>,
/// <c>releaseChannel</c>, <c>defaultMachineType</c>, <c>privateServicesCidr</c>).
/// </summary>
public sealed record GcpOptions
{
    /// <summary>The project ID, e.g. <c>acme-prod</c>. Required.</summary>
    public required string Project { get; init; }

    /// <summary>
    /// The project number, e.g. <c>123456789012</c>: it names the GKE service agent, which must be allowed to use
    /// the key that encrypts Kubernetes secrets. Required.
    /// </summary>
    public required string ProjectNumber { get; init; }

    /// <summary>The GKE release channel: <c>RAPID</c>, <c>REGULAR</c> or <c>STABLE</c>. Default: <c>REGULAR</c>.</summary>
    public string ReleaseChannel { get; init; } = "REGULAR";

    /// <summary>The Compute Engine machine type of node pools that name none. Default: <c>e2-standard-4</c>.</summary>
    public string DefaultMachineType { get; init; } = "e2-standard-4";

    /// <summary>
    /// The range reserved for Google-managed services (Cloud SQL, Memorystore) peered into the network, a /16 to /24
    /// block outside the network's ranges. Default: none (Google picks a free /16).
    /// </summary>
    public string? PrivateServicesCidr { get; init; }
}
