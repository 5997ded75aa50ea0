using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Components.Yandex;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Clusters;

/// <summary>Each cloud grants the cluster and its nodes the roles they need and nothing broader.</summary>
public sealed class ClusterIdentityTests
{
    public static TheoryData<CloudKind, string> CloudsAndEnvironments => TestPlatforms.CloudsAndEnvironments();

    [Fact]
    public void Aws_roles_carry_only_the_eks_managed_policies()
    {
        var program = TestPlatforms.NetworkAndCluster(CloudKind.Aws, "prod").Program;
        var roles = program.OfType("aws:iam/role:Role").Where(r => r.Key.StartsWith("platform-", StringComparison.Ordinal)).ToDictionary(r => r.Key);

        string[] PoliciesOf(string role) => [.. program.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .Where(a => a.Get("role").References(roles[role])).Select(a => a.Text("policyArn")!)];

        Assert.Equal(["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"], PoliciesOf("platform-cluster-role"));
        Assert.Equal(
        [
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
        ], PoliciesOf("platform-node-role"));
        var inline = program.OfType("aws:iam/rolePolicy:RolePolicy");
        Assert.Equal(["main-flow-logs-policy", "platform-cluster-kms"], inline.Select(p => p.Key));
        Assert.All(inline, policy => Assert.DoesNotContain("*", ProgramQueries.AllStrings(policy.Get("policy"))));
    }

