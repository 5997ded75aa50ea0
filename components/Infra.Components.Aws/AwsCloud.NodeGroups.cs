using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>The AWS managed policies a worker node needs, and no others.</summary>
    internal static readonly string[] NodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"];

    /// <summary>
    /// One managed node group per pool, in the private subnets of every zone, with node auto-repair, an encrypted
    /// root volume and IMDSv2 only (hop limit 1, so pods cannot borrow the node's role).
    /// </summary>
    private static List<Resource> CreateNodeGroups(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network,
        CustomResource eks, IReadOnlyList<Resource> before)
    {
        var role = new CustomResource("aws:iam/role:Role", cluster.ChildResourceName("node-role"), new Props
        {
            ["description"] = $"Worker nodes of EKS cluster {cluster.CloudResourceName()}",
            ["assumeRolePolicy"] = AwsPolicies.ServiceTrust("ec2.amazonaws.com"),
            ["tags"] = NameTag(cluster.CloudResourceName("nodes")),
        }, cluster.ChildResourceOptions);
        var attachments = NodePolicies
            .Select(policy => (Resource)AttachManagedPolicy(cluster, $"node-{policy}", role, policy))
            .ToList();

        var groups = new List<Resource>();
        foreach (var pool in spec.NodePools)
        {
            var template = new CustomResource("aws:ec2/launchTemplate:LaunchTemplate", cluster.ChildResourceName($"{pool.Name}-template"), new Props
            {
                ["description"] = $"Nodes of pool {pool.Name} in EKS cluster {cluster.CloudResourceName()}",
                ["metadataOptions"] = new Props
                {
                    ["httpEndpoint"] = "enabled",
                    ["httpTokens"] = "required",
                    ["httpPutResponseHopLimit"] = 1,
                },
                ["blockDeviceMappings"] = new Input[]
                {
                    new Props
                    {
                        ["deviceName"] = "/dev/xvda",
                        ["ebs"] = new Props
                        {
                            ["volumeSize"] = pool.DiskSizeGb,
                            ["volumeType"] = "gp3",
                            ["encrypted"] = "true",
                            ["deleteOnTermination"] = "true",
                        },
                    },
                },
                ["tags"] = NameTag(cluster.CloudResourceName(pool.Name)),
            }, cluster.ChildResourceOptions);

            var labels = new Props();
            foreach (var (key, value) in pool.Labels)
            {
                labels[key] = value;
            }

            groups.Add(new CustomResource("aws:eks/nodeGroup:NodeGroup", cluster.ChildResourceName(pool.Name), new Props
            {
                ["clusterName"] = eks.GetOutput<string>("name"),
                ["nodeGroupName"] = pool.Name,
                ["nodeRoleArn"] = role.GetOutput<string>("arn"),
                ["subnetIds"] = network.PrivateSubnetIds,

                // Follows the control plane, so that raising the version in config upgrades the nodes too.
                ["version"] = eks.GetOutput<string>("version"),
                ["instanceTypes"] = new[] { pool.MachineType },
                ["scalingConfig"] = new Props
                {
                    ["minSize"] = pool.MinNodes,
                    ["maxSize"] = pool.MaxNodes,
                    ["desiredSize"] = pool.DesiredNodes,
                },
                ["launchTemplate"] = new Props
                {
                    ["id"] = template.Id,

                    // The template's version is a number; the node group takes it as text.
                    ["version"] = Fn.ToJson(template.GetOutput<int>("latestVersion")),
                },
                ["labels"] = labels.Count == 0 ? null : labels,
                ["taints"] = pool.Taints.Count == 0 ? null : pool.Taints.Select(Taint).ToArray(),
                ["updateConfig"] = new Props { ["maxUnavailable"] = 1 },
                ["nodeRepairConfig"] = new Props { ["enabled"] = true },
                ["tags"] = NameTag(cluster.CloudResourceName(pool.Name)),
            }, cluster.ChildResourceOptions with
            {
                DependsOn = [.. attachments, .. before],

                // The cluster autoscaler owns the current size; config only sets where it starts.
                IgnoreChanges = ["scalingConfig.desiredSize"],
            }));
        }

        return groups;
    }

    private static Input Taint(NodeTaintSpec taint) => new Props
    {
        ["key"] = taint.Key,
        ["value"] = taint.Value.Length == 0 ? null : taint.Value,
        ["effect"] = taint.Effect switch
        {
            TaintEffect.NoExecute => "NO_EXECUTE",
            TaintEffect.PreferNoSchedule => "PREFER_NO_SCHEDULE",
            _ => "NO_SCHEDULE",
        },
    };
}
