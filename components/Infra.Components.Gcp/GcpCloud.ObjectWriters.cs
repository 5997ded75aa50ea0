using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>Shortest and longest service account id.</summary>
    private const int MinAccountIdLength = 6;
    private const int MaxAccountIdLength = 30;

    private readonly Dictionary<(Clusters.KubernetesCluster, string, string), CustomResource> writerAccounts = [];

    /// <summary>
    /// GKE Workload Identity: a Google service account of the writer, allowed by an IAM condition to create objects
    /// whose names start with the prefix (Storage Object Creator: no read, list, overwrite or delete), impersonable by
    /// the writer's Kubernetes service account only. No key exists; the pod gets tokens from the node's metadata
    /// server. The bucket's customer-managed key is used by the Cloud Storage service agent, not by the writer.
    /// </summary>
    public ObjectStorageTarget GrantObjectWriter(ObjectStorage storage, ObjectWriterGrant grant)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(grant);
        var bucket = gcsBuckets[storage];
        var spec = storage.Spec;
        var account = WriterAccount(grant);
        var stem = $"writer-{grant.Name}";
        _ = new CustomResource("gcp:storage/bucketIAMMember:BucketIAMMember", storage.ChildResourceName($"{stem}-objects"), new Props
        {
            ["bucket"] = bucket.GetOutput<string>("name"),
            ["role"] = "roles/storage.objectCreator",
            ["member"] = account.GetOutput<string>("member"),

            // Conditions on bucket roles need uniform bucket-level access, which every bucket here has.
            ["condition"] = new Props
            {
                ["title"] = $"{grant.Name} writes under its prefix only",
                ["description"] = $"Objects under {grant.Prefix} only",
                ["expression"] = $"resource.name.startsWith(\"projects/_/buckets/{spec.BucketName}/objects/{grant.Prefix}\")",
            },
        }, storage.ChildResourceOptions);
        return new ObjectStorageTarget
        {
            Bucket = spec.BucketName,
            Endpoint = "https://storage.googleapis.com",
            Api = ObjectStorageApi.GoogleCloudStorage,
            Region = spec.Region,
            Prefix = grant.Prefix,
            GrantedTo = grant.Identity,
            ServiceAccountAnnotations = new Dictionary<string, Output<string>> { [WorkloadIdentityAnnotation] = account.GetOutput<string>("email") },
            CredentialEndpoints = MetadataServer,
        };
    }

    /// <summary>
    /// The writer's Google service account and its Workload Identity binding, once per service account of a cluster:
    /// a Kubernetes service account impersonates one Google account, so every bucket grants that same account.
    /// </summary>
    private CustomResource WriterAccount(ObjectWriterGrant grant)
    {
        var key = (grant.Cluster, grant.Namespace, grant.ServiceAccount);
        if (writerAccounts.TryGetValue(key, out var known))
        {
            return known;
        }

        var cluster = grant.Cluster;
        var stem = $"writer-{grant.Name}";
        var account = new CustomResource("gcp:serviceaccount/account:Account", cluster.ChildResourceName(stem), new Props
        {
            ["accountId"] = WriterAccountId(cluster, grant),
            ["displayName"] = $"{grant.Namespace}/{grant.ServiceAccount} of cluster {cluster.CloudResourceName()} writes objects",
            ["project"] = Options.Project,
        }, cluster.ChildResourceOptions);
        BindWorkloadIdentity(cluster, cluster.ChildResourceName($"{stem}-workload-identity"), account, grant.Namespace, grant.ServiceAccount);
        writerAccounts[key] = account;
        return account;
    }

    /// <summary>A service account id (6 to 30 characters) that names the cluster and the writer, stable across runs.</summary>
    internal static string WriterAccountId(PlatformComponent cluster, ObjectWriterGrant grant)
    {
        var id = cluster.CloudResourceName(grant.Name);
        return ComponentNames.Fit(id.Length < MinAccountIdLength ? $"{id}-writer" : id, MaxAccountIdLength);
    }
}
