using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>
    /// A VPC network with a private and a public subnet per zone, a NAT gateway with a route table for the private
    /// subnets, and a security group that admits traffic from inside the network only. Yandex Cloud has no VPC
    /// flow logs, and managed databases take subnets directly, so there is no peering or subnet group.
    /// </summary>
    public NetworkOutputs CreateNetwork(Network network, NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        var options = network.ChildResourceOptions;
        var vpc = new CustomResource("yandex:index/vpcNetwork:VpcNetwork", network.ChildResourceName("network"), new Props
        {
            ["name"] = network.CloudResourceName(),
            ["description"] = $"Network {network.CloudResourceName()}",
            ["labels"] = Labels(),
        }, options);
        var gateway = new CustomResource("yandex:index/vpcGateway:VpcGateway", network.ChildResourceName("nat"), new Props
        {
            ["name"] = network.CloudResourceName("nat"),
            ["sharedEgressGateway"] = new Props(),
            ["labels"] = Labels(),
        }, options);
        var routes = new CustomResource("yandex:index/vpcRouteTable:VpcRouteTable", network.ChildResourceName("private-rt"), new Props
        {
            ["name"] = network.CloudResourceName("private"),
            ["networkId"] = vpc.Id,
            ["staticRoutes"] = new Input[] { new Props { ["destinationPrefix"] = "0.0.0.0/0", ["gatewayId"] = gateway.Id } },
            ["labels"] = Labels(),
        }, options);

        var privateSubnets = new List<CustomResource>();
        var publicSubnets = new List<CustomResource>();
        foreach (var zone in spec.Zones)
        {
            privateSubnets.Add(Subnet(network, vpc, zone.Zone, zone.Private, "private", routes));
            publicSubnets.Add(Subnet(network, vpc, zone.Zone, zone.Public, "public", null));
        }

        var internalGroup = new CustomResource("yandex:index/vpcSecurityGroup:VpcSecurityGroup", network.ChildResourceName("internal-sg"), new Props
        {
            ["name"] = network.CloudResourceName("internal"),
            ["description"] = "Traffic from inside the network only; any egress",
            ["networkId"] = vpc.Id,
            ["ingresses"] = new Input[]
            {
                new Props
                {
                    ["description"] = "From the network's own addresses",
                    ["protocol"] = "ANY",
                    ["v4CidrBlocks"] = new[] { spec.Cidr.ToString() },
                    ["fromPort"] = 0,
                    ["toPort"] = 65535,
                },
            },
            ["egresses"] = new Input[] { AnyEgress() },
            ["labels"] = Labels(),
        }, options);

        return new NetworkOutputs
        {
            NetworkId = vpc.Id,
            PrivateSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Private, privateSubnets[i].Id))],
            PublicSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Public, publicSubnets[i].Id))],
            InternalSecurityGroupId = internalGroup.Id,
        };
    }

    private static Props AnyEgress() => new()
    {
        ["description"] = "Any egress (through the NAT gateway from private subnets)",
        ["protocol"] = "ANY",
        ["v4CidrBlocks"] = new[] { "0.0.0.0/0" },
        ["fromPort"] = 0,
        ["toPort"] = 65535,
    };

    private CustomResource Subnet(Network network, CustomResource vpc, string zone, Cidr cidr, string tier, CustomResource? routes) =>
        new("yandex:index/vpcSubnet:VpcSubnet", network.ChildResourceName($"{tier}-{zone}"), new Props
        {
            ["name"] = network.CloudResourceName($"{tier}-{zone}"),
            ["zone"] = zone,
            ["networkId"] = vpc.Id,
            ["v4CidrBlocks"] = new[] { cidr.ToString() },
            ["routeTableId"] = routes is null ? default(Input) : routes.Id,
            ["labels"] = Labels(),
        }, network.ChildResourceOptions);
}
