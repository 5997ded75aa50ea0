using Infra.Components;
using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Clusters;

public sealed class KubernetesClusterArgsValidationTests
{
    private static IReadOnlyList<Diagnostic> Problems(KubernetesClusterArgs args, CloudKind cloud = CloudKind.Aws, string environment = "dev",
        NetworkArgs? network = null) =>
        Assert.Throws<InfraException>(() => TestPlatforms.NetworkAndCluster(cloud, environment, network, args)).Diagnostics;

    private static Diagnostic Problem(KubernetesClusterArgs args, CloudKind cloud = CloudKind.Aws) => Assert.Single(Problems(args, cloud));

    private static KubernetesClusterArgs Pool(NodePoolArgs pool) => new() { Version = "1.30", NodePools = [pool] };

    [Theory]
    [InlineData("v1.30", "Write 1.30.")]
    [InlineData("1.30.2", "Write 1.30.")]
    [InlineData("1.30-eks", "Write 1.30.")]
    [InlineData("latest", "Write the minor version, e.g. 1.30.")]
    [InlineData("2.0", "Write the minor version, e.g. 1.30.")]
    [InlineData("", "Write the minor version, e.g. 1.30.")]
    public void An_unsupported_version_format_is_refused_with_the_version_it_probably_meant(string version, string fix)
    {
        var problem = Problem(new KubernetesClusterArgs { Version = version });

        Assert.Equal("INFRA-K8S-001", problem.Code);
        Assert.Equal($"KubernetesClusterArgs.Version: '{version}' is not a supported version format.", problem.Message);
        Assert.Equal(fix, problem.Fix);
        Assert.Equal("tests/Infra.Tests/Components/TestPlatforms.cs", problem.File);
    }

    [Fact]
    public void A_public_endpoint_needs_an_allow_list()
    {
        var problem = Problem(new KubernetesClusterArgs { Version = "1.30", PublicEndpoint = true });

        Assert.Equal("INFRA-K8S-002", problem.Code);
        Assert.Equal("KubernetesClusterArgs.PublicEndpointAllowedCidrs: a public endpoint needs an explicit CIDR allow-list.", problem.Message);
        Assert.Equal("List the ranges that may reach the API, e.g. your office or CI egress such as 203.0.113.0/24, or set PublicEndpoint to false.", problem.Fix);
    }

    [Theory]
    [InlineData("0.0.0.0/0", "'0.0.0.0/0' opens the API endpoint to the whole internet.")]
    [InlineData("::/0", "'::/0' opens the API endpoint to the whole internet.")]
    [InlineData("0.0.0.0/1", "'0.0.0.0/1' is not a narrow IPv4 range.")]
    [InlineData("2001:db8::/32", "'2001:db8::/32' is not a narrow IPv4 range.")]
    public void A_public_endpoint_is_never_open_to_the_world(string cidr, string message)
    {
        var problem = Problem(new KubernetesClusterArgs { Version = "1.30", PublicEndpoint = true, PublicEndpointAllowedCidrs = ["203.0.113.0/24", cidr] });

        Assert.Equal("INFRA-K8S-003", problem.Code);
        Assert.Equal($"KubernetesClusterArgs.PublicEndpointAllowedCidrs[1]: {message}", problem.Message);
        Assert.Equal(cidr, problem.Value);
    }

    [Fact]
    public void An_allow_list_without_a_public_endpoint_is_not_silently_ignored()
    {
        var problem = Problem(new KubernetesClusterArgs { Version = "1.30", PublicEndpointAllowedCidrs = ["203.0.113.0/24"] });

        Assert.Equal("INFRA-K8S-004", problem.Code);
        Assert.Equal("KubernetesClusterArgs.PublicEndpointAllowedCidrs: an allow-list is given but PublicEndpoint is not true.", problem.Message);
    }

    [Fact]
    public void An_allow_list_entry_must_be_a_canonical_block()
    {
        var problem = Problem(new KubernetesClusterArgs { Version = "1.30", PublicEndpoint = true, PublicEndpointAllowedCidrs = ["203.0.113.5/24"] });

        Assert.Equal("KubernetesClusterArgs.PublicEndpointAllowedCidrs[0]: '203.0.113.5/24' has host bits set.", problem.Message);
        Assert.Equal("Use 203.0.113.0/24.", problem.Fix);
    }

