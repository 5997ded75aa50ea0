using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>GKE's least-privileged node role, plus pulling images from Artifact Registry; nothing else.</summary>
    internal static readonly string[] NodeRoles = ["roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader"];

    /// <summary>Control-plane and workload logs, the API server's (audit) included.</summary>
    internal static readonly string[] LoggedComponents = ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER", "WORKLOADS"];

    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>
    /// A VPC-native GKE cluster with private nodes, a private endpoint (or master authorized networks), Dataplane V2
    /// for network policy, secrets encrypted with a Cloud KMS key that rotates every 90 days, control-plane logs,
    /// workload identity, shielded nodes and a dedicated node service account with minimal roles. Regional in
    /// prod, zonal in dev.
    /// </summary>
    public ClusterOutputs CreateCluster(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(network);
        var nodeAccount = new CustomResource("gcp:serviceaccount/account:Account", cluster.ChildResourceName("nodes"), new Props
        {
            ["accountId"] = ComponentNames.Fit(cluster.CloudResourceName("nodes"), 30),
            ["displayName"] = $"Nodes of GKE cluster {cluster.CloudResourceName()}",
        }, cluster.ChildResourceOptions);
        var nodeEmail = nodeAccount.GetOutput<string>("email");
        var grants = NodeRoles.Select(role => (Resource)new CustomResource("gcp:projects/iAMMember:IAMMember",
            cluster.ChildResourceName($"nodes-{role[(role.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace('.', '-')}"), new Props
            {
                ["project"] = Options.Project,
                ["role"] = role,
                ["member"] = Output.Format($"serviceAccount:{nodeEmail}"),
            }, cluster.ChildResourceOptions)).ToList();

        var (key, keyGrant) = CreateSecretsKey(cluster);
        var location = spec.HighlyAvailableControlPlane ? Region : network.Zones[0];
        var gke = new CustomResource("gcp:container/cluster:Cluster", cluster.ChildResourceName("gke"), new Props
        {
            ["name"] = ComponentNames.Fit(cluster.CloudResourceName(), 40),
            ["description"] = $"Kubernetes cluster {cluster.CloudResourceName()}",
            ["location"] = location,
            ["minMasterVersion"] = spec.Version.ToString(),
            ["releaseChannel"] = new Props { ["channel"] = Options.ReleaseChannel },

            // Node pools are managed separately; GKE still needs a default pool to create the cluster.
            ["removeDefaultNodePool"] = true,
            ["initialNodeCount"] = 1,
            ["nodeConfig"] = NodeConfig(nodeEmail),
            ["network"] = network.NetworkId,
            ["subnetwork"] = network.PrivateSubnets[0].Id,
            ["networkingMode"] = "VPC_NATIVE",
            ["ipAllocationPolicy"] = new Props
            {
                ["clusterSecondaryRangeName"] = PodRangeName,
                ["servicesSecondaryRangeName"] = ServiceRangeName,
            },
            ["privateClusterConfig"] = new Props
            {
                ["enablePrivateNodes"] = true,
                ["enablePrivateEndpoint"] = !spec.PublicEndpoint,
            },
            ["masterAuthorizedNetworksConfig"] = new Props
            {
                ["cidrBlocks"] = AuthorizedNetworks(spec, network),
                ["gcpPublicCidrsAccessEnabled"] = false,
            },
            ["datapathProvider"] = "ADVANCED_DATAPATH",
            ["databaseEncryption"] = new Props { ["state"] = "ENCRYPTED", ["keyName"] = key.Id },
            ["workloadIdentityConfig"] = new Props { ["workloadPool"] = $"{Options.Project}.svc.id.goog" },
            ["loggingConfig"] = new Props { ["enableComponents"] = LoggedComponents },
            ["monitoringConfig"] = new Props
            {
                ["enableComponents"] = new[] { "SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER" },
                ["managedPrometheus"] = new Props { ["enabled"] = true },
            },
            ["enableShieldedNodes"] = true,
            ["enableLegacyAbac"] = false,
            ["masterAuth"] = new Props { ["clientCertificateConfig"] = new Props { ["issueClientCertificate"] = false } },
            ["deletionProtection"] = cluster.Settings.ProtectStatefulResources,
        }, cluster.ChildResourceOptions with { DependsOn = [.. grants, keyGrant] });

        var pools = spec.NodePools.Select(pool => (Resource)NodePool(cluster, network, gke, location, pool, nodeEmail)).ToList();
        return new ClusterOutputs
        {
            ClusterName = gke.GetOutput<string>("name"),
            Endpoint = Output.Format($"https://{gke.GetOutput<string>("endpoint")}"),
            CertificateAuthorityData = gke.GetOutput<string>("masterAuth.clusterCaCertificate"),
            Credentials = new ExecCredentialPlugin("gke-gcloud-auth-plugin", [],
                "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin",
                ProvideClusterInfo: true),
            ReadyWhen = pools,
        };
    }

    /// <summary>A key ring and a key for the cluster's secrets, and the grant that lets the GKE service agent use the key.</summary>
    private (CustomResource Key, CustomResource Grant) CreateSecretsKey(KubernetesCluster cluster)
    {
        var ring = new CustomResource("gcp:kms/keyRing:KeyRing", cluster.ChildResourceName("keyring"), new Props
        {
            ["name"] = cluster.CloudResourceName(),
            ["location"] = Region,
        }, cluster.StatefulChildResourceOptions);
        var key = new CustomResource("gcp:kms/cryptoKey:CryptoKey", cluster.ChildResourceName("secrets-key"), new Props
        {
            ["name"] = "kubernetes-secrets",
            ["keyRing"] = ring.Id,
            ["purpose"] = "ENCRYPT_DECRYPT",
            ["rotationPeriod"] = "7776000s",
        }, cluster.StatefulChildResourceOptions);
        var grant = new CustomResource("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", cluster.ChildResourceName("secrets-key-gke"), new Props
        {
            ["cryptoKeyId"] = key.Id,
            ["role"] = "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            ["member"] = $"serviceAccount:service-{Options.ProjectNumber}@container-engine-robot.iam.gserviceaccount.com",
        }, cluster.ChildResourceOptions);
        return (key, grant);
    }

    private static Input[] AuthorizedNetworks(KubernetesClusterSpec spec, Network network) =>
    [
        new Props { ["cidrBlock"] = network.Spec.Cidr.ToString(), ["displayName"] = "network" },
        .. spec.PublicEndpointAllowedCidrs.Select((cidr, i) => (Input)new Props
        {
            ["cidrBlock"] = cidr.ToString(),
            ["displayName"] = $"allowed-{i}",
        }),
    ];

    private static Props NodeConfig(Output<string> serviceAccount) => new()
    {
        ["serviceAccount"] = serviceAccount,
        ["oauthScopes"] = new[] { CloudPlatformScope },
        ["workloadMetadataConfig"] = new Props { ["mode"] = "GKE_METADATA" },
        ["shieldedInstanceConfig"] = new Props { ["enableSecureBoot"] = true, ["enableIntegrityMonitoring"] = true },
    };

    private static CustomResource NodePool(KubernetesCluster cluster, Network network, CustomResource gke, string location, NodePoolSpec pool, Output<string> serviceAccount)
    {
        var nodeConfig = NodeConfig(serviceAccount);
        nodeConfig["machineType"] = pool.MachineType;
        nodeConfig["diskSizeGb"] = pool.DiskSizeGb;
        nodeConfig["diskType"] = "pd-balanced";
        nodeConfig["imageType"] = "COS_CONTAINERD";
        nodeConfig["metadata"] = new Props { ["disable-legacy-endpoints"] = "true" };
        if (pool.Labels.Count > 0)
        {
            var labels = new Props();
            foreach (var (labelKey, value) in pool.Labels)
            {
                labels[labelKey] = value;
            }

            nodeConfig["labels"] = labels;
        }

        if (pool.Taints.Count > 0)
        {
            nodeConfig["taints"] = pool.Taints.Select(t => (Input)new Props
            {
                ["key"] = t.Key,
                ["value"] = t.Value,
                ["effect"] = t.Effect switch
                {
                    TaintEffect.NoExecute => "NO_EXECUTE",
                    TaintEffect.PreferNoSchedule => "PREFER_NO_SCHEDULE",
                    _ => "NO_SCHEDULE",
                },
            }).ToArray();
        }

        var zones = network.Zones.Count;
        return new CustomResource("gcp:container/nodePool:NodePool", cluster.ChildResourceName(pool.Name), new Props
        {
            ["name"] = pool.Name,
            ["cluster"] = gke.Id,
            ["location"] = location,
            ["nodeLocations"] = network.Zones.ToArray(),

            // GKE counts initial nodes per zone; the pool's counts are totals.
            ["initialNodeCount"] = (pool.DesiredNodes + zones - 1) / zones,
            ["autoscaling"] = new Props
            {
                ["totalMinNodeCount"] = pool.MinNodes,
                ["totalMaxNodeCount"] = pool.MaxNodes,
                ["locationPolicy"] = "BALANCED",
            },
            ["management"] = new Props { ["autoRepair"] = true, ["autoUpgrade"] = true },
            ["upgradeSettings"] = new Props { ["strategy"] = "SURGE", ["maxSurge"] = 1, ["maxUnavailable"] = 0 },
            ["nodeConfig"] = nodeConfig,
        }, cluster.ChildResourceOptions with { IgnoreChanges = ["initialNodeCount"] });
    }
}
