using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>
    /// The cluster's security groups. The main group (master and nodes) admits load balancer health checks, its own
    /// members, pods and services, and ICMP from the network; the master group admits the API ports from the
    /// network and, for a public endpoint, from the allow-list. Nothing is admitted from the world.
    /// </summary>
    private (CustomResource Main, CustomResource Master) CreateSecurityGroups(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network)
    {
        var main = new CustomResource("yandex:index/vpcSecurityGroup:VpcSecurityGroup", cluster.ChildResourceName("main-sg"), new Props
        {
            ["name"] = cluster.CloudResourceName("main"),
            ["description"] = "Master and nodes: health checks, cluster-internal traffic, pods and services",
            ["networkId"] = network.NetworkId,
            ["ingresses"] = new Input[]
            {
                new Props { ["description"] = "Load balancer health checks", ["protocol"] = "TCP", ["predefinedTarget"] = HealthChecks, ["fromPort"] = 0, ["toPort"] = 65535 },
                new Props { ["description"] = "Master and nodes among themselves", ["protocol"] = "ANY", ["predefinedTarget"] = "self_security_group", ["fromPort"] = 0, ["toPort"] = 65535 },
                new Props
                {
                    ["description"] = "Pods and services",
                    ["protocol"] = "ANY",
                    ["v4CidrBlocks"] = new[] { network.Spec.PodCidr.ToString(), network.Spec.ServiceCidr.ToString() },
                    ["fromPort"] = 0,
                    ["toPort"] = 65535,
                },
                new Props { ["description"] = "ICMP from the network", ["protocol"] = "ICMP", ["v4CidrBlocks"] = new[] { network.Spec.Cidr.ToString() } },
            },
            ["egresses"] = new Input[] { AnyEgress() },
            ["labels"] = Labels(),
        }, cluster.ChildResourceOptions);

        string[] apiClients = [network.Spec.Cidr.ToString(), .. spec.PublicEndpointAllowedCidrs.Select(c => c.ToString())];
        var master = new CustomResource("yandex:index/vpcSecurityGroup:VpcSecurityGroup", cluster.ChildResourceName("master-sg"), new Props
        {
            ["name"] = cluster.CloudResourceName("master"),
            ["description"] = "Kubernetes API from the network" + (spec.PublicEndpoint ? " and the allow-list" : ""),
            ["networkId"] = network.NetworkId,
            ["ingresses"] = new Input[]
            {
                new Props { ["description"] = "Kubernetes API (443)", ["protocol"] = "TCP", ["port"] = 443, ["v4CidrBlocks"] = apiClients },
                new Props { ["description"] = "Kubernetes API (6443)", ["protocol"] = "TCP", ["port"] = 6443, ["v4CidrBlocks"] = apiClients },
            },
            ["labels"] = Labels(),
        }, cluster.ChildResourceOptions);
        return (main, master);
    }

    /// <summary>
    /// Yandex autoscales a node group within one zone only, so each pool becomes one group per zone, its totals
    /// split across the zones. Nodes get no public address and auto-upgrade and auto-repair.
    /// </summary>
    private List<Resource> CreateNodeGroups(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network, CustomResource k8s, CustomResource mainGroup)
    {
        var groups = new List<Resource>();
        foreach (var pool in spec.NodePools)
        {
            var (platform, cores, memory) = ParseMachineType(pool.MachineType);
            for (var i = 0; i < network.Zones.Count; i++)
            {
                var zone = network.Zones[i];
                var min = NodePoolSpec.ShareOf(pool.MinNodes, network.Zones.Count, i);
                var initial = NodePoolSpec.ShareOf(pool.DesiredNodes, network.Zones.Count, i);
                var max = Math.Max(1, NodePoolSpec.ShareOf(pool.MaxNodes, network.Zones.Count, i));
                groups.Add(new CustomResource("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup", cluster.ChildResourceName($"{pool.Name}-{zone}"), new Props
                {
                    ["name"] = ComponentNames.Fit(cluster.CloudResourceName($"{pool.Name}-{zone}"), 63),
                    ["description"] = $"Pool {pool.Name} of {cluster.CloudResourceName()} in {zone}",
                    ["clusterId"] = k8s.Id,
                    ["version"] = spec.Version.ToString(),
                    ["instanceTemplate"] = new Props
                    {
                        ["platformId"] = platform,
                        ["resources"] = new Props { ["cores"] = cores, ["memory"] = memory, ["coreFraction"] = 100 },
                        ["bootDisk"] = new Props { ["type"] = "network-ssd", ["size"] = pool.DiskSizeGb },
                        ["networkInterfaces"] = new Input[]
                        {
                            new Props
                            {
                                ["subnetIds"] = new Input[] { PrivateSubnetIn(network, zone) },
                                ["nat"] = false,
                                ["securityGroupIds"] = new Input[] { mainGroup.Id },
                            },
                        },
                        ["containerRuntime"] = new Props { ["type"] = "containerd" },
                    },
                    ["scalePolicy"] = new Props
                    {
                        ["autoScale"] = new Props { ["min"] = min, ["max"] = max, ["initial"] = initial },
                    },
                    ["allocationPolicy"] = new Props { ["locations"] = new Input[] { new Props { ["zone"] = zone } } },
                    ["maintenancePolicy"] = new Props
                    {
                        ["autoUpgrade"] = true,
                        ["autoRepair"] = true,
                        ["maintenanceWindows"] = MaintenanceWindows(),
                    },
                    ["deployPolicy"] = new Props { ["maxExpansion"] = 1, ["maxUnavailable"] = 0 },
                    ["nodeLabels"] = NodeLabels(pool),
                    ["nodeTaints"] = pool.Taints.Count == 0 ? null : pool.Taints.Select(Taint).ToArray(),
                    ["labels"] = Labels(),
                }, cluster.ChildResourceOptions));
            }
        }

        return groups;
    }

    private static Props? NodeLabels(NodePoolSpec pool)
    {
        if (pool.Labels.Count == 0)
        {
            return null;
        }

        var labels = new Props();
        foreach (var (key, value) in pool.Labels)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>Yandex writes taints as <c>key=value:Effect</c>.</summary>
    private static string Taint(NodeTaintSpec taint) =>
        taint.Value.Length == 0 ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";
}
