using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>
    /// A VPC with a public and a private subnet per zone, an internet gateway, NAT gateways (one, or one per
    /// zone), route tables, VPC flow logs to an encrypted CloudWatch log group, a default security group that
    /// allows nothing, and a DB subnet group over the private subnets.
    /// </summary>
    public NetworkOutputs CreateNetwork(Network network, NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        var options = network.ChildResourceOptions;
        var vpc = new CustomResource("aws:ec2/vpc:Vpc", network.ChildResourceName("vpc"), new Props
        {
            ["cidrBlock"] = spec.Cidr.ToString(),
            ["enableDnsSupport"] = true,
            ["enableDnsHostnames"] = true,
            ["tags"] = NameTag(network.CloudResourceName()),
        }, options);

        // The default security group would otherwise let every member talk to every other; it is left empty.
        _ = new CustomResource("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", network.ChildResourceName("default-sg"), new Props
        {
            ["vpcId"] = vpc.Id,
            ["ingress"] = Input.List(),
            ["egress"] = Input.List(),
            ["tags"] = NameTag(network.CloudResourceName("default")),
        }, options);

        var gateway = new CustomResource("aws:ec2/internetGateway:InternetGateway", network.ChildResourceName("igw"), new Props
        {
            ["vpcId"] = vpc.Id,
            ["tags"] = NameTag(network.CloudResourceName("igw")),
        }, options);

        var publicSubnets = spec.Zones.Select(z => Subnet(network, vpc, z.Zone, z.Public, "public", "kubernetes.io/role/elb")).ToList();
        var privateSubnets = spec.Zones.Select(z => Subnet(network, vpc, z.Zone, z.Private, "private", "kubernetes.io/role/internal-elb")).ToList();

        var publicRoutes = new CustomResource("aws:ec2/routeTable:RouteTable", network.ChildResourceName("public-rt"), new Props
        {
            ["vpcId"] = vpc.Id,
            ["routes"] = new Input[] { new Props { ["cidrBlock"] = "0.0.0.0/0", ["gatewayId"] = gateway.Id } },
            ["tags"] = NameTag(network.CloudResourceName("public")),
        }, options);
        for (var i = 0; i < spec.Zones.Count; i++)
        {
            Associate(network, $"public-rt-{spec.Zones[i].Zone}-link", publicRoutes, publicSubnets[i]);
        }

        var natGateways = CreateNatGateways(network, spec, gateway, publicSubnets);
        for (var i = 0; i < spec.Zones.Count; i++)
        {
            var zone = spec.Zones[i].Zone;
            var routes = new CustomResource("aws:ec2/routeTable:RouteTable", network.ChildResourceName($"private-rt-{zone}"), new Props
            {
                ["vpcId"] = vpc.Id,
                ["routes"] = new Input[] { new Props { ["cidrBlock"] = "0.0.0.0/0", ["natGatewayId"] = natGateways[i % natGateways.Count].Id } },
                ["tags"] = NameTag(network.CloudResourceName($"private-{zone}")),
            }, options);
            Associate(network, $"private-rt-{zone}-link", routes, privateSubnets[i]);
        }

        if (spec.FlowLogs)
        {
            CreateFlowLogs(network, vpc);
        }

        var databaseSubnets = new CustomResource("aws:rds/subnetGroup:SubnetGroup", network.ChildResourceName("db-subnets"), new Props
        {
            ["name"] = network.CloudResourceName("db"),
            ["description"] = $"Private subnets of {network.CloudResourceName()} for managed databases",
            ["subnetIds"] = Input.List(privateSubnets.Select(s => (Input)s.Id)),
            ["tags"] = NameTag(network.CloudResourceName("db")),
        }, options);

        return new NetworkOutputs
        {
            NetworkId = vpc.Id,
            PrivateSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Private, privateSubnets[i].Id))],
            PublicSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Public, publicSubnets[i].Id))],
            DatabaseSubnetGroupName = databaseSubnets.GetOutput<string>("name"),
        };
    }

    private static CustomResource Subnet(Network network, CustomResource vpc, string zone, Cidr cidr, string tier, string loadBalancerRoleTag)
    {
        var tags = NameTag(network.CloudResourceName($"{tier}-{zone}"));

        // Tells the AWS load balancer controller which subnets take internet-facing and internal load balancers.
        tags[loadBalancerRoleTag] = "1";
        return new CustomResource("aws:ec2/subnet:Subnet", network.ChildResourceName($"{tier}-{zone}"), new Props
        {
            ["vpcId"] = vpc.Id,
            ["availabilityZone"] = zone,
            ["cidrBlock"] = cidr.ToString(),
            ["mapPublicIpOnLaunch"] = false,
            ["tags"] = tags,
        }, network.ChildResourceOptions);
    }

    private static void Associate(Network network, string name, CustomResource routeTable, CustomResource subnet) =>
        _ = new CustomResource("aws:ec2/routeTableAssociation:RouteTableAssociation", network.ChildResourceName(name), new Props
        {
            ["routeTableId"] = routeTable.Id,
            ["subnetId"] = subnet.Id,
        }, network.ChildResourceOptions);

    private static List<CustomResource> CreateNatGateways(Network network, NetworkSpec spec, CustomResource gateway, List<CustomResource> publicSubnets)
    {
        var count = spec.NatGatewayPerZone ? spec.Zones.Count : 1;
        var gateways = new List<CustomResource>();
        for (var i = 0; i < count; i++)
        {
            var zone = spec.Zones[i].Zone;
            var address = new CustomResource("aws:ec2/eip:Eip", network.ChildResourceName($"nat-ip-{zone}"), new Props
            {
                ["domain"] = "vpc",
                ["tags"] = NameTag(network.CloudResourceName($"nat-{zone}")),
            }, network.ChildResourceOptions);
            gateways.Add(new CustomResource("aws:ec2/natGateway:NatGateway", network.ChildResourceName($"nat-{zone}"), new Props
            {
                ["allocationId"] = address.Id,
                ["subnetId"] = publicSubnets[i].Id,
                ["tags"] = NameTag(network.CloudResourceName($"nat-{zone}")),
            }, network.ChildResourceOptions with { DependsOn = [gateway] }));
        }

        return gateways;
    }

    private void CreateFlowLogs(Network network, CustomResource vpc)
    {
        var key = new CustomResource("aws:kms/key:Key", network.ChildResourceName("flow-logs-key"), new Props
        {
            ["description"] = $"Encrypts the VPC flow logs of {network.CloudResourceName()}",
            ["enableKeyRotation"] = true,
            ["rotationPeriodInDays"] = 365,
            ["deletionWindowInDays"] = Options.KmsDeletionWindowDays,
            ["policy"] = AwsPolicies.KeyForLogs(AccountId, Region),
            ["tags"] = NameTag(network.CloudResourceName("flow-logs")),
        }, network.StatefulChildResourceOptions);
        var logGroup = new CustomResource("aws:cloudwatch/logGroup:LogGroup", network.ChildResourceName("flow-logs"), new Props
        {
            ["name"] = $"/infra/{network.CloudResourceName()}/vpc-flow-logs",
            ["retentionInDays"] = Options.LogRetentionDays,
            ["kmsKeyId"] = key.GetOutput<string>("arn"),
            ["tags"] = NameTag(network.CloudResourceName("flow-logs")),
        }, network.ChildResourceOptions);
        var role = new CustomResource("aws:iam/role:Role", network.ChildResourceName("flow-logs-role"), new Props
        {
            ["description"] = $"Lets VPC flow logs of {network.CloudResourceName()} write to their log group",
            ["assumeRolePolicy"] = AwsPolicies.ServiceTrust("vpc-flow-logs.amazonaws.com"),
            ["tags"] = NameTag(network.CloudResourceName("flow-logs")),
        }, network.ChildResourceOptions);
        var policy = new CustomResource("aws:iam/rolePolicy:RolePolicy", network.ChildResourceName("flow-logs-policy"), new Props
        {
            ["role"] = role.Id,
            ["policy"] = AwsPolicies.WriteToLogGroup(logGroup.GetOutput<string>("arn")),
        }, network.ChildResourceOptions);
        _ = new CustomResource("aws:ec2/flowLog:FlowLog", network.ChildResourceName("flow-log"), new Props
        {
            ["vpcId"] = vpc.Id,
            ["trafficType"] = "ALL",
            ["logDestinationType"] = "cloud-watch-logs",
            ["logDestination"] = logGroup.GetOutput<string>("arn"),
            ["iamRoleArn"] = role.GetOutput<string>("arn"),
            ["maxAggregationInterval"] = 60,
            ["tags"] = NameTag(network.CloudResourceName("flow-logs")),
        }, network.ChildResourceOptions with { DependsOn = [policy] });
    }
}
