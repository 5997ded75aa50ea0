namespace Infra.Policies.Rules;

/// <summary>INF-NET: firewalls, public addressing, flow logs and security groups.</summary>
internal static class NetworkRules
{
    private static readonly string[] Firewalls =
        [Aws.SecurityGroup, Aws.SecurityGroupIngressRule, Gcp.Firewall, Yandex.SecurityGroup, Yandex.SecurityGroupRule];

    /// <summary>GCP subnets that cannot carry flow logs (proxy-only and Private Service Connect ranges).</summary>
    private static readonly string[] SubnetsWithoutFlowLogs =
        ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT"];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-NET-001",
            Title = "No internet ingress to admin or data ports",
            Description = "An ingress rule that lets 0.0.0.0/0 or ::/0 reach SSH, RDP or a database/broker port (list configurable) exposes " +
                "the service to the whole internet. Port ranges that cover such a port fail too. Checks AWS security groups and " +
                "ingress rules, GCP firewalls (an ingress firewall without sources defaults to 0.0.0.0/0) and Yandex security groups.",
            Help = "Allow only the CIDRs that need access (VPN, bastion, peered networks), or reach the host privately (SSM, IAP, a bastion).",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_24", "CKV_AWS_25", "CKV_GCP_2", "CKV_GCP_3", "AVD-AWS-0107", "CIS AWS 1.4 5.2"],
            Checks = { { Firewalls, AdminPortsOpenToWorld } },
        },
        new ResourceRule
        {
            Id = "INF-NET-002",
            Title = "No world-open rule on all ports or all protocols",
            Description = "An ingress rule from 0.0.0.0/0 or ::/0 that allows every protocol (AWS -1, GCP all, Yandex ANY) or the whole " +
                "port range (0-65535, or no port given) opens every service on the target.",
            Help = "Open only the ports the service listens on, to the sources that need them.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_277", "CKV2_GCP_12", "CKV_YC_19", "CKV_YC_20", "AVD-GCP-0027"],
            Checks = { { Firewalls, AllPortsOpenToWorld } },
        },
        new ResourceRule
        {
            Id = "INF-NET-003",
            Title = "Default security group allows nothing; no default VPC",
            Description = "The default security group is attached to anything launched without one; it must hold no rules. " +
                "The default VPC gives instances public IPs, so programs should not adopt it.",
            Help = "Manage the default security group with empty ingress and egress, and build a dedicated VPC.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV2_AWS_12", "AVD-AWS-0173", "CIS AWS 1.4 5.3"],
            Checks =
            {
                { Aws.DefaultSecurityGroup, DefaultSecurityGroupIsEmpty },
                {
                    Aws.DefaultVpc, (_, c) => c.Flag("<resource>", Aws.DefaultVpc, "the program adopts the account's default VPC",
                        "Create a dedicated VPC (the network component) and leave the default VPC unused.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-NET-004",
            Title = "No public IPs on instances or subnets unless declared public",
            Description = "Subnets that map public IPs on launch and launch templates that associate them put instances on the internet. " +
                "Declare a deliberately public subnet with an exemption.",
            Help = "Keep mapPublicIpOnLaunch off and associatePublicIpAddress unset; publish through a load balancer or NAT.",
            Severity = Severity.High,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_130", "AVD-AWS-0164", "awsguard:ec2-instance-no-public-ip"],
            Checks =
            {
                {
                    Aws.Subnet, (r, c) => c.RequireNotTrue(r["mapPublicIpOnLaunch"], false,
                        "instances launched in this subnet get public IPs", "Set mapPublicIpOnLaunch: false (or omit it).")
                },
                { Aws.LaunchTemplate, LaunchTemplateHasNoPublicIp },
            },
        },
        new ResourceRule
        {
            Id = "INF-NET-005",
            Title = "Flow logs on every VPC and subnet",
            Description = "Flow logs are the record of who talked to what. AWS: every VPC needs an aws:ec2/flowLog:FlowLog whose vpcId " +
                "refers to it. GCP: every subnetwork needs logConfig (proxy-only and PSC subnets excepted). Yandex has no VPC flow logs.",
            Help = "Add a FlowLog for the VPC (AWS) or a logConfig block on the subnetwork (GCP).",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV2_AWS_11", "CKV_GCP_26", "AVD-AWS-0178", "CIS AWS 1.4 3.9", "CIS GCP 3.8"],
            Checks =
            {
                { Aws.Vpc, VpcHasFlowLog },
                { Gcp.Subnetwork, SubnetworkHasFlowLogs },
            },
        },
        new ResourceRule
        {
            Id = "INF-NET-006",
            Title = "Explicit, non-default security groups on databases and clusters",
            Description = "Without explicit security groups a database or cluster lands in the VPC's default group (or in none you control). " +
                "Checks RDS/DocDB vpcSecurityGroupIds, ElastiCache securityGroupIds and subnetGroupName, and securityGroupIds on " +
                "Yandex managed databases, Kubernetes masters and node-group interfaces.",
            Help = "Attach a dedicated security group that admits only the application's subnets.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_YC_1", "CKV_YC_11", "CKV_YC_14", "CKV_YC_15", "CKV2_AWS_5", "CKV_AWS_323"],
            Checks =
            {
                { [Aws.RdsInstance, Aws.RdsCluster, Aws.DocDbCluster], (r, c) => RequireGroups(c, r["vpcSecurityGroupIds"]) },
                { Aws.ElastiCacheReplicationGroup, ElastiCacheHasOwnGroups },
                { Yandex.ManagedClusters, (r, c) => RequireGroups(c, r["securityGroupIds"]) },
                { Yandex.KubernetesCluster, (r, c) => RequireGroups(c, r["master"]["securityGroupIds"]) },
                { Yandex.KubernetesNodeGroup, NodeGroupInterfacesHaveGroups },
            },
        },
    ];

    private static void AdminPortsOpenToWorld(PolicyResource resource, RuleCheck c)
    {
        foreach (var rule in FirewallRules.Ingress(resource, c))
        {
            if (rule.Ports.AllProtocols)
            {
                continue; // all protocols is INF-NET-002's finding
            }

            if (rule.Ports.Ranges is null)
            {
                if (rule.IsWorldOpen != false)
                {
                    c.CannotEvaluate(rule.Ports.At);
                }

                continue;
            }

            var covered = rule.Ports.Ranges.SelectMany(x => NetworkMath.Covered(x.From, x.To, c.Parameters.AdminPorts)).Distinct().ToArray();
            if (covered.Length == 0)
            {
                continue;
            }

            if (rule.Sources is null)
            {
                c.CannotEvaluate(rule.SourcesAt);
            }
            else if (rule.IsWorldOpen == true)
            {
                c.Violation(rule.SourcesAt, $"admin/data port {string.Join(", ", covered)} ({rule.Ports.Description}) is open to the internet",
                    shown: rule.DefaultSource);
            }
        }
    }

    private static void AllPortsOpenToWorld(PolicyResource resource, RuleCheck c)
    {
        foreach (var rule in FirewallRules.Ingress(resource, c).Where(r => r.Ports.IsAllPorts))
        {
            if (rule.Sources is null)
            {
                c.CannotEvaluate(rule.SourcesAt);
            }
            else if (rule.IsWorldOpen == true)
            {
                c.Violation(rule.SourcesAt, $"{rule.Ports.Description} are open to the internet", shown: rule.DefaultSource);
            }
        }
    }

    private static void DefaultSecurityGroupIsEmpty(PolicyResource resource, RuleCheck c)
    {
        foreach (var direction in new[] { resource["ingress"], resource["egress"] })
        {
            if (c.Decidable(direction) && direction.Items.Count > 0)
            {
                c.Violation(direction, "the default security group must not allow any traffic",
                    "Remove every rule: give the default security group empty ingress and egress lists.");
            }
        }
    }

    private static void LaunchTemplateHasNoPublicIp(PolicyResource resource, RuleCheck c)
    {
        var interfaces = resource["networkInterfaces"];
        if (!c.Decidable(interfaces))
        {
            return;
        }

        foreach (var nic in interfaces.Items)
        {
            c.RequireNotTrue(nic["associatePublicIpAddress"], false, "instances from this template get public IPs",
                "Remove associatePublicIpAddress (or set it to \"false\").");
        }
    }

    private static void VpcHasFlowLog(PolicyResource vpc, RuleCheck c)
    {
        var flowLogs = c.Program.References(Aws.FlowLog, "vpcId");
        if (flowLogs.Referencing(vpc.Key, []).Any())
        {
            return;
        }

        if (flowLogs.HasUnresolved)
        {
            c.CannotFind(Aws.FlowLog, "a FlowLog's vpcId is an expression that may name this VPC");
            return;
        }

        c.Missing(Aws.FlowLog, "the VPC has no flow log", $"Add an {Aws.FlowLog} with vpcId: ${{{vpc.Key}.id}} (traffic type ALL).");
    }

    private static void SubnetworkHasFlowLogs(PolicyResource subnet, RuleCheck c)
    {
        var purpose = subnet["purpose"];
        if (purpose.AsString() is { } value && SubnetsWithoutFlowLogs.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        c.RequireSet(subnet["logConfig"], "the subnetwork records no flow logs",
            "Add logConfig (e.g. aggregationInterval INTERVAL_5_SEC, flowSampling 0.5, metadata INCLUDE_ALL_METADATA).");
    }

    private static void RequireGroups(RuleCheck c, PropertyValue groups) =>
        c.RequireSet(groups, "no security group is given, so the default one applies",
            $"Set {groups.Path} to a dedicated security group that admits only the application.");

    private static void ElastiCacheHasOwnGroups(PolicyResource resource, RuleCheck c)
    {
        RequireGroups(c, resource["securityGroupIds"]);
        var subnetGroup = resource["subnetGroupName"];
        if (subnetGroup.IsAbsent || subnetGroup.AsString() == "default")
        {
            c.Violation(subnetGroup, "the cluster uses the default subnet group",
                "Create an aws:elasticache/subnetGroup:SubnetGroup of private subnets and set subnetGroupName to it.",
                shown: subnetGroup.IsAbsent ? "(not set; defaults to \"default\")" : null);
        }
    }

    private static void NodeGroupInterfacesHaveGroups(PolicyResource resource, RuleCheck c)
    {
        var interfaces = resource["instanceTemplate"]["networkInterfaces"];
        if (!c.Decidable(interfaces))
        {
            return;
        }

        foreach (var nic in interfaces.Items)
        {
            RequireGroups(c, nic["securityGroupIds"]);
        }
    }
}