    [Theory]
    [InlineData(0, null, null, "KubernetesClusterArgs.NodePools[0].MinNodes: 0 nodes is too few; node pool 'system' needs at least 1 node.")]
    [InlineData(null, 0, null, "KubernetesClusterArgs.NodePools[0].MaxNodes: 0 nodes is too few; node pool 'system' needs at least 1 node.")]
    [InlineData(1, 3, 0, "KubernetesClusterArgs.NodePools[0].DesiredNodes: 0 nodes is too few; node pool 'system' needs at least 1 node.")]
    [InlineData(4, 2, null, "KubernetesClusterArgs.NodePools[0].MaxNodes: MaxNodes 2 is below MinNodes 4.")]
    [InlineData(1, 3, 10, "KubernetesClusterArgs.NodePools[0].DesiredNodes: DesiredNodes 10 is outside MinNodes..MaxNodes (1..3).")]
    public void Node_counts_need_at_least_one_node_and_min_below_max(int? min, int? max, int? desired, string message)
    {
        var problem = Problem(Pool(new NodePoolArgs { Name = "system", MinNodes = min, MaxNodes = max, DesiredNodes = desired }));

        Assert.Equal(message, problem.Message);
        Assert.StartsWith("INFRA-K8S-00", problem.Code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "m6i_large", "Use an EC2 instance type such as m6i.large.")]
    [InlineData(CloudKind.Gcp, "e2standard4", "Use a Compute Engine machine type such as e2-standard-4.")]
    [InlineData(CloudKind.Yandex, "s3-c4-m16", "Use a Yandex Cloud machine type written <platform>-<cores>-<memory GiB>, such as standard-v3-4-16.")]
    public void A_machine_type_must_have_its_clouds_shape(CloudKind cloud, string machineType, string fix)
    {
        var problem = Problem(Pool(new NodePoolArgs { Name = "system", MachineType = machineType }), cloud);

        Assert.Equal("INFRA-K8S-009", problem.Code);
        Assert.Equal($"KubernetesClusterArgs.NodePools[0].MachineType: '{machineType}' is not a machine type of this cloud.", problem.Message);
        Assert.Equal(fix, problem.Fix);
    }

    [Fact]
    public void Pools_need_valid_unique_names_disks_labels_and_taints_and_every_problem_is_listed()
    {
        var problems = Problems(new KubernetesClusterArgs
        {
            Version = "1.30",
            NodePools =
            [
                new NodePoolArgs { Name = "system", DiskSizeGb = 10, Labels = new Dictionary<string, string> { ["-bad"] = "ok" } },
                new NodePoolArgs { Name = "system", Taints = [new NodeTaint { Key = "dedicated", Value = "a b" }] },
                new NodePoolArgs { Name = "System_1" },
            ],
        });

        Assert.Equal(
        [
            "KubernetesClusterArgs.NodePools[0].DiskSizeGb: 10 GiB is outside 30..2048 GiB.",
            "KubernetesClusterArgs.NodePools[0].Labels[\"-bad\"]: '-bad' is not a valid Kubernetes label key.",
            "KubernetesClusterArgs.NodePools[1].Taints[0]: 'a b' is not a valid Kubernetes label value.",
            "KubernetesClusterArgs.NodePools[2].Name: 'System_1' is not a valid node pool name.",
        ], problems.Select(p => p.Message));
    }

    [Fact]
    public void Pool_names_are_unique()
    {
        var problems = Problems(new KubernetesClusterArgs { Version = "1.30", NodePools = [new NodePoolArgs { Name = "workers" }, new NodePoolArgs { Name = "workers" }] });

        Assert.Equal("KubernetesClusterArgs.NodePools[1].Name: node pool name 'workers' is used twice.", Assert.Single(problems).Message);
    }

