using Infra.Components;
using Infra.Components.Clusters;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Clusters;

public sealed class KubernetesClusterTests
{
    public static TheoryData<CloudKind, string> CloudsAndEnvironments => TestPlatforms.CloudsAndEnvironments();

    private static int ZoneCount(string environment) => environment == "prod" ? 3 : 2;

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Every_resource_is_a_child_of_the_cluster_named_after_it(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);
        var cluster = built.Cluster!;

        var children = cluster.Children();
        Assert.All(children, child =>
        {
            Assert.Same(cluster, child.Parent);
            Assert.StartsWith("platform-", child.Name, StringComparison.Ordinal);
        });
        Assert.Contains(cluster.KubernetesProvider, children);
        var cloudProviders = built.Program.Resources.Count(r => r.DefaultProvider);
        Assert.Equal(1, cloudProviders);
        Assert.Equal(built.Program.Resources.Count, cloudProviders + built.Network.Children().Count + children.Count);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_cluster_has_the_resources_its_cloud_needs(CloudKind cloud, string environment)
    {
        var cluster = TestPlatforms.NetworkAndCluster(cloud, environment).Cluster!;

        var expected = cloud switch
        {
            CloudKind.Aws => new Dictionary<string, int>
            {
                ["aws:kms/key:Key"] = 1,
                ["aws:cloudwatch/logGroup:LogGroup"] = 1,
                ["aws:iam/role:Role"] = 2,
                ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = 4,
                ["aws:iam/rolePolicy:RolePolicy"] = 1,
                ["aws:eks/cluster:Cluster"] = 1,
                ["aws:eks/addon:Addon"] = 2, // vpc-cni and eks-pod-identity-agent
                ["aws:ec2/launchTemplate:LaunchTemplate"] = 1,
                ["aws:eks/nodeGroup:NodeGroup"] = 1,
                ["pulumi:providers:kubernetes"] = 1,
            },
            CloudKind.Gcp => new Dictionary<string, int>
            {
                ["gcp:serviceaccount/account:Account"] = 1,
                ["gcp:projects/iAMMember:IAMMember"] = 2,
                ["gcp:kms/keyRing:KeyRing"] = 1,
                ["gcp:kms/cryptoKey:CryptoKey"] = 1,
                ["gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"] = 1,
                ["gcp:container/cluster:Cluster"] = 1,
                ["gcp:container/nodePool:NodePool"] = 1,
                ["pulumi:providers:kubernetes"] = 1,
            },
            _ => new Dictionary<string, int>
            {
                ["yandex:index/iamServiceAccount:IamServiceAccount"] = 2,
                ["yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember"] = 4,
                ["yandex:index/kmsSymmetricKey:KmsSymmetricKey"] = 1,
                ["yandex:index/loggingGroup:LoggingGroup"] = 1,
                ["yandex:index/vpcSecurityGroup:VpcSecurityGroup"] = 2,
                ["yandex:index/kubernetesCluster:KubernetesCluster"] = 1,

                // Yandex autoscales a node group in one zone only: one group per zone.
                ["yandex:index/kubernetesNodeGroup:KubernetesNodeGroup"] = ZoneCount(environment),
                ["pulumi:providers:kubernetes"] = 1,
            },
        };

        var actual = cluster.Children().GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_kubeconfig_stays_secret_everywhere_it_is_written(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);
        var cluster = built.Cluster!;

        var provider = built.Program.Resources.Single(r => r.Model == cluster.KubernetesProvider);
        var written = Assert.IsType<FunctionNode>(provider.Get("kubeconfig"));
        Assert.Equal("secret", written.Name);
        Assert.Equal("secret", Assert.IsType<FunctionNode>(cluster.Kubeconfig.Node).Name);
        var registered = cluster.RegisteredOutputs.Single(o => o.Key == "kubeconfig").Value;
        Assert.Equal("secret", Assert.IsType<FunctionNode>(registered).Name);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "command: \"aws\"", "args: [\"eks\", \"get-token\", \"--cluster-name\", \"acme-prod-platform\", \"--region\", \"eu-west-1\", \"--output\", \"json\"]")]
    [InlineData(CloudKind.Gcp, "command: \"gke-gcloud-auth-plugin\"", "provideClusterInfo: true")]
    [InlineData(CloudKind.Yandex, "command: \"yc\"", "args: [\"k8s\", \"create-token\"]")]
    public void The_kubeconfig_authenticates_with_the_clouds_exec_plugin_and_holds_no_token(CloudKind cloud, string command, string detail)
    {
        var cluster = TestPlatforms.NetworkAndCluster(cloud, "prod").Cluster!;

        var text = string.Concat(ProgramQueries.AllStrings(cluster.Kubeconfig.Node));
        Assert.Contains("apiVersion: \"client.authentication.k8s.io/v1beta1\"", text, StringComparison.Ordinal);
        Assert.Contains(command, text, StringComparison.Ordinal);
        Assert.Contains(detail, text, StringComparison.Ordinal);
        Assert.Contains("current-context: \"acme-prod-platform\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client-key", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "endpoint")]
    [InlineData(CloudKind.Gcp, "endpoint")]
    [InlineData(CloudKind.Yandex, "master.internalV4Endpoint")]
    public void The_kubeconfig_points_at_the_clusters_private_endpoint(CloudKind cloud, string endpoint)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, "dev");
        var clusterType = cloud switch
        {
            CloudKind.Aws => "aws:eks/cluster:Cluster",
            CloudKind.Gcp => "gcp:container/cluster:Cluster",
            _ => "yandex:index/kubernetesCluster:KubernetesCluster",
        };
        var cluster = built.Program.Single(clusterType);

        var references = References(built.Cluster!.Kubeconfig.Node).Where(r => r.Root == cluster.Key).Select(r => r.ToExpressionText()).ToList();
        Assert.Contains($"{cluster.Key}.{endpoint}", references);
        Assert.Equal(2, references.Count);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void In_cluster_components_get_an_explicit_kubernetes_provider_that_waits_for_the_nodes(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);
        var cluster = built.Cluster!;
        var provider = built.Program.Resources.Single(r => r.Model == cluster.KubernetesProvider);

        Assert.Equal("pulumi:providers:kubernetes", provider.Type);
        Assert.False(provider.DefaultProvider);
        Assert.Equal("4.32.0", Assert.IsType<StringNode>(provider.Options!["version"]).Value);
        var waitsFor = Assert.IsType<ListNode>(provider.Options!["dependsOn"]).Items.Select(n => ((ReferenceNode)n).Root).ToHashSet();
        var pools = built.Program.Resources.Where(r => r.Type is "aws:eks/nodeGroup:NodeGroup" or "gcp:container/nodePool:NodePool" or "yandex:index/kubernetesNodeGroup:KubernetesNodeGroup");
        Assert.All(pools, pool => Assert.Contains(pool.Key, waitsFor));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_cluster_registers_its_name_endpoint_version_and_kubeconfig(CloudKind cloud, string environment)
    {
        var cluster = TestPlatforms.NetworkAndCluster(cloud, environment).Cluster!;

        Assert.Equal(["clusterName", "endpoint", "version", "kubeconfig"], cluster.RegisteredOutputs.Select(o => o.Key));
        Assert.Equal("1.30", Assert.IsType<StringNode>(cluster.RegisteredOutputs.Single(o => o.Key == "version").Value).Value);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Nothing_in_the_platform_admits_ingress_from_the_world(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkAndCluster(cloud, environment, clusterArgs: new KubernetesClusterArgs
        {
            Version = "1.30",
            PublicEndpoint = true,
            PublicEndpointAllowedCidrs = ["203.0.113.0/24"],
        }).Program;

        Assert.Empty(Firewalls.WorldIngress(program));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_same_platform_synthesizes_to_the_same_program(CloudKind cloud, string environment)
    {
        var first = YamlWriter.Write(TestPlatforms.NetworkAndCluster(cloud, environment).Program);
        var second = YamlWriter.Write(TestPlatforms.NetworkAndCluster(cloud, environment).Program);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_cluster_must_be_built_on_its_networks_platform()
    {
        var error = Assert.Throws<ArgumentException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var network = new Infra.Components.Networking.Network("main", new(), TestPlatforms.Create(CloudKind.Gcp, "dev"));
            var other = new Infra.Components.Platform(TestPlatforms.Settings(CloudKind.Gcp, "dev"), network.Platform.Cloud);
            _ = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, network, other);
        }));

        Assert.StartsWith("Cluster 'platform' and network 'main' are built on different platforms", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<ReferenceNode> References(Node? node) => node switch
    {
        ReferenceNode r => [r],
        FunctionNode f => References(f.Argument),
        InterpolationNode i => i.Parts.SelectMany(References),
        ListNode l => l.Items.SelectMany(References),
        MapNode m => m.Entries.SelectMany(e => References(e.Value)),
        _ => [],
    };
}
