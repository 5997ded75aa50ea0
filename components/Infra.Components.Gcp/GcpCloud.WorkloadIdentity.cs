using Infra.Components.Connectivity;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

/// <summary>What every GKE Workload Identity client needs, whatever it reaches (Kafka, buckets).</summary>
public sealed partial class GcpCloud
{
    /// <summary>The GKE metadata server, which hands a pod its Workload Identity tokens (plain HTTP on both addresses).</summary>
    internal static readonly NetworkDestination[] MetadataServer = [new("169.254.169.254/32", 80), new("169.254.169.252/32", 988)];

    /// <summary>The annotation that lets a Kubernetes service account act as a Google service account.</summary>
    internal const string WorkloadIdentityAnnotation = "iam.gke.io/gcp-service-account";

    /// <summary>Lets one Kubernetes service account of the project's clusters act as <paramref name="account"/>.</summary>
    private void BindWorkloadIdentity(PlatformComponent owner, string resourceName, CustomResource account, string kubernetesNamespace, string serviceAccount) =>
        _ = new CustomResource("gcp:serviceaccount/iAMMember:IAMMember", resourceName, new Props
        {
            ["serviceAccountId"] = account.GetOutput<string>("name"),
            ["role"] = "roles/iam.workloadIdentityUser",
            ["member"] = $"serviceAccount:{Options.Project}.svc.id.goog[{kubernetesNamespace}/{serviceAccount}]",
        }, owner.ChildResourceOptions);
}
