using System.Globalization;
using System.Text.Json;
using Infra.Components;
using Infra.Components.Clusters;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Clusters;

/// <summary>
/// The defaults satisfy the catalogue's Kubernetes and KMS rules (INF-K8S-001..007, INF-KMS-001), written as plain
/// assertions on the synthesized program until the policy pack exists.
/// </summary>
public sealed class ClusterPolicyTests
{
    public static TheoryData<CloudKind, string> CloudsAndEnvironments => TestPlatforms.CloudsAndEnvironments();

    private static ProgramDocument Program(CloudKind cloud, string environment, KubernetesClusterArgs? args = null) =>
        TestPlatforms.NetworkAndCluster(cloud, environment, clusterArgs: args).Program;

    private static readonly KubernetesClusterArgs PublicCluster = new()
    {
        Version = "1.30",
        PublicEndpoint = true,
        PublicEndpointAllowedCidrs = ["203.0.113.0/24", "198.51.100.0/24"],
    };

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_001_the_api_endpoint_is_private_by_default(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment);

        switch (cloud)
        {
            case CloudKind.Aws:
                var eks = program.Single("aws:eks/cluster:Cluster");
                Assert.False(eks.Bool("vpcConfig.endpointPublicAccess"));
                Assert.True(eks.Bool("vpcConfig.endpointPrivateAccess"));
                Assert.Null(eks.Get("vpcConfig.publicAccessCidrs"));
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.True(gke.Bool("privateClusterConfig.enablePrivateEndpoint"));
                Assert.Equal(["10.0.0.0/16"], gke.List("masterAuthorizedNetworksConfig.cidrBlocks").Select(b => b.Text("cidrBlock")));
                break;
            default:
                Assert.False(program.Single("yandex:index/kubernetesCluster:KubernetesCluster").Bool("master.publicIp"));
                break;
        }
    }

    [Theory]
    [InlineData(CloudKind.Aws)]
    [InlineData(CloudKind.Gcp)]
    [InlineData(CloudKind.Yandex)]
    public void Inf_k8s_001_a_public_endpoint_admits_the_allow_list_only(CloudKind cloud)
    {
        var program = Program(cloud, "prod", PublicCluster);
        string[] allowed = ["203.0.113.0/24", "198.51.100.0/24"];

        switch (cloud)
        {
            case CloudKind.Aws:
                var eks = program.Single("aws:eks/cluster:Cluster");
                Assert.True(eks.Bool("vpcConfig.endpointPublicAccess"));
                Assert.Equal(allowed, eks.Strings("vpcConfig.publicAccessCidrs"));
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.False(gke.Bool("privateClusterConfig.enablePrivateEndpoint"));
                Assert.Equal(["10.0.0.0/16", .. allowed], gke.List("masterAuthorizedNetworksConfig.cidrBlocks").Select(b => b.Text("cidrBlock")));
                Assert.False(gke.Bool("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"));
                break;
            default:
                var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
                Assert.True(k8s.Bool("master.publicIp"));
                var master = program.OfType("yandex:index/vpcSecurityGroup:VpcSecurityGroup").Single(g => g.Key == "platform-master-sg");
                Assert.All(master.List("ingresses"), rule => Assert.Equal(["10.0.0.0/16", .. allowed], rule.Strings("v4CidrBlocks")));
                Assert.Contains(program.OfType("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember"), m => m.Text("role") == "vpc.publicAdmin");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_002_secrets_are_envelope_encrypted_with_the_clusters_own_key(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment);

        switch (cloud)
        {
            case CloudKind.Aws:
                var eks = program.Single("aws:eks/cluster:Cluster");
                Assert.Equal(["secrets"], eks.Strings("encryptionConfig.resources"));
                Assert.True(eks.Get("encryptionConfig.provider.keyArn").References(program.OfType("aws:kms/key:Key").Single(k => k.Key == "platform-secrets-key")));
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.Equal("ENCRYPTED", gke.Text("databaseEncryption.state"));
                Assert.True(gke.Get("databaseEncryption.keyName").References(program.Single("gcp:kms/cryptoKey:CryptoKey")));
                var grant = program.Single("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember");
                Assert.Equal("serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com", grant.Text("member"));
                Assert.Equal("roles/cloudkms.cryptoKeyEncrypterDecrypter", grant.Text("role"));
                break;
            default:
                var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
                Assert.True(k8s.Get("kmsProvider.keyId").References(program.Single("yandex:index/kmsSymmetricKey:KmsSymmetricKey")));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_kms_001_every_key_rotates_automatically(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment);

        switch (cloud)
        {
            case CloudKind.Aws:
                var keys = program.OfType("aws:kms/key:Key");
                Assert.Equal(2, keys.Count);
                Assert.All(keys, key =>
                {
                    Assert.True(key.Bool("enableKeyRotation"));
                    Assert.InRange(key.Integer("rotationPeriodInDays")!.Value, 90, 365);
                });
                break;
            case CloudKind.Gcp:
                var period = program.Single("gcp:kms/cryptoKey:CryptoKey").Text("rotationPeriod")!;
                Assert.InRange(long.Parse(period.TrimEnd('s'), CultureInfo.InvariantCulture), 1, 7_776_000);
                break;
            default:
                var rotation = program.Single("yandex:index/kmsSymmetricKey:KmsSymmetricKey").Text("rotationPeriod")!;
                Assert.InRange(long.Parse(rotation.TrimEnd('h'), CultureInfo.InvariantCulture), 1, 8760);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_003_control_plane_and_audit_logs_are_on(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment);

        switch (cloud)
        {
            case CloudKind.Aws:
                var eks = program.Single("aws:eks/cluster:Cluster");
                Assert.Superset(new HashSet<string> { "api", "audit", "authenticator", "controllerManager", "scheduler" }, eks.Strings("enabledClusterLogTypes").ToHashSet());
                var group = program.OfType("aws:cloudwatch/logGroup:LogGroup").Single(g => g.Key == "platform-control-plane-logs");
                Assert.Equal("/aws/eks/acme-" + environment + "-platform/cluster", group.Text("name"));
                Assert.NotNull(group.Get("kmsKeyId"));
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.Contains("APISERVER", gke.Strings("loggingConfig.enableComponents"));
                Assert.Contains("SYSTEM_COMPONENTS", gke.Strings("monitoringConfig.enableComponents"));
                break;
            default:
                var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
                Assert.True(k8s.Bool("master.masterLogging.enabled"));
                Assert.True(k8s.Bool("master.masterLogging.auditEnabled"));
                Assert.True(k8s.Bool("master.masterLogging.kubeApiserverEnabled"));
                Assert.True(k8s.Get("master.masterLogging.logGroupId").References(program.Single("yandex:index/loggingGroup:LoggingGroup")));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_004_nodes_are_private_and_open_no_ssh(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);
        var program = built.Program;
        var privateSubnets = built.Network.PrivateSubnets.Select(s => ((ReferenceNode)s.Id.Node).Root).ToList();

        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.All(program.OfType("aws:eks/nodeGroup:NodeGroup"), group =>
                {
                    Assert.Equal(privateSubnets, group.List("subnetIds").Select(n => ((ReferenceNode)n).Root));
                    Assert.Null(group.Get("remoteAccess"));
                });
                break;
            case CloudKind.Gcp:
                Assert.True(program.Single("gcp:container/cluster:Cluster").Bool("privateClusterConfig.enablePrivateNodes"));
                break;
            default:
                Assert.All(program.OfType("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup"), group =>
                {
                    var nic = Assert.Single(group.List("instanceTemplate.networkInterfaces"));
                    Assert.False(((BoolNode)nic.Get("nat")!).Value);
                    Assert.Contains(((ReferenceNode)Assert.Single(((ListNode)nic.Get("subnetIds")!).Items)).Root, privateSubnets);
                    Assert.NotEmpty(((ListNode)nic.Get("securityGroupIds")!).Items);
                });
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_005_the_version_is_pinned_from_config_and_nodes_upgrade_and_repair_themselves(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment, new KubernetesClusterArgs { Version = "1.31" });

        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.Equal("1.31", program.Single("aws:eks/cluster:Cluster").Text("version"));
                Assert.Equal("STANDARD", program.Single("aws:eks/cluster:Cluster").Text("upgradePolicy.supportType"));
                Assert.All(program.OfType("aws:eks/nodeGroup:NodeGroup"), g => Assert.True(g.Bool("nodeRepairConfig.enabled")));
                break;
            case CloudKind.Gcp:
                var gke = program.Single("gcp:container/cluster:Cluster");
                Assert.Equal("1.31", gke.Text("minMasterVersion"));
                Assert.Equal("REGULAR", gke.Text("releaseChannel.channel"));
                Assert.All(program.OfType("gcp:container/nodePool:NodePool"), p =>
                {
                    Assert.True(p.Bool("management.autoUpgrade"));
                    Assert.True(p.Bool("management.autoRepair"));
                });
                break;
            default:
                var k8s = program.Single("yandex:index/kubernetesCluster:KubernetesCluster");
                Assert.Equal("1.31", k8s.Text("master.version"));
                Assert.Equal("REGULAR", k8s.Text("releaseChannel"));
                Assert.True(k8s.Bool("master.maintenancePolicy.autoUpgrade"));
                Assert.All(program.OfType("yandex:index/kubernetesNodeGroup:KubernetesNodeGroup"), g =>
                {
                    Assert.Equal("1.31", g.Text("version"));
                    Assert.True(g.Bool("maintenancePolicy.autoUpgrade"));
                    Assert.True(g.Bool("maintenancePolicy.autoRepair"));
                });
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Inf_k8s_006_network_policies_are_enforced(CloudKind cloud, string environment)
    {
        var program = Program(cloud, environment);

        switch (cloud)
        {
            case CloudKind.Aws:
                var addon = Assert.Single(program.OfType("aws:eks/addon:Addon"), a => a.Text("addonName") == "vpc-cni");
                using (var values = JsonDocument.Parse(addon.Text("configurationValues")!))
                {
                    Assert.Equal("true", values.RootElement.GetProperty("enableNetworkPolicy").GetString());
                }

                break;
            case CloudKind.Gcp:
                Assert.Equal("ADVANCED_DATAPATH", program.Single("gcp:container/cluster:Cluster").Text("datapathProvider"));
                break;
            default:
                Assert.Equal("CALICO", program.Single("yandex:index/kubernetesCluster:KubernetesCluster").Text("networkPolicyProvider"));
                break;
        }
    }

    [Theory]
    [InlineData(CloudKind.Aws)]
    [InlineData(CloudKind.Gcp)]
    public void Inf_k8s_007_legacy_auth_is_off_and_node_identity_is_hardened(CloudKind cloud)
    {
        var program = Program(cloud, "prod");

        if (cloud == CloudKind.Aws)
        {
            Assert.All(program.OfType("aws:ec2/launchTemplate:LaunchTemplate"), template =>
            {
                Assert.Equal("required", template.Text("metadataOptions.httpTokens"));
                Assert.Equal(1, template.Integer("metadataOptions.httpPutResponseHopLimit"));
                Assert.Equal("true", Assert.Single(template.List("blockDeviceMappings")).Get("ebs")!.Text("encrypted"));
            });
            return;
        }

        var gke = program.Single("gcp:container/cluster:Cluster");
        var account = program.Single("gcp:serviceaccount/account:Account");
        Assert.False(gke.Bool("enableLegacyAbac"));
        Assert.False(gke.Bool("masterAuth.clientCertificateConfig.issueClientCertificate"));
        Assert.True(gke.Bool("enableShieldedNodes"));
        Assert.Equal("acme-platform.svc.id.goog", gke.Text("workloadIdentityConfig.workloadPool"));
        foreach (var config in new[] { gke.Get("nodeConfig")! }.Concat(program.OfType("gcp:container/nodePool:NodePool").Select(p => p.Get("nodeConfig")!)))
        {
            Assert.True(config.Get("serviceAccount").References(account));
            Assert.Equal("GKE_METADATA", config.Get("workloadMetadataConfig")!.Text("mode"));
            Assert.True(((BoolNode)config.Get("shieldedInstanceConfig")!.Get("enableSecureBoot")!).Value);
        }
    }

    [Fact]
    public void Yandex_inf_net_006_master_and_nodes_have_explicit_security_groups()
    {
        var program = Program(CloudKind.Yandex, "prod");
        var groups = program.OfType("yandex:index/vpcSecurityGroup:VpcSecurityGroup").Where(g => g.Key.StartsWith("platform-", StringComparison.Ordinal)).ToList();

        var master = program.Single("yandex:index/kubernetesCluster:KubernetesCluster").List("master.securityGroupIds");
        Assert.Equal(groups.Select(g => g.Key), master.Select(n => ((ReferenceNode)n).Root));
    }
}
