using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>Where the EKS Pod Identity agent serves credentials on every node (link-local, HTTP).</summary>
    internal static readonly NetworkDestination PodIdentityAgent = new("169.254.170.23/32", 80);

    private readonly Dictionary<(Clusters.KubernetesCluster, string, string), CustomResource> writerRoles = [];

    /// <summary>
    /// The writer's role and its Pod Identity association, once per service account of a cluster: EKS associates a
    /// service account with one role only, so every bucket the writer may write to adds a policy to the same role.
    /// </summary>
    private CustomResource WriterRole(ObjectWriterGrant grant)
    {
        var key = (grant.Cluster, grant.Namespace, grant.ServiceAccount);
        if (writerRoles.TryGetValue(key, out var known))
        {
            return known;
        }

        var cluster = grant.Cluster;
        var stem = $"writer-{grant.Name}";
        var role = new CustomResource("aws:iam/role:Role", cluster.ChildResourceName(stem), new Props
        {
            ["description"] = $"{grant.Namespace}/{grant.ServiceAccount} of cluster {cluster.CloudResourceName()} writes objects",
            ["assumeRolePolicy"] = AwsPolicies.PodIdentityTrust(AccountId),
            ["tags"] = NameTag(cluster.CloudResourceName(stem)),
        }, cluster.ChildResourceOptions);
        _ = new CustomResource("aws:eks/podIdentityAssociation:PodIdentityAssociation", cluster.ChildResourceName($"{stem}-pod-identity"), new Props
        {
            ["clusterName"] = cluster.ClusterName,
            ["namespace"] = grant.Namespace,
            ["serviceAccount"] = grant.ServiceAccount,
            ["roleArn"] = role.GetOutput<string>("arn"),
            ["tags"] = NameTag(cluster.CloudResourceName(stem)),
        }, cluster.ChildResourceOptions);
        writerRoles[key] = role;
        return role;
    }

    /// <summary>
    /// EKS Pod Identity: a role only EKS may hand out, allowed to create objects under the prefix and nothing else,
    /// associated with the writer's service account in its namespace of the cluster. No key exists; the pod gets
    /// short-lived credentials from the node's Pod Identity agent. The bucket key's policy delegates to IAM, so the
    /// role's own policy is what lets it use the key.
    /// </summary>
    public ObjectStorageTarget GrantObjectWriter(ObjectStorage storage, ObjectWriterGrant grant)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(grant);
        var bucket = s3Buckets[storage];
        var spec = storage.Spec;
        var role = WriterRole(grant);
        var stem = $"writer-{grant.Name}";
        _ = new CustomResource("aws:iam/rolePolicy:RolePolicy", storage.ChildResourceName($"{stem}-policy"), new Props
        {
            ["role"] = role.Id,
            ["policy"] = AwsPolicies.WriteObjectsUnder(spec.BucketName, grant.Prefix, spec.Region, bucket.KeyArn),
        }, storage.ChildResourceOptions);

        return new ObjectStorageTarget
        {
            Bucket = spec.BucketName,
            Endpoint = $"https://s3.{spec.Region}.amazonaws.com",
            Region = spec.Region,
            Api = ObjectStorageApi.S3,
            Prefix = grant.Prefix,
            GrantedTo = grant.Identity,
            CredentialEndpoints = [PodIdentityAgent],
        };
    }
}
