using System.Text.Json;
using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>Every control-plane log type EKS offers, audit included.</summary>
    internal static readonly string[] ControlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    /// <summary>The EKS add-on that serves Pod Identity credentials on every node.</summary>
    internal const string PodIdentityAgentAddon = "eks-pod-identity-agent";

    /// <summary>
    /// An EKS cluster with its API endpoint in the private subnets (public only with an allow-list), secrets
    /// encrypted with a rotating KMS key, every control-plane log type sent to an encrypted log group, access by
    /// access entries only, the VPC CNI add-on enforcing network policies, managed node groups and the EKS Pod Identity
    /// agent.
    /// </summary>
    public ClusterOutputs CreateCluster(KubernetesCluster cluster, KubernetesClusterSpec spec, Network network)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(network);
        var clusterName = cluster.CloudResourceName();
        var key = new CustomResource("aws:kms/key:Key", cluster.ChildResourceName("secrets-key"), new Props
        {
            ["description"] = $"Encrypts the Kubernetes secrets and control-plane logs of EKS cluster {clusterName}",
            ["enableKeyRotation"] = true,
            ["rotationPeriodInDays"] = 365,
            ["deletionWindowInDays"] = Options.KmsDeletionWindowDays,
            ["policy"] = AwsPolicies.KeyForLogs(AccountId, Region),
            ["tags"] = NameTag(cluster.CloudResourceName("secrets")),
        }, cluster.StatefulChildResourceOptions);
        var keyArn = key.GetOutput<string>("arn");

        // EKS would create this group itself, unencrypted and kept forever; declaring it first sets both.
        var logGroup = new CustomResource("aws:cloudwatch/logGroup:LogGroup", cluster.ChildResourceName("control-plane-logs"), new Props
        {
            ["name"] = $"/aws/eks/{clusterName}/cluster",
            ["retentionInDays"] = Options.LogRetentionDays,
            ["kmsKeyId"] = keyArn,
            ["tags"] = NameTag(cluster.CloudResourceName("control-plane")),
        }, cluster.ChildResourceOptions);

        var role = new CustomResource("aws:iam/role:Role", cluster.ChildResourceName("cluster-role"), new Props
        {
            ["description"] = $"The EKS control plane of {clusterName}",
            ["assumeRolePolicy"] = AwsPolicies.ServiceTrust("eks.amazonaws.com", "sts:AssumeRole", "sts:TagSession"),
            ["tags"] = NameTag(cluster.CloudResourceName("cluster")),
        }, cluster.ChildResourceOptions);
        var rolePolicies = new List<Resource>
        {
            AttachManagedPolicy(cluster, "cluster-policy", role, "AmazonEKSClusterPolicy"),
            new CustomResource("aws:iam/rolePolicy:RolePolicy", cluster.ChildResourceName("cluster-kms"), new Props
            {
                ["role"] = role.Id,
                ["policy"] = AwsPolicies.UseKeyForSecrets(keyArn),
            }, cluster.ChildResourceOptions),
        };

        var eks = new CustomResource("aws:eks/cluster:Cluster", cluster.ChildResourceName("eks"), new Props
        {
            ["name"] = clusterName,
            ["version"] = spec.Version.ToString(),
            ["roleArn"] = role.GetOutput<string>("arn"),
            ["vpcConfig"] = new Props
            {
                ["subnetIds"] = network.PrivateSubnetIds,
                ["endpointPrivateAccess"] = true,
                ["endpointPublicAccess"] = spec.PublicEndpoint,
                ["publicAccessCidrs"] = spec.PublicEndpoint ? spec.PublicEndpointAllowedCidrs.Select(c => c.ToString()).ToArray() : null,
            },
            ["encryptionConfig"] = new Props
            {
                ["provider"] = new Props { ["keyArn"] = keyArn },
                ["resources"] = new[] { "secrets" },
            },
            ["enabledClusterLogTypes"] = ControlPlaneLogTypes,
            ["accessConfig"] = new Props
            {
                ["authenticationMode"] = "API",
                ["bootstrapClusterCreatorAdminPermissions"] = Options.BootstrapClusterCreatorAdmin,
            },
            ["kubernetesNetworkConfig"] = new Props
            {
                ["ipFamily"] = "ipv4",
                ["serviceIpv4Cidr"] = network.Spec.ServiceCidr.ToString(),
            },

            // Standard support only: when it ends EKS upgrades the control plane instead of billing extended support.
            ["upgradePolicy"] = new Props { ["supportType"] = "STANDARD" },
            ["deletionProtection"] = cluster.Settings.ProtectStatefulResources,
            ["tags"] = NameTag(clusterName),
        }, cluster.ChildResourceOptions with { DependsOn = [.. rolePolicies, logGroup] });
        var eksName = eks.GetOutput<string>("name");

        var networkPolicies = new CustomResource("aws:eks/addon:Addon", cluster.ChildResourceName("vpc-cni"), new Props
        {
            ["clusterName"] = eksName,
            ["addonName"] = "vpc-cni",
            ["configurationValues"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["enableNetworkPolicy"] = "true" }),
            ["resolveConflictsOnCreate"] = "OVERWRITE",
            ["resolveConflictsOnUpdate"] = "OVERWRITE",
        }, cluster.ChildResourceOptions);

        var ready = new List<Resource> { networkPolicies };
        ready.AddRange(CreateAccessEntries(cluster, eksName));
        var nodeGroups = CreateNodeGroups(cluster, spec, network, eks, [networkPolicies]);
        ready.AddRange(nodeGroups);

        // The agent hands pods the credentials of their Pod Identity association (workloads get roles, never keys).
        // It is a DaemonSet, so it waits for nodes: EKS reports the add-on degraded until they exist.
        ready.Add(new CustomResource("aws:eks/addon:Addon", cluster.ChildResourceName("pod-identity-agent"), new Props
        {
            ["clusterName"] = eksName,
            ["addonName"] = PodIdentityAgentAddon,
            ["resolveConflictsOnCreate"] = "OVERWRITE",
            ["resolveConflictsOnUpdate"] = "OVERWRITE",
        }, cluster.ChildResourceOptions with { DependsOn = nodeGroups }));

        var credentials = new List<string> { "eks", "get-token", "--cluster-name", clusterName, "--region", Region, "--output", "json" };
        if (Options.CliProfile is { } profile)
        {
            credentials.AddRange(["--profile", profile]);
        }

        return new ClusterOutputs
        {
            ClusterName = eksName,
            Endpoint = eks.GetOutput<string>("endpoint"),
            CertificateAuthorityData = eks.GetOutput<string>("certificateAuthority.data"),
            Credentials = new ExecCredentialPlugin("aws", credentials,
                "Install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) and sign in to the account."),
            ReadyWhen = ready,
        };
    }

    private static CustomResource AttachManagedPolicy(PlatformComponent owner, string name, CustomResource role, string policy) =>
        new("aws:iam/rolePolicyAttachment:RolePolicyAttachment", owner.ChildResourceName(name), new Props
        {
            ["role"] = role.GetOutput<string>("name"),
            ["policyArn"] = $"arn:aws:iam::aws:policy/{policy}",
        }, owner.ChildResourceOptions);

    private List<Resource> CreateAccessEntries(KubernetesCluster cluster, Output<string> eksName)
    {
        var grants = new List<Resource>();
        for (var i = 0; i < Options.AccessEntries.Count; i++)
        {
            var entry = Options.AccessEntries[i];
            var access = new CustomResource("aws:eks/accessEntry:AccessEntry", cluster.ChildResourceName($"access-{i}"), new Props
            {
                ["clusterName"] = eksName,
                ["principalArn"] = entry.PrincipalArn,
                ["type"] = "STANDARD",
            }, cluster.ChildResourceOptions);
            grants.Add(new CustomResource("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", cluster.ChildResourceName($"access-{i}-policy"), new Props
            {
                ["clusterName"] = eksName,
                ["principalArn"] = entry.PrincipalArn,
                ["policyArn"] = $"arn:aws:eks::aws:cluster-access-policy/{entry.AccessPolicy}",
                ["accessScope"] = entry.Namespaces.Count == 0
                    ? new Props { ["type"] = "cluster" }
                    : new Props { ["type"] = "namespace", ["namespaces"] = entry.Namespaces.ToArray() },
            }, cluster.ChildResourceOptions with { DependsOn = [access] }));
        }

        return grants;
    }
}
