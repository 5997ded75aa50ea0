using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Networking;

/// <summary>The private and public subnet of one zone.</summary>
public sealed record ZoneSubnets(string Zone, Cidr Private, Cidr Public);

/// <summary>A <see cref="NetworkArgs"/> with every default applied and every rule checked: what a cloud realises.</summary>
public sealed record NetworkSpec
{
    public const string DefaultCidr = "10.0.0.0/16";
    public const string DefaultPodCidr = "10.112.0.0/14";
    public const string DefaultServiceCidr = "10.96.0.0/16";
    public const int MaxZones = 6;

    /// <summary>The component's name; children's names start with it.</summary>
    public required string Name { get; init; }

    public required Cidr Cidr { get; init; }

    /// <summary>The zones in use, each with its subnets, in order.</summary>
    public required IReadOnlyList<ZoneSubnets> Zones { get; init; }

    public required Cidr PodCidr { get; init; }

    public required Cidr ServiceCidr { get; init; }

    public required bool NatGatewayPerZone { get; init; }

    public required bool FlowLogs { get; init; }

    public IReadOnlyList<string> ZoneNames => [.. Zones.Select(z => z.Zone)];

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static NetworkSpec Resolve(string name, NetworkArgs args, PlatformSettings settings, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "Network", name);

        var zoneCount = ResolveZoneCount(problems, args.ZoneCount, settings);
        var cidr = CidrRules.ParsePrivate(problems, "NetworkArgs.Cidr", args.Cidr ?? DefaultCidr, 16, 24, DefaultCidr);
        var pods = CidrRules.ParsePrivate(problems, "NetworkArgs.PodCidr", args.PodCidr ?? DefaultPodCidr, 8, 21, DefaultPodCidr);
        var services = CidrRules.ParsePrivate(problems, "NetworkArgs.ServiceCidr", args.ServiceCidr ?? DefaultServiceCidr, 12, 24, DefaultServiceCidr);

        var privateSubnets = ResolveSubnets(problems, "NetworkArgs.PrivateSubnetCidrs", args.PrivateSubnetCidrs, cidr, zoneCount,
            network => network.Subnet(network.PrefixLength + 3, 0), (network, i) => network.Subnet(network.PrefixLength + 3, i));
        var publicSubnets = ResolveSubnets(problems, "NetworkArgs.PublicSubnetCidrs", args.PublicSubnetCidrs, cidr, zoneCount,
            network => network.Subnet(network.PrefixLength + 6, 56), (network, i) => network.Subnet(network.PrefixLength + 6, 56 + i));

        var ranges = new List<(string, Cidr)>();
        AddRange(ranges, "NetworkArgs.Cidr", cidr);
        AddRange(ranges, "NetworkArgs.PodCidr", pods);
        AddRange(ranges, "NetworkArgs.ServiceCidr", services);
        CidrRules.RequireDisjoint(problems, ranges);
        CidrRules.RequireDisjoint(problems, [.. privateSubnets.Concat(publicSubnets).Where(s => s.Range is not null).Select(s => (s.Property, s.Range!.Value))]);
        problems.ThrowIfAny();

        return new NetworkSpec
        {
            Name = name,
            Cidr = cidr!.Value,
            Zones = [.. settings.Zones.Take(zoneCount!.Value).Select((zone, i) => new ZoneSubnets(zone, privateSubnets[i].Range!.Value, publicSubnets[i].Range!.Value))],
            PodCidr = pods!.Value,
            ServiceCidr = services!.Value,
            NatGatewayPerZone = args.NatGatewayPerZone ?? settings.IsProduction,
            FlowLogs = args.FlowLogs ?? true,
        };
    }

    private static int? ResolveZoneCount(Problems problems, int? given, PlatformSettings settings)
    {
        var count = given ?? (settings.IsProduction ? 3 : 2);
        const string property = "NetworkArgs.ZoneCount";
        var value = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (count < 1 || count > MaxZones)
        {
            problems.Add("INFRA-NET-007", property, value, $"{count} is not a usable number of zones.",
                $"1 to {MaxZones} zones", "Use 2 zones in dev and 3 in prod.");
            return null;
        }

        if (settings.IsProduction && count < 2)
        {
            problems.Add("INFRA-NET-007", property, value, "a production network must span at least 2 zones.",
                "at least 2 zones in production, so that the loss of one zone is survived", "Set ZoneCount to 3 (the production default).");
            return null;
        }

        if (count > settings.Zones.Count)
        {
            problems.Add("INFRA-NET-007", property, value,
                $"{count} zones are needed but PlatformSettings.Zones lists {settings.Zones.Count}.",
                "the network's zones are the first ZoneCount entries of PlatformSettings.Zones",
                $"List at least {count} zones in PlatformSettings.Zones, or lower ZoneCount.");
            return null;
        }

        return count;
    }

    private static List<(string Property, Cidr? Range)> ResolveSubnets(Problems problems, string property, IReadOnlyList<string>? given,
        Cidr? network, int? zoneCount, Func<Cidr, Cidr> smallest, Func<Cidr, int, Cidr> carve)
    {
        var subnets = new List<(string, Cidr?)>();
        if (network is not { } vpc || zoneCount is not { } count)
        {
            return subnets;
        }

        if (given is null)
        {
            if (smallest(vpc).PrefixLength > 28)
            {
                problems.Add("INFRA-NET-008", property, null,
                    $"NetworkArgs.Cidr '{vpc}' is too small to carve default subnets (they would be smaller than /28).",
                    "default subnets need a network of /22 or larger", $"List {property} explicitly, or use a /22 or larger NetworkArgs.Cidr.");
                return subnets;
            }

            return [.. Enumerable.Range(0, count).Select(i => ($"{property}[{i}]", (Cidr?)carve(vpc, i)))];
        }

        if (given.Count != count)
        {
            problems.Add("INFRA-NET-007", property, string.Join(", ", given),
                $"{given.Count} subnets are listed for {count} zones.",
                "one subnet per zone, in zone order", $"List exactly {count} subnets, or change NetworkArgs.ZoneCount.");
            return subnets;
        }

        for (var i = 0; i < given.Count; i++)
        {
            var itemProperty = $"{property}[{i}]";
            var subnet = CidrRules.ParsePrivate(problems, itemProperty, given[i], 16, 28, vpc.Subnet(Math.Min(vpc.PrefixLength + 3, 28), 0).ToString());
            if (subnet is { } parsed && !vpc.Contains(parsed))
            {
                problems.Add(CidrRules.OutsideNetwork, itemProperty, given[i], $"'{parsed}' is not inside NetworkArgs.Cidr '{vpc}'.",
                    "every subnet lies inside the network's range", $"Choose a block inside {vpc}.");
                subnet = null;
            }

            subnets.Add((itemProperty, subnet));
        }

        return subnets;
    }

    private static void AddRange(List<(string, Cidr)> ranges, string property, Cidr? range)
    {
        if (range is { } value)
        {
            ranges.Add((property, value));
        }
    }
}
