using Infra.Components;
using Infra.Components.Networking;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Networking;

public sealed class NetworkTests
{
    public static TheoryData<CloudKind, string> CloudsAndEnvironments => TestPlatforms.CloudsAndEnvironments();

    private static int ZoneCount(string environment) => environment == "prod" ? 3 : 2;

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Every_resource_is_a_child_of_the_network_named_after_it(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkOnly(cloud, environment);

        var children = built.Network.Children();
        Assert.NotEmpty(children);
        Assert.All(children, child =>
        {
            Assert.Same(built.Network, child.Parent);
            Assert.StartsWith("main-", child.Name, StringComparison.Ordinal);
        });
        Assert.Equal(built.Program.Resources.Count(r => !r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)), children.Count);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_network_has_the_resources_its_cloud_needs(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkOnly(cloud, environment).Program;
        var zones = ZoneCount(environment);
        var natGateways = environment == "prod" ? zones : 1;

        var expected = cloud switch
        {
            CloudKind.Aws => new Dictionary<string, int>
            {
                ["aws:ec2/vpc:Vpc"] = 1,
                ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"] = 1,
                ["aws:ec2/internetGateway:InternetGateway"] = 1,
                ["aws:ec2/subnet:Subnet"] = 2 * zones,
                ["aws:ec2/routeTable:RouteTable"] = 1 + zones,
                ["aws:ec2/routeTableAssociation:RouteTableAssociation"] = 2 * zones,
                ["aws:ec2/eip:Eip"] = natGateways,
                ["aws:ec2/natGateway:NatGateway"] = natGateways,
                ["aws:kms/key:Key"] = 1,
                ["aws:cloudwatch/logGroup:LogGroup"] = 1,
                ["aws:iam/role:Role"] = 1,
                ["aws:iam/rolePolicy:RolePolicy"] = 1,
                ["aws:ec2/flowLog:FlowLog"] = 1,
                ["aws:rds/subnetGroup:SubnetGroup"] = 1,
            },
            CloudKind.Gcp => new Dictionary<string, int>
            {
                ["gcp:compute/network:Network"] = 1,
                ["gcp:compute/subnetwork:Subnetwork"] = 2 * zones,
                ["gcp:compute/router:Router"] = 1,
                ["gcp:compute/routerNat:RouterNat"] = 1,
                ["gcp:compute/firewall:Firewall"] = 2,
                ["gcp:compute/globalAddress:GlobalAddress"] = 1,
                ["gcp:servicenetworking/connection:Connection"] = 1,
            },
            _ => new Dictionary<string, int>
            {
                ["yandex:index/vpcNetwork:VpcNetwork"] = 1,
                ["yandex:index/vpcGateway:VpcGateway"] = 1,
                ["yandex:index/vpcRouteTable:VpcRouteTable"] = 1,
                ["yandex:index/vpcSubnet:VpcSubnet"] = 2 * zones,
                ["yandex:index/vpcSecurityGroup:VpcSecurityGroup"] = 1,
            },
        };

        var actual = program.Resources.Where(r => !r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            .GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Subnets_span_the_environments_zones_with_one_private_and_one_public_each(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkOnly(cloud, environment);
        var zones = TestPlatforms.Settings(cloud, environment).Zones.Take(ZoneCount(environment)).ToList();

        Assert.Equal(zones, built.Network.Zones);
        Assert.Equal(zones, built.Network.PrivateSubnets.Select(s => s.Zone));
        Assert.Equal(zones, built.Network.PublicSubnets.Select(s => s.Zone));
        var subnetType = cloud switch
        {
            CloudKind.Aws => "aws:ec2/subnet:Subnet",
            CloudKind.Gcp => "gcp:compute/subnetwork:Subnetwork",
            _ => "yandex:index/vpcSubnet:VpcSubnet",
        };
        var subnets = built.Program.OfType(subnetType);
        Assert.Equal(2 * zones.Count, subnets.Count);
        Assert.All(built.Network.PrivateSubnets.Concat(built.Network.PublicSubnets),
            subnet => Assert.Contains(subnets, s => subnet.Id.Node.References(s)));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Nothing_admits_ingress_from_the_world(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkOnly(cloud, environment).Program;

        Assert.Empty(Firewalls.WorldIngress(program));
    }

    [Fact]
    public void The_default_security_group_of_the_vpc_allows_nothing()
    {
        var program = TestPlatforms.NetworkOnly(CloudKind.Aws, "prod").Program;

        var group = program.Single("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        Assert.True(group.Get("vpcId").References(program.Single("aws:ec2/vpc:Vpc")));
        Assert.Empty(Assert.IsType<ListNode>(group.Get("ingress")).Items);
        Assert.Empty(Assert.IsType<ListNode>(group.Get("egress")).Items);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Aws_private_subnets_leave_through_nat_and_public_ones_through_the_internet_gateway(string environment)
    {
        var program = TestPlatforms.NetworkOnly(CloudKind.Aws, environment).Program;
        var nats = program.OfType("aws:ec2/natGateway:NatGateway");
        var gateway = program.Single("aws:ec2/internetGateway:InternetGateway");

        Assert.Equal(environment == "prod" ? 3 : 1, nats.Count);
        Assert.All(program.OfType("aws:ec2/subnet:Subnet"), s => Assert.False(s.Bool("mapPublicIpOnLaunch")));
        var tables = program.OfType("aws:ec2/routeTable:RouteTable");
        var publicTable = Assert.Single(tables, t => t.List("routes").Any(r => r.Get("gatewayId").References(gateway)));
        var privateTables = tables.Where(t => t != publicTable).ToList();
        Assert.All(privateTables, t => Assert.Contains(nats, n => Assert.Single(t.List("routes")).Get("natGatewayId").References(n)));
        Assert.All(nats, n => Assert.Contains(program.OfType("aws:ec2/subnet:Subnet"), s => n.Get("subnetId").References(s) && s.Key.Contains("public", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Flow_logs_are_recorded_where_the_cloud_has_them(CloudKind cloud, string environment)
    {
        var program = TestPlatforms.NetworkOnly(cloud, environment).Program;

        switch (cloud)
        {
            case CloudKind.Aws:
                var flowLog = program.Single("aws:ec2/flowLog:FlowLog");
                var logGroup = program.Single("aws:cloudwatch/logGroup:LogGroup");
                var key = program.Single("aws:kms/key:Key");
                Assert.True(flowLog.Get("vpcId").References(program.Single("aws:ec2/vpc:Vpc")));
                Assert.Equal("ALL", flowLog.Text("trafficType"));
                Assert.True(flowLog.Get("logDestination").References(logGroup));
                Assert.True(logGroup.Get("kmsKeyId").References(key));
                Assert.True(key.Bool("enableKeyRotation"));
                Assert.Equal(365, logGroup.Integer("retentionInDays"));
                break;
            case CloudKind.Gcp:
                Assert.All(program.OfType("gcp:compute/subnetwork:Subnetwork"), s => Assert.IsType<MapNode>(s.Get("logConfig")));
                break;
            default:
                // Yandex Cloud has no VPC flow logs (INF-NET-005 does not apply): nothing pretends to record them.
                Assert.DoesNotContain(program.Resources, r => r.Type.Contains("flow", StringComparison.OrdinalIgnoreCase));
                break;
        }
    }

    [Theory]
    [InlineData(CloudKind.Aws)]
    [InlineData(CloudKind.Gcp)]
    public void Flow_logs_can_be_turned_off_explicitly(CloudKind cloud)
    {
        var program = TestPlatforms.NetworkOnly(cloud, "dev", new NetworkArgs { FlowLogs = false }).Program;

        Assert.Empty(program.OfType("aws:ec2/flowLog:FlowLog"));
        Assert.All(program.OfType("gcp:compute/subnetwork:Subnetwork"), s => Assert.Null(s.Get("logConfig")));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void Managed_databases_get_what_their_cloud_needs_to_stay_private(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkOnly(cloud, environment);
        var program = built.Program;

        switch (cloud)
        {
            case CloudKind.Aws:
                var group = program.Single("aws:rds/subnetGroup:SubnetGroup");
                Assert.Equal(built.Network.PrivateSubnets.Select(s => ((ReferenceNode)s.Id.Node).Root), group.List("subnetIds").Select(n => ((ReferenceNode)n).Root));
                Assert.True(built.Network.DatabaseSubnetGroupName!.Node.References(group));
                Assert.Null(built.Network.ManagedServicesPeering);
                break;
            case CloudKind.Gcp:
                var connection = program.Single("gcp:servicenetworking/connection:Connection");
                var range = program.Single("gcp:compute/globalAddress:GlobalAddress");
                Assert.Same(connection.Model, built.Network.ManagedServicesPeering);
                Assert.Equal("servicenetworking.googleapis.com", connection.Text("service"));
                Assert.True(Assert.Single(connection.List("reservedPeeringRanges")).References(range));
                Assert.Equal("VPC_PEERING", range.Text("purpose"));
                Assert.Equal("INTERNAL", range.Text("addressType"));
                Assert.Null(built.Network.DatabaseSubnetGroupName);
                break;
            default:
                Assert.Null(built.Network.DatabaseSubnetGroupName);
                Assert.Null(built.Network.ManagedServicesPeering);
                Assert.True(built.Network.InternalSecurityGroupId!.Node.References(program.Single("yandex:index/vpcSecurityGroup:VpcSecurityGroup")));
                break;
        }
    }

    [Fact]
    public void Gcp_nat_serves_the_private_subnetworks_only()
    {
        var program = TestPlatforms.NetworkOnly(CloudKind.Gcp, "prod").Program;
        var privateSubnets = program.OfType("gcp:compute/subnetwork:Subnetwork").Where(s => s.Key.Contains("private", StringComparison.Ordinal)).ToList();

        var nat = program.Single("gcp:compute/routerNat:RouterNat");
        Assert.Equal("LIST_OF_SUBNETWORKS", nat.Text("sourceSubnetworkIpRangesToNat"));
        Assert.Equal(privateSubnets.Select(s => s.Key), nat.List("subnetworks").Select(s => ((ReferenceNode)s.Get("name")!).Root));
        Assert.All(program.OfType("gcp:compute/subnetwork:Subnetwork"), s => Assert.True(s.Bool("privateIpGoogleAccess")));
        Assert.False(program.Single("gcp:compute/network:Network").Bool("autoCreateSubnetworks"));
    }

    [Fact]
    public void Gcp_keeps_a_given_private_services_range_and_checks_it_against_the_network()
    {
        var program = TestPlatforms.Synthesize("dev", () => _ = new Network("main", new NetworkArgs(), new Infra.Components.Platform(
            TestPlatforms.Settings(CloudKind.Gcp, "dev"),
            new Infra.Components.Gcp.GcpCloud(TestPlatforms.Settings(CloudKind.Gcp, "dev"), TestPlatforms.GcpOptions with { PrivateServicesCidr = "10.200.0.0/16" }))));
        var overlap = Assert.Throws<Infra.Core.Diagnostics.InfraException>(() => TestPlatforms.Synthesize("dev", () => _ = new Network("main", new NetworkArgs(),
            new Infra.Components.Platform(TestPlatforms.Settings(CloudKind.Gcp, "dev"),
                new Infra.Components.Gcp.GcpCloud(TestPlatforms.Settings(CloudKind.Gcp, "dev"), TestPlatforms.GcpOptions with { PrivateServicesCidr = "10.0.0.0/16" })))));

        var range = program.Single("gcp:compute/globalAddress:GlobalAddress");
        Assert.Equal("10.200.0.0", range.Text("address"));
        Assert.Equal(16, range.Integer("prefixLength"));
        Assert.Equal("GcpOptions.PrivateServicesCidr: '10.0.0.0/16' overlaps NetworkArgs.Cidr '10.0.0.0/16'.", Assert.Single(overlap.Diagnostics).Message);
    }

    [Fact]
    public void Yandex_private_subnets_route_through_the_nat_gateway_and_public_ones_do_not()
    {
        var program = TestPlatforms.NetworkOnly(CloudKind.Yandex, "prod").Program;
        var table = program.Single("yandex:index/vpcRouteTable:VpcRouteTable");
        var gateway = program.Single("yandex:index/vpcGateway:VpcGateway");

        var route = Assert.Single(table.List("staticRoutes"));
        Assert.Equal("0.0.0.0/0", route.Text("destinationPrefix"));
        Assert.True(route.Get("gatewayId").References(gateway));
        var subnets = program.OfType("yandex:index/vpcSubnet:VpcSubnet");
        Assert.All(subnets.Where(s => s.Key.Contains("private", StringComparison.Ordinal)), s => Assert.True(s.Get("routeTableId").References(table)));
        Assert.All(subnets.Where(s => s.Key.Contains("public", StringComparison.Ordinal)), s => Assert.Null(s.Get("routeTableId")));
        Assert.All(subnets, s => Assert.Matches("^acme-prod-main-(private|public)-ru-central1-[abd]$", s.Text("name")!));
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_network_registers_what_other_components_need(CloudKind cloud, string environment)
    {
        var network = TestPlatforms.NetworkOnly(cloud, environment).Network;

        var outputs = network.RegisteredOutputs.Select(o => o.Key).ToList();
        Assert.Equal(cloud == CloudKind.Aws
            ? ["networkId", "cidr", "zones", "privateSubnetIds", "publicSubnetIds", "databaseSubnetGroupName"]
            : ["networkId", "cidr", "zones", "privateSubnetIds", "publicSubnetIds"], outputs);
        Assert.Equal(ZoneCount(environment), Assert.IsType<ListNode>(network.PrivateSubnetIds.Node).Items.Count);
    }

    [Fact]
    public void Stateful_keys_are_protected_in_prod_only()
    {
        var prod = TestPlatforms.NetworkOnly(CloudKind.Aws, "prod").Program.Single("aws:kms/key:Key");
        var dev = TestPlatforms.NetworkOnly(CloudKind.Aws, "dev").Program.Single("aws:kms/key:Key");

        Assert.IsType<BoolNode>(prod.Options?["protect"]);
        Assert.True(((BoolNode)prod.Options!["protect"]!).Value);
        Assert.Null(dev.Options?["protect"]);
    }

    [Theory]
    [MemberData(nameof(CloudsAndEnvironments))]
    public void The_same_network_synthesizes_to_the_same_program(CloudKind cloud, string environment)
    {
        var first = YamlWriter.Write(TestPlatforms.NetworkOnly(cloud, environment).Program);
        var second = YamlWriter.Write(TestPlatforms.NetworkOnly(cloud, environment).Program);

        Assert.Equal(first, second);
    }
}