    [Fact]
    public void An_empty_pool_list_is_refused()
    {
        var problem = Problem(new KubernetesClusterArgs { Version = "1.30", NodePools = [] });

        Assert.Equal("KubernetesClusterArgs.NodePools: no node pool is given.", problem.Message);
    }

    [Fact]
    public void Version_endpoint_and_node_problems_are_reported_together()
    {
        var problems = Problems(new KubernetesClusterArgs
        {
            Version = "1.30.1",
            PublicEndpoint = true,
            PublicEndpointAllowedCidrs = ["0.0.0.0/0"],
            NodePools = [new NodePoolArgs { Name = "system", MinNodes = 0 }],
        });

        Assert.Equal(["INFRA-K8S-001", "INFRA-K8S-003", "INFRA-K8S-007"], problems.Select(p => p.Code));
    }

    [Fact]
    public void A_yandex_regional_master_needs_three_zones()
    {
        var problems = Problems(new KubernetesClusterArgs { Version = "1.30" }, CloudKind.Yandex, "prod", new NetworkArgs { ZoneCount = 2 });

        var problem = Assert.Single(problems);
        Assert.Equal("INFRA-YANDEX-004", problem.Code);
        Assert.Equal("KubernetesClusterArgs.HighlyAvailableControlPlane: a regional master on Yandex Cloud needs subnets in 3 zones; network 'main' has 2.", problem.Message);
        Assert.Equal("Set NetworkArgs.ZoneCount to 3, or set HighlyAvailableControlPlane to false for a zonal master.", problem.Fix);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "dev", "m6i.large", 1, 3, false)]
    [InlineData(CloudKind.Gcp, "prod", "e2-standard-4", 3, 6, true)]
    [InlineData(CloudKind.Yandex, "prod", "standard-v3-4-16", 3, 6, true)]
    public void Defaults_give_one_system_pool_sized_for_the_environment(CloudKind cloud, string environment, string machineType, int min, int max, bool highlyAvailable)
    {
        var cluster = TestPlatforms.NetworkAndCluster(cloud, environment).Cluster!;

        var pool = Assert.Single(cluster.Spec.NodePools);
        Assert.Equal(NodePoolSpec.DefaultPoolName, pool.Name);
        Assert.Equal(machineType, pool.MachineType);
        Assert.Equal((min, max, min), (pool.MinNodes, pool.MaxNodes, pool.DesiredNodes));
        Assert.Equal(NodePoolSpec.DefaultDiskSizeGb, pool.DiskSizeGb);
        Assert.Equal(highlyAvailable, cluster.Spec.HighlyAvailableControlPlane);
        Assert.False(cluster.Spec.PublicEndpoint);
        Assert.Empty(cluster.Spec.PublicEndpointAllowedCidrs);
        Assert.Equal(new KubernetesVersion(1, 30), cluster.Spec.Version);
    }

    [Fact]
    public void Cluster_args_are_read_from_stack_config_with_camel_case_keys()
    {
        KubernetesClusterArgs? args = null;
        var json = """
            {"version": "1.31", "publicEndpoint": true, "publicEndpointAllowedCidrs": ["203.0.113.0/24"],
             "nodePools": [{"name": "batch", "machineType": "m6i.xlarge", "minNodes": 2, "maxNodes": 5,
                            "labels": {"workload": "batch"}, "taints": [{"key": "dedicated", "value": "batch", "effect": "NoExecute"}]}]}
            """;

        Deployment.Run(StackConfig.FromValues("infra", "dev", new Dictionary<string, string> { ["cluster"] = json }),
            () => args = new Config().RequireObject<KubernetesClusterArgs>("cluster"));

        Assert.NotNull(args);
        Assert.Equal("1.31", args.Version);
        Assert.Equal(["203.0.113.0/24"], args.PublicEndpointAllowedCidrs!);
        var pool = Assert.Single(args.NodePools!);
        Assert.Equal(("batch", "m6i.xlarge", 2, 5), (pool.Name, pool.MachineType, pool.MinNodes, pool.MaxNodes));
        Assert.Equal(new NodeTaint { Key = "dedicated", Value = "batch", Effect = TaintEffect.NoExecute }, Assert.Single(pool.Taints!));
    }
}
