using Infra.Components;
using Infra.Components.Clusters;
using Infra.Core.Values;

namespace Infra.Tests.Components.Clusters;

public sealed class NodePoolTests
{
    public static TheoryData<CloudKind, string> CloudsAndEnvironments => TestPlatforms.CloudsAndEnvironments();

    private static readonly KubernetesClusterArgs TwoPools = new()
    {
        Version = "1.30",
        NodePools =
        [
            new NodePoolArgs { Name = "system", MinNodes = 2, MaxNodes = 5, DesiredNodes = 4 },
            new NodePoolArgs
            {
                Name = "batch",
                MachineType = null,
                DiskSizeGb = 100,
                Labels = new Dictionary<string, string> { ["workload"] = "batch" },
                Taints = [new NodeTaint { Key = "dedicated", Value = "batch" }, new NodeTaint { Key = "spot", Effect = TaintEffect.NoExecute }],
            },
        ],
    };

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Pools_autoscale_between_their_totals_across_the_zones(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment, clusterArgs: TwoPools);
        var program = built.Program;
        var zones = built.Network.Zones;

        switch (cloud)
        {
            case CloudKind.Aws:
                var system = program.OfType("aws:eks/nodeGroup:NodeGroup").Single(g => g.Text("nodeGroupName") == "system");
                Assert.Equal((2L, 5L, 4L), (system.Integer("scalingConfig.minSize")!.Value, system.Integer("scalingConfig.maxSize")!.Value, system.Integer("scalingConfig.desiredSize")!.Value));
                Assert.Equal(zones.Count, system.List("subnetIds").Count);
                Assert.Equal(["scalingConfig.desiredSize"], ((ListNode)system.Options!["ignoreChanges"]!).Items.Select(n => ((StringNode)n).Value));
                break;
            case CloudKind.Gcp:
                var pool = program.OfType("gcp:container/nodePool:NodePool").Single(p => p.Text("name") == "system");
                Assert.Equal((2L, 5L), (pool.Integer("autoscaling.totalMinNodeCount")!.Value, pool.Integer("autoscaling.totalMaxNodeCount")!.Value));
                Assert.Equal(zones, pool.Strings("nodeLocations"));
                Assert.Equal((4 + zones.Count - 1) / zones.Count, pool.Integer("initialNodeCount"));
                break;
            default:
                var groups = program.OfType("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup").Where(g => g.Key.StartsWith("platform-system-", StringComparison.Ordinal)).ToList();
                Assert.Equal(zones, groups.Select(g => Assert.Single(g.List("allocationPolicy.locations")).Text("zone")));
                Assert.Equal(2, groups.Sum(g => g.Integer("scalePolicy.autoScale.min")));
                Assert.Equal(4, groups.Sum(g => g.Integer("scalePolicy.autoScale.initial")));
                Assert.Equal(5, groups.Sum(g => g.Integer("scalePolicy.autoScale.max")));
                Assert.All(groups, g => Assert.InRange(g.Integer("scalePolicy.autoScale.max")!.Value, 1, 5));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Labels_taints_disks_and_machine_types_reach_the_nodes(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkAndCluster(cloud, environment, clusterArgs: TwoPools).Program;

        switch (cloud)
        {
            case CloudKind.Aws:
                var batch = program.OfType("aws:eks/nodeGroup:NodeGroup").Single(g => g.Text("nodeGroupName") == "batch");
                Assert.Equal("batch", batch.Get("labels")!.Text("workload"));
                Assert.Equal(["dedicated:batch:NO_SCHEDULE", "spot::NO_EXECUTE"],
                    batch.List("taints").Select(t => $"{t.Text("key")}:{t.Text("value")}:{t.Text("effect")}"));
                Assert.Equal(["m6i.large"], batch.Strings("instanceTypes"));
                var template = program.OfType("aws:ec2/launchTemplate:LaunchTemplate").Single(t => t.Key == "platform-batch-template");
                Assert.Equal(100, ((IntegerNode)Assert.Single(template.List("blockDeviceMappings")).Get("ebs")!.Get("volumeSize")!).Value);
                break;
            case CloudKind.Gcp:
                var config = program.OfType("gcp:container/nodePool:NodePool").Single(p => p.Text("name") == "batch").Get("nodeConfig")!;
                Assert.Equal("batch", config.Get("labels")!.Text("workload"));
                Assert.Equal(["dedicated:batch:NO_SCHEDULE", "spot::NO_EXECUTE"],
                    ((ListNode)config.Get("taints")!).Items.Select(t => $"{t.Text("key")}:{t.Text("value")}:{t.Text("effect")}"));
                Assert.Equal("e2-standard-4", config.Text("machineType"));
                Assert.Equal(100, ((IntegerNode)config.Get("diskSizeGb")!).Value);
                break;
            default:
                var group = program.OfType("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup").First(g => g.Key.StartsWith("platform-batch-", StringComparison.Ordinal));
                Assert.Equal("batch", group.Get("nodeLabels")!.Text("workload"));
                Assert.Equal(["dedicated=batch:NoSchedule", "spot:NoExecute"], group.Strings("nodeTaints"));
                Assert.Equal("standard-v3", group.Text("instanceTemplate.platformId"));
                Assert.Equal((4L, 16L), (group.Integer("instanceTemplate.resources.cores")!.Value, group.Integer("instanceTemplate.resources.memory")!.Value));
                Assert.Equal(100, group.Integer("instanceTemplate.bootDisk.size"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_control_plane_and_nodes_span_three_zones_in_prod(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);
        var program = built.Program;
        var prod = environment == "prod";
        var zones = TestPlatforms.Settings(cloud, environment).Zones;

        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.Equal(prod ? 3 : 2, program.Single("aws:eks/cluster:Cluster").List("vpcConfig.subnetIds").Count);
                Assert.Equal(prod ? 3 : 2, program.Single("aws:eks/nodeGroup:NodeGroup").List("subnetIds").Count);
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.Equal(prod ? "europe-west1" : zones[0], gke.Text("location"));
                Assert.Equal(prod ? 3 : 2, program.Single("gcp:container/nodePool:NodePool").Strings("nodeLocations").Count);
                break;
            default:
                var master = program.Single("yandex:index/kubernetesCluster:KubernetesCluster").Get("master")!;
                if (prod)
                {
                    Assert.Null(master.Get("zonal"));
                    Assert.Equal(zones, ((ListNode)master.Get("regional")!.Get("locations")!).Items.Select(l => l.Text("zone")));
                }
                else
                {
                    Assert.Null(master.Get("regional"));
                    Assert.Equal(zones[0], master.Get("zonal")!.Text("zone"));
                }

                Assert.Equal(prod ? 3 : 2, program.OfType("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup").Count);
                break;
        }
    }

    [Fact]
    public void Yandex_splits_pool_totals_across_zones_without_losing_nodes() =>
        Assert.Equal([2, 2, 1], Enumerable.Range(0, 3).Select(zone => NodePoolSpec.ShareOf(5, 3, zone)));
}
