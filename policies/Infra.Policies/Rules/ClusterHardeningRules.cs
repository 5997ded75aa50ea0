using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-K8S-005…007: upgrades, NetworkPolicy enforcement and identity of managed Kubernetes (EKS, GKE, Yandex).</summary>
internal static class ClusterHardeningRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-K8S-005",
            Title = "Supported Kubernetes version with automatic upgrades and repair",
            Description = "Versions below the configured minimum (parameters.minKubernetesVersion), an unspecified GKE release channel, or " +
                "turned-off node auto-upgrade/auto-repair leave clusters behind on security fixes.",
            Help = "Track a release channel and keep auto-upgrade and auto-repair on; raise the version above the configured minimum.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_339", "CKV_GCP_70", "CKV_GCP_9", "CKV_GCP_10", "CKV_YC_7", "CKV_YC_8"],
            Checks =
            {
                { Aws.EksCluster, (r, c) => MinimumVersion(c, r["version"]) },
                { Gcp.GkeCluster, GkeUpgrades },
                { Gcp.GkeNodePool, (r, c) => AutoMaintenance(c, r["management"]) },
                { Yandex.KubernetesCluster, YandexMasterUpgrades },
                { Yandex.KubernetesNodeGroup, (r, c) => AutoMaintenance(c, r["maintenancePolicy"]) },
            },
        },
        new ResourceRule
        {
            Id = "INF-K8S-006",
            Title = "NetworkPolicy enforcement available in the cluster",
            Description = "A default-deny NetworkPolicy does nothing unless the cluster enforces NetworkPolicies: GKE networkPolicy or " +
                "Dataplane V2, Yandex Calico or Cilium, EKS the vpc-cni add-on with enableNetworkPolicy.",
            Help = "Turn on the cluster's NetworkPolicy enforcement.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_GCP_12", "CKV_YC_16", "AVD-GCP-0056", "CIS EKS 1.4 5.4.4", "CIS GKE 5.6.7"],
            Checks =
            {
                { Aws.EksCluster, EksNetworkPolicyAddon },
                { Gcp.GkeCluster, GkeNetworkPolicy },
                { Yandex.KubernetesCluster, YandexNetworkPolicy },
            },
        },
        new ResourceRule
        {
            Id = "INF-K8S-007",
            Title = "No legacy authentication; hardened node identity",
            Description = "Legacy ABAC and client certificates bypass RBAC (mandatory). Nodes should not run as the default compute service " +
                "account, should use the GKE metadata server, and EC2 nodes should require IMDSv2 with hop limit 1 (advisory).",
            Help = "Disable legacy ABAC and client certificates; give nodes a minimal service account and require IMDSv2.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M (legacy auth); A (node identity, metadata)",
            Anchors = ["CKV_GCP_7", "CKV_GCP_13", "CKV_GCP_69", "CKV2_GCP_1", "CKV_AWS_79", "AVD-GCP-0062", "CIS GKE 5.2.1"],
            Checks =
            {
                { Gcp.GkeCluster, GkeLegacyAuthAndNodes },
                { Gcp.GkeNodePool, (r, c) => NodeIdentity(c, r["nodeConfig"]) },
                { Aws.LaunchTemplate, ImdsV2 },
            },
        },
    ];

    private static void MinimumVersion(RuleCheck c, PropertyValue version)
    {
        if (c.Parameters.MinKubernetesVersion is not { } minimum || !c.Decidable(version) || version.AsString() is not { } text)
        {
            return;
        }

        if (Versions.Compare(text, minimum) < 0)
        {
            c.Violation(version, $"Kubernetes {text} is older than the configured minimum {minimum}", $"Upgrade to {minimum} or later.");
        }
    }

    private static void GkeUpgrades(PolicyResource cluster, RuleCheck c)
    {
        var channel = cluster["releaseChannel"]["channel"];
        if (c.Decidable(channel) && channel.AsString() == "UNSPECIFIED")
        {
            c.Violation(channel, "the cluster follows no release channel", "Use releaseChannel.channel REGULAR or STABLE.");
        }

        MinimumVersion(c, cluster["minMasterVersion"]);
    }

    private static void YandexMasterUpgrades(PolicyResource cluster, RuleCheck c)
    {
        var master = cluster["master"];
        c.RequireTrue(master["maintenancePolicy"]["autoUpgrade"], true, "the master is not upgraded automatically",
            "Set master.maintenancePolicy.autoUpgrade: true with a maintenance window.");
        MinimumVersion(c, master["version"]);
    }

    private static void AutoMaintenance(RuleCheck c, PropertyValue policy)
    {
        c.RequireTrue(policy["autoUpgrade"], true, "nodes are not upgraded automatically", $"Set {policy.Path}.autoUpgrade: true.");
        c.RequireTrue(policy["autoRepair"], true, "broken nodes are not repaired automatically", $"Set {policy.Path}.autoRepair: true.");
    }

    private static void EksNetworkPolicyAddon(PolicyResource cluster, RuleCheck c)
    {
        var addons = c.Program.Referencing(cluster, Aws.EksAddon, "clusterName", cluster["name"].AsString())
            .Where(a => a["addonName"].AsString() == "vpc-cni").ToArray();
        if (addons.Length == 0)
        {
            c.Missing(Aws.EksAddon, "no vpc-cni add-on enforces NetworkPolicies in this cluster",
                $"Add an {Aws.EksAddon} with addonName: vpc-cni, clusterName: ${{{cluster.Key}.name}} and configurationValues {{\"enableNetworkPolicy\": \"true\"}}.");
            return;
        }

        foreach (var addon in addons)
        {
            var values = addon["configurationValues"];
            var check = c.On(addon);
            if (!check.Decidable(values))
            {
                continue;
            }

            if (values.AsString() is not { } json || JsonNodes.Parse(json) is not MapNode map ||
                PropertyValue.Derived(map["enableNetworkPolicy"], "").AsBool() != true)
            {
                check.Violation(values, "the vpc-cni add-on does not enforce NetworkPolicies",
                    "Set configurationValues to {\"enableNetworkPolicy\": \"true\"}.");
            }
        }
    }

    private static void GkeNetworkPolicy(PolicyResource cluster, RuleCheck c)
    {
        var datapath = cluster["datapathProvider"];
        if (!c.Decidable(datapath) || datapath.AsString() == "ADVANCED_DATAPATH")
        {
            return;
        }

        c.RequireTrue(cluster["networkPolicy"]["enabled"], false, "NetworkPolicies are not enforced",
            "Use datapathProvider: ADVANCED_DATAPATH (Dataplane V2) or networkPolicy: { enabled: true }.");
    }

    private static void YandexNetworkPolicy(PolicyResource cluster, RuleCheck c)
    {
        var cilium = cluster["networkImplementation"]["cilium"];
        if (!c.Decidable(cilium) || cilium.IsKnown)
        {
            return;
        }

        c.RequireOneOf(cluster["networkPolicyProvider"], ["CALICO"], null, "NetworkPolicies are not enforced",
            "Set networkPolicyProvider: CALICO, or networkImplementation: { cilium: {} }.");
    }

    private static void GkeLegacyAuthAndNodes(PolicyResource cluster, RuleCheck c)
    {
        c.RequireNotTrue(cluster["enableLegacyAbac"], false, "legacy ABAC grants permissions outside RBAC", "Set enableLegacyAbac: false.");
        c.RequireNotTrue(cluster["masterAuth"]["clientCertificateConfig"]["issueClientCertificate"], false,
            "a client certificate with cluster-admin rights is issued", "Set masterAuth.clientCertificateConfig.issueClientCertificate: false.");
        if (!cluster["nodeConfig"].IsAbsent)
        {
            NodeIdentity(c, cluster["nodeConfig"]);
        }
    }

    private static void NodeIdentity(RuleCheck c, PropertyValue nodeConfig)
    {
        var account = nodeConfig["serviceAccount"];
        if (c.Decidable(account, Enforcement.Advisory) &&
            (account.IsAbsent || account.AsString() is "default" || account.AsString()?.EndsWith("-compute@developer.gserviceaccount.com", StringComparison.Ordinal) == true))
        {
            c.Violation(account, "nodes run as the default Compute Engine service account (project Editor)",
                "Create a minimal node service account (roles/container.defaultNodeServiceAccount) and set nodeConfig.serviceAccount.",
                Enforcement.Advisory, account.IsAbsent ? "(not set; defaults to the Compute Engine default service account)" : null);
        }

        c.RequireOneOf(nodeConfig["workloadMetadataConfig"]["mode"], ["GKE_METADATA"], null,
            "pods can read the node's metadata server credentials", "Set nodeConfig.workloadMetadataConfig.mode: GKE_METADATA (Workload Identity).",
            Enforcement.Advisory);
    }

    private static void ImdsV2(PolicyResource template, RuleCheck c)
    {
        var options = template["metadataOptions"];
        c.RequireOneOf(options["httpTokens"], ["required"], "optional", "IMDSv1 is allowed, so SSRF can steal the instance role's credentials",
            "Set metadataOptions.httpTokens: required.", Enforcement.Advisory);
        var hops = options["httpPutResponseHopLimit"];
        if (c.Decidable(hops, Enforcement.Advisory) && hops.AsInteger() is > 1)
        {
            c.Violation(hops, "containers on the node can reach the instance metadata service", "Set metadataOptions.httpPutResponseHopLimit: 1.",
                Enforcement.Advisory);
        }
    }
}
