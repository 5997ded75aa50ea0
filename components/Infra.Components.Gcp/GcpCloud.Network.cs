using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>Names of the secondary ranges on the first private subnetwork, which GKE uses for pods and services.</summary>
    internal const string PodRangeName = "pods";
    internal const string ServiceRangeName = "services";

    /// <summary>
    /// A custom-mode VPC network. Subnetworks are regional on GCP; one private and one public subnetwork per zone
    /// keep the address plan the same on every cloud. All have Private Google Access and flow logs; the first
    /// private one carries the pod and service ranges. Cloud NAT serves the private subnetworks only. The
    /// firewall allows traffic from inside the network and logs everything else it denies. Private services
    /// access peers Google-managed databases into the network.
    /// </summary>
    public NetworkOutputs CreateNetwork(Network network, NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(spec);
        CheckPrivateServicesRange(network, spec);
        var options = network.ChildResourceOptions;
        var vpc = new CustomResource("gcp:compute/network:Network", network.ChildResourceName("network"), new Props
        {
            ["name"] = network.CloudResourceName(),
            ["description"] = $"Network {network.CloudResourceName()}",
            ["autoCreateSubnetworks"] = false,
            ["routingMode"] = "REGIONAL",
        }, options);

        var privateSubnets = new List<CustomResource>();
        var publicSubnets = new List<CustomResource>();
        for (var i = 0; i < spec.Zones.Count; i++)
        {
            var zone = spec.Zones[i];
            privateSubnets.Add(Subnetwork(network, spec, vpc, $"private-{zone.Zone}", zone.Private, i == 0));
            publicSubnets.Add(Subnetwork(network, spec, vpc, $"public-{zone.Zone}", zone.Public, false));
        }

        var router = new CustomResource("gcp:compute/router:Router", network.ChildResourceName("router"), new Props
        {
            ["name"] = network.CloudResourceName("router"),
            ["network"] = vpc.Id,
            ["region"] = Region,
        }, options);
        _ = new CustomResource("gcp:compute/routerNat:RouterNat", network.ChildResourceName("nat"), new Props
        {
            ["name"] = network.CloudResourceName("nat"),
            ["router"] = router.GetOutput<string>("name"),
            ["region"] = Region,
            ["natIpAllocateOption"] = "AUTO_ONLY",
            ["sourceSubnetworkIpRangesToNat"] = "LIST_OF_SUBNETWORKS",
            ["subnetworks"] = privateSubnets.Select(s => (Input)new Props
            {
                ["name"] = s.Id,
                ["sourceIpRangesToNats"] = new[] { "ALL_IP_RANGES" },
            }).ToArray(),
            ["logConfig"] = new Props { ["enable"] = true, ["filter"] = "ERRORS_ONLY" },
        }, options);

        CreateFirewall(network, spec, vpc);
        var peering = CreatePrivateServicesAccess(network, vpc);

        return new NetworkOutputs
        {
            NetworkId = vpc.Id,
            PrivateSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Private, privateSubnets[i].Id))],
            PublicSubnets = [.. spec.Zones.Select((z, i) => new SubnetOutput(z.Zone, z.Public, publicSubnets[i].Id))],
            ManagedServicesPeering = peering,
        };
    }

    private CustomResource Subnetwork(Network network, NetworkSpec spec, CustomResource vpc, string suffix, Cidr range, bool withClusterRanges) =>
        new("gcp:compute/subnetwork:Subnetwork", network.ChildResourceName(suffix), new Props
        {
            ["name"] = network.CloudResourceName(suffix),
            ["network"] = vpc.Id,
            ["region"] = Region,
            ["ipCidrRange"] = range.ToString(),
            ["privateIpGoogleAccess"] = true,
            ["logConfig"] = spec.FlowLogs
                ? new Props { ["aggregationInterval"] = "INTERVAL_5_SEC", ["flowSampling"] = 0.5, ["metadata"] = "INCLUDE_ALL_METADATA" }
                : null,
            ["secondaryIpRanges"] = withClusterRanges
                ? new Input[]
                {
                    new Props { ["rangeName"] = PodRangeName, ["ipCidrRange"] = spec.PodCidr.ToString() },
                    new Props { ["rangeName"] = ServiceRangeName, ["ipCidrRange"] = spec.ServiceCidr.ToString() },
                }
                : null,
        }, network.ChildResourceOptions);

    private static void CreateFirewall(Network network, NetworkSpec spec, CustomResource vpc)
    {
        var logAll = new Props { ["metadata"] = "INCLUDE_ALL_METADATA" };
        _ = new CustomResource("gcp:compute/firewall:Firewall", network.ChildResourceName("allow-internal"), new Props
        {
            ["name"] = network.CloudResourceName("allow-internal"),
            ["description"] = "Traffic between the network's own addresses and pods",
            ["network"] = vpc.Id,
            ["direction"] = "INGRESS",
            ["priority"] = 1000,
            ["sourceRanges"] = new[] { spec.Cidr.ToString(), spec.PodCidr.ToString() },
            ["allows"] = new Input[]
            {
                new Props { ["protocol"] = "tcp" },
                new Props { ["protocol"] = "udp" },
                new Props { ["protocol"] = "icmp" },
            },
            ["logConfig"] = logAll,
        }, network.ChildResourceOptions);

        // GCP denies other ingress implicitly, but silently; this rule denies the same and logs it.
        _ = new CustomResource("gcp:compute/firewall:Firewall", network.ChildResourceName("deny-ingress"), new Props
        {
            ["name"] = network.CloudResourceName("deny-ingress"),
            ["description"] = "Deny and log all other ingress",
            ["network"] = vpc.Id,
            ["direction"] = "INGRESS",
            ["priority"] = 65534,
            ["sourceRanges"] = new[] { "0.0.0.0/0" },
            ["denies"] = new Input[] { new Props { ["protocol"] = "all" } },
            ["logConfig"] = logAll,
        }, network.ChildResourceOptions);
    }

    private CustomResource CreatePrivateServicesAccess(Network network, CustomResource vpc)
    {
        var range = new CustomResource("gcp:compute/globalAddress:GlobalAddress", network.ChildResourceName("private-services-range"), new Props
        {
            ["name"] = network.CloudResourceName("private-services"),
            ["description"] = "Addresses of Google-managed services (Cloud SQL, Memorystore) peered into the network",
            ["purpose"] = "VPC_PEERING",
            ["addressType"] = "INTERNAL",
            ["address"] = PrivateServicesRange?.Address,
            ["prefixLength"] = PrivateServicesRange?.PrefixLength ?? 16,
            ["network"] = vpc.Id,
        }, network.ChildResourceOptions);
        return new CustomResource("gcp:servicenetworking/connection:Connection", network.ChildResourceName("private-services"), new Props
        {
            ["network"] = vpc.Id,
            ["service"] = "servicenetworking.googleapis.com",
            ["reservedPeeringRanges"] = new Input[] { range.GetOutput<string>("name") },
        }, network.ChildResourceOptions);
    }

    private void CheckPrivateServicesRange(Network network, NetworkSpec spec)
    {
        if (PrivateServicesRange is not { } range)
        {
            return;
        }

        var problems = new Problems(network.Name, network.DeclaredAt);
        CidrRules.RequireDisjoint(problems,
        [
            ("NetworkArgs.Cidr", spec.Cidr),
            ("NetworkArgs.PodCidr", spec.PodCidr),
            ("NetworkArgs.ServiceCidr", spec.ServiceCidr),
            ("GcpOptions.PrivateServicesCidr", range),
        ]);
        problems.ThrowIfAny();
    }
}
