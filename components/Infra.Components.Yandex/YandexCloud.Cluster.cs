using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>The folder roles the cluster's service account needs, and no others (a public endpoint adds <c>vpc.publicAdmin</c>).</summary>
    internal static readonly string[] ClusterRoles = ["k8s.clusters.agent", "logging.writer", "kms.keys.encrypterDecrypter"];

    /// <summary>The folder role the nodes' service account needs to pull images, and no other.</summary>
    internal static readonly string[] NodeRoles = ["container-registry.images.puller"];

    /// <summary>Addresses of Yandex's load balancer health checks (the security groups' predefined target).</summary>
    private const string HealthChecks = "loadbalancer_healthchecks";

    /// <summary>
    /// A Managed Kubernetes cluster: a regional master across 3 zones in prod (zonal in dev), private unless an
    /// allow-list is given, Calico network policies, secrets encrypted with a rotating KMS key, master and audit
    /// logs in a log group, dedicated service accounts with minimal folder roles, security groups that admit no
    /// traffic from the world, and autoscaled node groups without public addresses.
    /// </summary>
    public ClusterOutputs CreateCluster(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(network);
        var masterZones = MasterZones(cluster, spec, network);
        var clusterRoles = spec.PublicEndpoint ? [.. ClusterRoles, "vpc.publicAdmin"] : ClusterRoles;
        var (clusterAccount, clusterGrants) = ServiceAccount(cluster, "cluster", Options.ClusterServiceAccountId, clusterRoles);
        var (nodeAccount, nodeGrants) = ServiceAccount(cluster, "nodes", Options.NodeServiceAccountId, NodeRoles);

        var key = new CustomResource("yandex:index/kmsSymmetricKey:KmsSymmetricKey", cluster.ChildResourceName("secrets-key"), new Props
        {
            ["name"] = cluster.CloudResourceName("secrets"),
            ["description"] = $"Encrypts the Kubernetes secrets of {cluster.CloudResourceName()}",
            ["defaultAlgorithm"] = "AES_256",
            ["rotationPeriod"] = "8760h",
            ["deletionProtection"] = cluster.Settings.ProtectStatefulResources,
            ["labels"] = Labels(),
        }, cluster.StatefulChildResourceOptions);
        var logs = new CustomResource("yandex:index/loggingGroup:LoggingGroup", cluster.ChildResourceName("logs"), new Props
        {
            ["name"] = cluster.CloudResourceName("master-logs"),
            ["description"] = $"Master and audit logs of {cluster.CloudResourceName()}",
            ["retentionPeriod"] = Options.LogRetentionPeriod,
            ["labels"] = Labels(),
        }, cluster.ChildResourceOptions);

        var (mainGroup, masterGroup) = CreateSecurityGroups(cluster, spec, network);
        var location = masterZones.Count == 1
            ? (Key: "zonal", Value: (Input)ZoneLocation(network, masterZones[0]))
            : (Key: "regional", Value: new Props { ["region"] = Region, ["locations"] = masterZones.Select(z => (Input)ZoneLocation(network, z)).ToArray() });
        var master = new Props
        {
            ["version"] = spec.Version.ToString(),
            ["publicIp"] = spec.PublicEndpoint,
            ["securityGroupIds"] = new Input[] { mainGroup.Id, masterGroup.Id },
            ["maintenancePolicy"] = new Props { ["autoUpgrade"] = true, ["maintenanceWindows"] = MaintenanceWindows() },
            ["masterLogging"] = new Props
            {
                ["enabled"] = true,
                ["logGroupId"] = logs.Id,
                ["kubeApiserverEnabled"] = true,
                ["auditEnabled"] = true,
                ["clusterAutoscalerEnabled"] = true,
                ["eventsEnabled"] = true,
            },
        };
        master[location.Key] = location.Value;

        var k8s = new CustomResource("yandex:index/kubernetesCluster:KubernetesCluster", cluster.ChildResourceName("k8s"), new Props
        {
            ["name"] = cluster.CloudResourceName(),
            ["description"] = $"Kubernetes cluster {cluster.CloudResourceName()}",
            ["networkId"] = network.NetworkId,
            ["serviceAccountId"] = clusterAccount,
            ["nodeServiceAccountId"] = nodeAccount,
            ["releaseChannel"] = Options.ReleaseChannel,
            ["networkPolicyProvider"] = "CALICO",
            ["clusterIpv4Range"] = network.Spec.PodCidr.ToString(),
            ["serviceIpv4Range"] = network.Spec.ServiceCidr.ToString(),
            ["kmsProvider"] = new Props { ["keyId"] = key.Id },
            ["master"] = master,
            ["labels"] = Labels(),
        }, cluster.ChildResourceOptions with { DependsOn = [.. clusterGrants, .. nodeGrants] });

        var nodeGroups = CreateNodeGroups(cluster, spec, network, k8s, mainGroup);
        var endpoint = spec.PublicEndpoint ? "master.externalV4Endpoint" : "master.internalV4Endpoint";
        var credentials = new List<string> { "k8s", "create-token" };
        if (Options.CliProfile is { } profile)
        {
            credentials.AddRange(["--profile", profile]);
        }

        return new ClusterOutputs
        {
            ClusterName = k8s.GetOutput<string>("name"),
            Endpoint = k8s.GetOutput<string>(endpoint),

            // Yandex returns the CA as PEM; kubeconfig wants it base64-encoded.
            CertificateAuthorityData = Fn.ToBase64(k8s.GetOutput<string>("master.clusterCaCertificate")),
            Credentials = new ExecCredentialPlugin("yc", credentials,
                "Install the Yandex Cloud CLI (https://yandex.cloud/docs/cli/quickstart) and run yc init."),
            ReadyWhen = nodeGroups,
        };
    }

    private static List<string> MasterZones(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network)
    {
        if (!spec.HighlyAvailableControlPlane)
        {
            return [network.Zones[0]];
        }

        if (network.Zones.Count < 3)
        {
            var problems = new Problems(cluster.Name, cluster.DeclaredAt);
            problems.Add("INFRA-YANDEX-004", "KubernetesClusterArgs.HighlyAvailableControlPlane", "true",
                $"a regional master on Yandex Cloud needs subnets in 3 zones; network '{network.Name}' has {network.Zones.Count}.",
                "a Yandex Cloud regional master runs in exactly 3 zones",
                "Set NetworkArgs.ZoneCount to 3, or set HighlyAvailableControlPlane to false for a zonal master.");
            problems.ThrowIfAny();
        }

        return [.. network.Zones.Take(3)];
    }

    private static Props ZoneLocation(Network network, string zone) => new()
    {
        ["zone"] = zone,
        ["subnetId"] = PrivateSubnetIn(network, zone),
    };

    private static Output<string> PrivateSubnetIn(Network network, string zone) => network.PrivateSubnets.First(s => s.Zone == zone).Id;

    private static Input[] MaintenanceWindows() => [new Props { ["startTime"] = "03:00", ["duration"] = "3h" }];

    /// <summary>The given service account, or a new one with exactly <paramref name="roles"/> on the folder.</summary>
    private (Input Id, List<Resource> Grants) ServiceAccount(KubernetesCluster cluster, string purpose, string? existing, string[] roles)
    {
        if (existing is not null)
        {
            return (existing, []);
        }

        var account = new CustomResource("yandex:index/iamServiceAccount:IamServiceAccount", cluster.ChildResourceName($"{purpose}-sa"), new Props
        {
            ["name"] = ComponentNames.Fit(cluster.CloudResourceName(purpose), 63),
            ["description"] = $"Service account of the {purpose} of Kubernetes cluster {cluster.CloudResourceName()}",
            ["labels"] = Labels(),
        }, cluster.ChildResourceOptions);
        var grants = roles.Select(role => (Resource)new CustomResource("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember",
            cluster.ChildResourceName($"{purpose}-sa-{role.Replace('.', '-')}"), new Props
            {
                ["folderId"] = Options.FolderId,
                ["role"] = role,
                ["member"] = Output.Format($"serviceAccount:{account.Id}"),
            }, cluster.ChildResourceOptions)).ToList();
        return (account.Id, grants);
    }
}
