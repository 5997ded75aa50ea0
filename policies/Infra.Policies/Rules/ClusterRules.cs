using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-K8S-001…004: exposure, Secrets encryption, audit logs and node addressing of managed Kubernetes (EKS, GKE, Yandex).</summary>
internal static class ClusterRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-K8S-001",
            Title = "Kubernetes API endpoint not open to the internet",
            Description = "The API server must be private or restricted to an allow-list. EKS is public and open to 0.0.0.0/0 unless " +
                "vpcConfig says otherwise (an empty publicAccessCidrs is open too); GKE's public endpoint needs " +
                "masterAuthorizedNetworksConfig; a Yandex master with publicIp needs security groups.",
            Help = "Make the endpoint private, or list the CIDRs allowed to reach it.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M if open to the world; prod: M for any public endpoint without an allow-list",
            Anchors = ["CKV_AWS_39", "CKV_AWS_38", "CKV_GCP_18", "CKV_YC_5", "AVD-AWS-0040", "AVD-AWS-0041", "CIS EKS 1.4 5.4.1"],
            Checks =
            {
                { Aws.EksCluster, EksEndpointRestricted },
                { Gcp.GkeCluster, GkeEndpointRestricted },
                { Yandex.KubernetesCluster, YandexEndpointRestricted },
            },
        },
        new ResourceRule
        {
            Id = "INF-K8S-002",
            Title = "Kubernetes Secrets envelope-encrypted with a KMS key",
            Description = "Secrets in etcd are only base64 unless the control plane encrypts them with a customer-managed key.",
            Help = "Configure secrets encryption with a KMS key (EKS encryptionConfig, GKE databaseEncryption, Yandex kmsProvider).",
            Severity = Severity.High,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_58", "CKV_YC_10", "AVD-AWS-0039", "CIS EKS 1.4 5.3.1", "CIS GKE 5.3.1"],
            Checks =
            {
                { Aws.EksCluster, EksSecretsEncrypted },
                { Gcp.GkeCluster, GkeSecretsEncrypted },
                {
                    Yandex.KubernetesCluster, (r, c) => c.RequireSet(r["kmsProvider"]["keyId"], "Secrets are not encrypted with a KMS key",
                        "Set kmsProvider.keyId to a yandex:index/kmsSymmetricKey:KmsSymmetricKey.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-K8S-003",
            Title = "Control-plane and audit logs enabled",
            Description = "Without API-server and audit logs, nobody can tell who did what to the cluster.",
            Help = "Enable the control-plane log types (api, audit, authenticator) or the provider's logging switches.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_37", "CKV_GCP_1", "CKV_GCP_8", "AVD-AWS-0038", "CIS EKS 1.4 2.1.1", "CIS GKE 5.7.1"],
            Checks =
            {
                { Aws.EksCluster, EksLogTypes },
                { Gcp.GkeCluster, GkeLogging },
                { Yandex.KubernetesCluster, YandexMasterLogging },
            },
        },
        new ResourceRule
        {
            Id = "INF-K8S-004",
            Title = "Worker nodes without public IPs or world SSH",
            Description = "Nodes must sit on private addresses; an EKS node group with remoteAccess but no sourceSecurityGroupIds opens SSH to the world.",
            Help = "Use private nodes (GKE enablePrivateNodes, Yandex nat: false) and restrict or drop SSH access.",
            Severity = Severity.High,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_GCP_64", "CKV_YC_6", "CKV_AWS_100", "AVD-GCP-0059", "CIS EKS 1.4 5.4.3", "CIS GKE 5.6.5"],
            Checks =
            {
                { Aws.EksNodeGroup, EksNodeSsh },
                {
                    Gcp.GkeCluster, (r, c) => c.RequireTrue(r["privateClusterConfig"]["enablePrivateNodes"], false, "nodes get public IPs",
                        "Set privateClusterConfig.enablePrivateNodes: true (egress through Cloud NAT).")
                },
                { Gcp.GkeNodePool, GkePoolPrivate },
                { Yandex.KubernetesNodeGroup, YandexNodesPrivate },
            },
        },
    ];

    private static void EksEndpointRestricted(PolicyResource cluster, RuleCheck c)
    {
        var vpc = cluster["vpcConfig"];
        var isPublic = vpc["endpointPublicAccess"];
        if (!c.Decidable(isPublic) || (isPublic.AsBool() ?? true) == false)
        {
            return;
        }

        var cidrs = vpc["publicAccessCidrs"];
        if (!c.Decidable(cidrs))
        {
            return;
        }

        var list = cidrs.AsStrings();
        if (cidrs.IsAbsent || list is { Count: 0 } || list?.Any(NetworkMath.IsWorld) == true)
        {
            c.Violation(cidrs, "the public API endpoint accepts connections from anywhere",
                "Set vpcConfig.endpointPublicAccess: false (with endpointPrivateAccess: true), or list the allowed CIDRs in publicAccessCidrs.",
                shown: cidrs.IsAbsent ? "(not set; EKS defaults to 0.0.0.0/0 with endpointPublicAccess defaulting to true)" : null);
        }
        else if (list is null)
        {
            c.CannotEvaluate(cidrs);
        }
    }

    private static void GkeEndpointRestricted(PolicyResource cluster, RuleCheck c)
    {
        var privateEndpoint = cluster["privateClusterConfig"]["enablePrivateEndpoint"];
        if (!c.Decidable(privateEndpoint) || privateEndpoint.AsBool() == true)
        {
            return;
        }

        var networks = cluster["masterAuthorizedNetworksConfig"];
        if (!c.Decidable(networks))
        {
            return;
        }

        if (networks.IsAbsent)
        {
            c.Violation(networks, "the public endpoint accepts connections from anywhere",
                "Add masterAuthorizedNetworksConfig with the allowed cidrBlocks, or set privateClusterConfig.enablePrivateEndpoint: true.");
            return;
        }

        c.RequireNotTrue(networks["gcpPublicCidrsAccessEnabled"], false, "every Google Cloud public IP may reach the endpoint",
            "Set gcpPublicCidrsAccessEnabled: false and list the allowed CIDRs.");
        var blocks = networks["cidrBlocks"];
        if (!c.Decidable(blocks))
        {
            return;
        }

        foreach (var block in blocks.Items)
        {
            var cidr = block["cidrBlock"];
            if (c.Decidable(cidr) && cidr.AsString() is { } text && NetworkMath.IsWorld(text))
            {
                c.Violation(cidr, "the authorized networks include the whole internet", "List only the CIDRs that administer the cluster.");
            }
        }
    }

    private static void YandexEndpointRestricted(PolicyResource cluster, RuleCheck c)
    {
        var master = cluster["master"];
        var publicIp = master["publicIp"];
        if (!c.Decidable(publicIp) || publicIp.AsBool() != true)
        {
            return;
        }

        c.RequireSet(master["securityGroupIds"], "the master has a public IP and no security group restricts who reaches it",
            "Set master.publicIp: false, or attach master.securityGroupIds that admit 443/6443 only from known CIDRs.");
    }

    private static void EksSecretsEncrypted(PolicyResource cluster, RuleCheck c)
    {
        var encryption = cluster["encryptionConfig"];
        var resources = encryption["resources"];
        if (!c.Decidable(resources))
        {
            return;
        }

        if (resources.AsStrings() is not { } list || !list.Contains("secrets", StringComparer.OrdinalIgnoreCase))
        {
            c.Violation(resources, "Secrets are not envelope-encrypted",
                "Set encryptionConfig: { resources: [secrets], provider: { keyArn: <KMS key ARN> } }.");
            return;
        }

        c.RequireSet(encryption["provider"]["keyArn"], "no KMS key is given for Secrets encryption", "Set encryptionConfig.provider.keyArn.");
    }

    private static void GkeSecretsEncrypted(PolicyResource cluster, RuleCheck c)
    {
        var encryption = cluster["databaseEncryption"];
        c.RequireOneOf(encryption["state"], ["ENCRYPTED"], "DECRYPTED", "Secrets in etcd are not encrypted with a Cloud KMS key",
            "Set databaseEncryption: { state: ENCRYPTED, keyName: <Cloud KMS key> }.");
        if (encryption["state"].AsString() == "ENCRYPTED")
        {
            c.RequireSet(encryption["keyName"], "no Cloud KMS key is given", "Set databaseEncryption.keyName.");
        }
    }

    private static void EksLogTypes(PolicyResource cluster, RuleCheck c)
    {
        var types = cluster["enabledClusterLogTypes"];
        if (!c.Decidable(types))
        {
            return;
        }

        var enabled = types.AsStrings() ?? [];
        var missing = new[] { "api", "audit", "authenticator" }.Where(t => !enabled.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
        {
            c.Violation(types, $"control-plane log types {string.Join(", ", missing)} are not enabled",
                "Set enabledClusterLogTypes: [api, audit, authenticator, controllerManager, scheduler].");
        }
    }

    private static void GkeLogging(PolicyResource cluster, RuleCheck c)
    {
        foreach (var service in new[] { cluster["loggingService"], cluster["monitoringService"] })
        {
            if (c.Decidable(service) && service.AsString() == "none")
            {
                c.Violation(service, "Cloud Logging/Monitoring is turned off for the cluster", $"Remove {service.Path}: none.");
            }
        }

        var components = cluster["loggingConfig"]["enableComponents"];
        if (c.Decidable(components) && components.Node is ListNode { Items.Count: 0 })
        {
            c.Violation(components, "no component logs are collected", "Enable at least SYSTEM_COMPONENTS and APISERVER.");
        }
    }

    private static void YandexMasterLogging(PolicyResource cluster, RuleCheck c)
    {
        var logging = cluster["master"]["masterLogging"];
        c.RequireTrue(logging["enabled"], false, "master logs are not shipped", "Set master.masterLogging: { enabled: true, auditEnabled: true, logGroupId: … }.");
        c.RequireTrue(logging["auditEnabled"], false, "Kubernetes audit logs are off", "Set master.masterLogging.auditEnabled: true.");
    }

    private static void EksNodeSsh(PolicyResource nodeGroup, RuleCheck c)
    {
        var access = nodeGroup["remoteAccess"];
        if (!c.Decidable(access) || access.IsAbsent)
        {
            return;
        }

        c.RequireSet(access["sourceSecurityGroupIds"], "remoteAccess without sourceSecurityGroupIds opens SSH (port 22) to 0.0.0.0/0",
            "Remove remoteAccess (use SSM), or set remoteAccess.sourceSecurityGroupIds to a bastion's security group.");
    }

    private static void YandexNodesPrivate(PolicyResource nodeGroup, RuleCheck c)
    {
        var template = nodeGroup["instanceTemplate"];
        c.RequireNotTrue(template["nat"], false, "nodes get public IPs", "Remove instanceTemplate.nat (deprecated) and use a NAT gateway.");
        var interfaces = template["networkInterfaces"];
        if (!c.Decidable(interfaces))
        {
            return;
        }

        foreach (var nic in interfaces.Items)
        {
            c.RequireNotTrue(nic["nat"], false, "nodes get public IPs", "Set nat: false and give the subnet a NAT gateway for egress.");
        }
    }

    private static void GkePoolPrivate(PolicyResource pool, RuleCheck c)
    {
        var enabled = pool["networkConfig"]["enablePrivateNodes"];
        if (c.Decidable(enabled) && enabled.AsBool() == false)
        {
            c.Violation(enabled, "this node pool gives its nodes public IPs", "Remove networkConfig.enablePrivateNodes: false.");
        }
    }
}