    [Fact]
    public void Aws_access_entries_come_from_the_options()
    {
        var options = new AwsOptions
        {
            BootstrapClusterCreatorAdmin = false,
            AccessEntries =
            [
                new EksAccessEntry { PrincipalArn = "arn:aws:iam::123456789012:role/platform-admins", AccessPolicy = "AmazonEKSClusterAdminPolicy" },
                new EksAccessEntry { PrincipalArn = "arn:aws:iam::123456789012:role/developers", Namespaces = ["shop"] },
            ],
        };

        var program = TestPlatforms.NetworkAndCluster(CloudKind.Aws, "prod", aws: options).Program;

        Assert.False(program.Single("aws:eks/cluster:Cluster").Bool("accessConfig.bootstrapClusterCreatorAdminPermissions"));
        Assert.Equal("API", program.Single("aws:eks/cluster:Cluster").Text("accessConfig.authenticationMode"));
        Assert.Equal(["arn:aws:iam::123456789012:role/platform-admins", "arn:aws:iam::123456789012:role/developers"],
            program.OfType("aws:eks/accessEntry:AccessEntry").Select(e => e.Text("principalArn")));
        var associations = program.OfType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation");
        Assert.Equal(["arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
            associations.Select(a => a.Text("policyArn")));
        Assert.Equal(["cluster", "namespace"], associations.Select(a => a.Text("accessScope.type")));
        Assert.Equal(["shop"], associations[1].Strings("accessScope.namespaces"));
        Assert.Empty(SchemaNames.Problems(program));
    }

    [Fact]
    public void Gcp_nodes_run_as_their_own_service_account_with_minimal_roles()
    {
        var program = TestPlatforms.NetworkAndCluster(CloudKind.Gcp, "prod").Program;
        var account = program.Single("gcp:serviceaccount/account:Account");

        var members = program.OfType("gcp:projects/iAMMember:IAMMember");
        Assert.Equal(["roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader"], members.Select(m => m.Text("role")));
        Assert.All(members, m => Assert.Equal("acme-platform", m.Text("project")));
        Assert.All(members, m => Assert.Contains(((InterpolationNode)m.Get("member")!).Parts, p => p.References(account)));
        Assert.Equal("acme-prod-platform-nodes", account.Text("accountId"));
    }

    [Theory]
    [InlineData(false, new[] { "k8s.clusters.agent", "logging.writer", "kms.keys.encrypterDecrypter", "container-registry.images.puller" })]
    [InlineData(true, new[] { "k8s.clusters.agent", "logging.writer", "kms.keys.encrypterDecrypter", "vpc.publicAdmin", "container-registry.images.puller" })]
    public void Yandex_service_accounts_get_minimal_folder_roles(bool publicEndpoint, string[] roles)
    {
        var program = TestPlatforms.NetworkAndCluster(CloudKind.Yandex, "prod", clusterArgs: new KubernetesClusterArgs
        {
            Version = "1.30",
            PublicEndpoint = publicEndpoint,
            PublicEndpointAllowedCidrs = publicEndpoint ? ["203.0.113.0/24"] : null,
        }).Program;

        var members = program.OfType("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember");
        Assert.Equal(roles, members.Select(m => m.Text("role")));
        Assert.All(members, m => Assert.Equal(TestPlatforms.YandexOptions.FolderId, m.Text("folderId")));
        var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
        var dependsOn = ((ListNode)k8s.Options!["dependsOn"]!).Items.Select(n => ((ReferenceNode)n).Root);
        Assert.Equal(members.Select(m => m.Key), dependsOn);
    }

    [Fact]
    public void Yandex_can_use_existing_service_accounts_instead_of_creating_them()
    {
        var settings = TestPlatforms.Settings(CloudKind.Yandex, "dev");
        var options = TestPlatforms.YandexOptions with { ClusterServiceAccountId = "ajeclusteraccount001", NodeServiceAccountId = "ajenodesaccount00001" };
        var program = TestPlatforms.Synthesize("dev", () =>
        {
            var platform = new Infra.Components.Platform(settings, new YandexCloud(settings, options));
            _ = new KubernetesCluster("platform", new KubernetesClusterArgs { Version = "1.30" }, new Network("main", new(), platform), platform);
        });

        Assert.Empty(program.OfType("yandex:index/iamServiceAccount:IamServiceAccount"));
        Assert.Empty(program.OfType("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember"));
        var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
        Assert.Equal("ajeclusteraccount001", k8s.Text("serviceAccountId"));
        Assert.Equal("ajenodesaccount00001", k8s.Text("nodeServiceAccountId"));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Keys_and_clusters_are_protected_in_prod_only(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkAndCluster(cloud, environment).Program;
        var prod = environment == "prod";
        var keyTypes = new[] { "aws:kms/key:Key", "gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey", "yandex:index/kmsSymmetricKey:KmsSymmetricKey" };

        var keys = program.Resources.Where(r => keyTypes.Contains(r.Type)).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(prod ? true : null, (key.Options?["protect"] as BoolNode)?.Value));
        var deletionProtected = cloud switch
        {
            CloudKind.Aws => program.Single("aws:eks/cluster:Cluster").Bool("deletionProtection"),
            CloudKind.Gcp => program.Single("gcp:container/cluster:Cluster").Bool("deletionProtection"),
            _ => program.Single("yandex:index/kmsSymmetricKey:KmsSymmetricKey").Bool("deletionProtection"),
        };
        Assert.Equal(prod, deletionProtected);
    }

    [Fact]
    public void Long_names_are_shortened_to_the_clouds_limits_and_stay_distinct()
    {
        var settings = TestPlatforms.Settings(CloudKind.Gcp, "prod") with { NamePrefix = "acme-retail-platform-prd" };
        ProgramDocument? program = null;
        program = TestPlatforms.Synthesize("prod", () =>
        {
            var platform = new Infra.Components.Platform(settings, new Infra.Components.Gcp.GcpCloud(settings, TestPlatforms.GcpOptions));
            _ = new KubernetesCluster("applications-eu", new KubernetesClusterArgs { Version = "1.30" }, new Network("main", new(), platform), platform);
        });

        var accountId = program.Single("gcp:serviceaccount/account:Account").Text("accountId")!;
        var clusterName = program.Single("gcp:container/cluster:Cluster").Text("name")!;
        Assert.InRange(accountId.Length, 6, 30);
        Assert.InRange(clusterName.Length, 1, 40);
        Assert.Matches("^acme-retail-platform-p[a-z0-9-]*-[0-9a-f]{6}$", accountId);
        Assert.StartsWith("acme-retail-platform-prd-applicatio", clusterName, StringComparison.Ordinal);
    }
}
