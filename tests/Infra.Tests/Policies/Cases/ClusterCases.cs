using Infra.Policies;
using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class ClusterCases
{
    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-K8S-001", "aws", "a private endpoint", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1], endpointPublicAccess: false, endpointPrivateAccess: true } }
            """),
        Pass("INF-K8S-001", "aws", "a public endpoint restricted to the office", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1], publicAccessCidrs: ["203.0.113.0/24"] } }
            """),
        Fail("INF-K8S-001", "aws", "the EKS default: public and open", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] } }
            """, "vpcConfig.publicAccessCidrs"),
        Fail("INF-K8S-001", "aws", "an empty allow-list is open too", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1], endpointPublicAccess: true, publicAccessCidrs: [] } }
            """, "vpcConfig.publicAccessCidrs"),
        Pass("INF-K8S-001", "gcp", "a private endpoint", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: europe-west1, privateClusterConfig: { enablePrivateEndpoint: true, enablePrivateNodes: true } }
            """),
        Pass("INF-K8S-001", "gcp", "authorized networks", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: europe-west1, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: 203.0.113.0/24 }] } }
            """),
        Fail("INF-K8S-001", "gcp", "no authorized networks", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: europe-west1 }
            """, "masterAuthorizedNetworksConfig"),
        Fail("INF-K8S-001", "gcp", "authorized networks open to the world", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: europe-west1, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: 0.0.0.0/0 }] } }
            """, "masterAuthorizedNetworksConfig.cidrBlocks[0].cidrBlock"),
        Pass("INF-K8S-001", "yandex", "no public IP (the default)", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: { zonal: { zone: ru-central1-a } } }
            """),
        Pass("INF-K8S-001", "yandex", "a public IP behind security groups", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: { publicIp: true, securityGroupIds: [sg1] } }
            """),
        Fail("INF-K8S-001", "yandex", "a public IP without security groups", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: { publicIp: true } }
            """, "master.securityGroupIds"),

        Pass("INF-K8S-002", "aws", "Secrets encrypted with KMS", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] }, encryptionConfig: { resources: [secrets], provider: { keyArn: "${key.arn}" } } }
            """),
        Fail("INF-K8S-002", "aws", "no encryption config", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] } }
            """, "encryptionConfig.resources"),
        Pass("INF-K8S-002", "gcp", "application-layer Secrets encryption", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, databaseEncryption: { state: ENCRYPTED, keyName: "${key.id}" } }
            """),
        Fail("INF-K8S-002", "gcp", "no database encryption", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l }
            """, "databaseEncryption.state"),
        Pass("INF-K8S-002", "yandex", "a KMS provider", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: {}, kmsProvider: { keyId: "${key.id}" } }
            """),
        Fail("INF-K8S-002", "yandex", "no KMS provider", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: {} }
            """, "kmsProvider.keyId"),

        Pass("INF-K8S-003", "aws", "api, audit and authenticator logs", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] }, enabledClusterLogTypes: [api, audit, authenticator] }
            """),
        Fail("INF-K8S-003", "aws", "only api logs", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] }, enabledClusterLogTypes: [api] }
            """, "enabledClusterLogTypes"),
        Pass("INF-K8S-003", "gcp", "default logging and monitoring", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l }
            """),
        Fail("INF-K8S-003", "gcp", "logging turned off", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, loggingService: none }
            """, "loggingService"),
        Pass("INF-K8S-003", "yandex", "master and audit logs", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: { masterLogging: { enabled: true, auditEnabled: true, logGroupId: "${logs.id}" } } }
            """),
        Fail("INF-K8S-003", "yandex", "no master logging", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: {} }
            """, "master.masterLogging.enabled"),

        Pass("INF-K8S-004", "aws", "SSH only from a bastion", """
            nodes:
              type: aws:eks/nodeGroup:NodeGroup
              properties: { clusterName: c, nodeRoleArn: r, subnetIds: [s1], scalingConfig: { desiredSize: 2, maxSize: 3, minSize: 1 }, remoteAccess: { ec2SshKey: k, sourceSecurityGroupIds: [sg-bastion] } }
            """),
        Fail("INF-K8S-004", "aws", "SSH key without source groups opens port 22 to the world", """
            nodes:
              type: aws:eks/nodeGroup:NodeGroup
              properties: { clusterName: c, nodeRoleArn: r, subnetIds: [s1], scalingConfig: { desiredSize: 2, maxSize: 3, minSize: 1 }, remoteAccess: { ec2SshKey: k } }
            """, "remoteAccess.sourceSecurityGroupIds"),
        Pass("INF-K8S-004", "gcp", "private nodes", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, privateClusterConfig: { enablePrivateNodes: true } }
            """),
        Fail("INF-K8S-004", "gcp", "public nodes by default", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l }
            """, "privateClusterConfig.enablePrivateNodes"),
        Fail("INF-K8S-004", "gcp", "a node pool turning private nodes off", """
            pool:
              type: gcp:container/nodePool:NodePool
              properties: { cluster: c, networkConfig: { enablePrivateNodes: false } }
            """, "networkConfig.enablePrivateNodes"),
        Pass("INF-K8S-004", "yandex", "nodes without NAT addresses", """
            nodes:
              type: yandex:index/kubernetesNodeGroup:KubernetesNodeGroup
              properties: { clusterId: c, instanceTemplate: { networkInterfaces: [{ subnetIds: [s1], nat: false }] } }
            """),
        Fail("INF-K8S-004", "yandex", "nodes with public IPs", """
            nodes:
              type: yandex:index/kubernetesNodeGroup:KubernetesNodeGroup
              properties: { clusterId: c, instanceTemplate: { networkInterfaces: [{ subnetIds: [s1], nat: true }] } }
            """, "instanceTemplate.networkInterfaces[0].nat"),

        Pass("INF-K8S-005", "aws", "a version above the configured minimum", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] }, version: "1.31" }
            """) with { Parameters = new PolicyParameters { MinKubernetesVersion = "1.30" } },
        Fail("INF-K8S-005", "aws", "a version below the configured minimum", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] }, version: "1.28" }
            """, "version") with { Parameters = new PolicyParameters { MinKubernetesVersion = "1.30" } },
        Pass("INF-K8S-005", "gcp", "the REGULAR channel with auto-upgrading node pools", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, releaseChannel: { channel: REGULAR } }
            pool:
              type: gcp:container/nodePool:NodePool
              properties: { cluster: "${gke.name}", management: { autoRepair: true, autoUpgrade: true } }
            """),
        Fail("INF-K8S-005", "gcp", "no release channel", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, releaseChannel: { channel: UNSPECIFIED } }
            """, "releaseChannel.channel"),
        Fail("INF-K8S-005", "gcp", "a node pool without auto-repair", """
            pool:
              type: gcp:container/nodePool:NodePool
              properties: { cluster: c, management: { autoRepair: false } }
            """, "management.autoRepair"),
        Pass("INF-K8S-005", "yandex", "automatic master and node upgrades", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, releaseChannel: STABLE, master: { maintenancePolicy: { autoUpgrade: true } } }
            nodes:
              type: yandex:index/kubernetesNodeGroup:KubernetesNodeGroup
              properties: { clusterId: "${k8s.id}", instanceTemplate: {}, maintenancePolicy: { autoUpgrade: true, autoRepair: true } }
            """),
        Fail("INF-K8S-005", "yandex", "node upgrades turned off", """
            nodes:
              type: yandex:index/kubernetesNodeGroup:KubernetesNodeGroup
              properties: { clusterId: c, instanceTemplate: {}, maintenancePolicy: { autoUpgrade: false, autoRepair: true } }
            """, "maintenancePolicy.autoUpgrade"),

        Pass("INF-K8S-006", "aws", "the vpc-cni add-on enforcing NetworkPolicies", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] } }
            vpcCni:
              type: aws:eks/addon:Addon
              properties: { clusterName: "${eks.name}", addonName: vpc-cni, configurationValues: '{"enableNetworkPolicy": "true"}' }
            """),
        Fail("INF-K8S-006", "aws", "no add-on enforcing NetworkPolicies", """
            eks:
              type: aws:eks/cluster:Cluster
              properties: { roleArn: r, vpcConfig: { subnetIds: [s1] } }
            """, "<aws:eks/addon:Addon>"),
        Pass("INF-K8S-006", "gcp", "Dataplane V2", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, datapathProvider: ADVANCED_DATAPATH }
            """),
        Fail("INF-K8S-006", "gcp", "no NetworkPolicy enforcement", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l }
            """, "networkPolicy.enabled"),
        Pass("INF-K8S-006", "yandex", "Calico", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: {}, networkPolicyProvider: CALICO }
            """),
        Fail("INF-K8S-006", "yandex", "no NetworkPolicy provider", """
            k8s:
              type: yandex:index/kubernetesCluster:KubernetesCluster
              properties: { networkId: n, master: {} }
            """, "networkPolicyProvider"),

        Pass("INF-K8S-007", "gcp", "no legacy auth; a dedicated node account with the GKE metadata server", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, enableLegacyAbac: false }
            pool:
              type: gcp:container/nodePool:NodePool
              properties: { cluster: c, nodeConfig: { serviceAccount: nodes@p.iam.gserviceaccount.com, workloadMetadataConfig: { mode: GKE_METADATA } } }
            """),
        Fail("INF-K8S-007", "gcp", "legacy ABAC", """
            gke:
              type: gcp:container/cluster:Cluster
              properties: { location: l, enableLegacyAbac: true }
            """, "enableLegacyAbac"),
        Fail("INF-K8S-007", "gcp", "nodes as the default compute service account", """
            pool:
              type: gcp:container/nodePool:NodePool
              properties: { cluster: c, nodeConfig: { workloadMetadataConfig: { mode: GKE_METADATA } } }
            """, "nodeConfig.serviceAccount"),
        Pass("INF-K8S-007", "aws", "IMDSv2 with hop limit 1", """
            nodes:
              type: aws:ec2/launchTemplate:LaunchTemplate
              properties: { metadataOptions: { httpTokens: required, httpPutResponseHopLimit: 1 } }
            """),
        Fail("INF-K8S-007", "aws", "IMDSv1 allowed by default", """
            nodes:
              type: aws:ec2/launchTemplate:LaunchTemplate
              properties: { imageId: ami-1 }
            """, "metadataOptions.httpTokens"),
    ];
}
