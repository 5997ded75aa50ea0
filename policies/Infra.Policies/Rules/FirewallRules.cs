namespace Infra.Policies.Rules;

/// <summary>
/// The ports an ingress rule opens: all protocols (AWS <c>-1</c>, GCP <c>all</c>, Yandex <c>ANY</c>) or port ranges
/// (null when they are expressions).
/// </summary>
internal sealed record OpenPorts(bool AllProtocols, IReadOnlyList<(int From, int To)>? Ranges, PropertyValue At, string Description)
{
    public bool IsAllPorts => AllProtocols || Ranges?.Any(r => NetworkMath.IsAllPorts(r.From, r.To)) == true;
}

/// <summary>One ingress rule of any cloud, normalised: who may connect (null when an expression hides it) and to which ports.</summary>
internal sealed record IngressRule(IReadOnlyList<string>? Sources, PropertyValue SourcesAt, string? DefaultSource, OpenPorts Ports)
{
    public bool? IsWorldOpen => Sources?.Any(NetworkMath.IsWorld);
}

/// <summary>Reads the ingress rules of security groups and firewalls, with each cloud's defaults.</summary>
internal static class FirewallRules
{
    public static IEnumerable<IngressRule> Ingress(PolicyResource resource, RuleCheck check)
    {
        if (resource.Is(Aws.SecurityGroup))
        {
            var rules = resource["ingress"];
            return check.Decidable(rules) ? rules.Items.Select(AwsGroupRule) : [];
        }

        if (resource.Is(Aws.SecurityGroupIngressRule))
        {
            return [AwsStandaloneRule(resource)];
        }

        if (resource.Is(Gcp.Firewall))
        {
            return GcpFirewall(resource, check);
        }

        if (resource.Is(Yandex.SecurityGroup))
        {
            var rules = resource["ingresses"];
            return check.Decidable(rules) ? rules.Items.Select(YandexRule) : [];
        }

        var direction = resource["direction"];
        return direction.AsString()?.Equals("ingress", StringComparison.OrdinalIgnoreCase) == true
            ? [YandexRule(resource.Properties)]
            : [];
    }

    private static IngressRule AwsGroupRule(PropertyValue rule)
    {
        var sources = Concat(rule["cidrBlocks"], rule["ipv6CidrBlocks"]);
        var ports = AwsPorts(rule["protocol"], rule["fromPort"], rule["toPort"]);
        return new IngressRule(sources, WorldSide(rule["cidrBlocks"], rule["ipv6CidrBlocks"]), null, ports);
    }

    private static IngressRule AwsStandaloneRule(PolicyResource resource)
    {
        var sources = Concat(resource["cidrIpv4"], resource["cidrIpv6"]);
        var ports = AwsPorts(resource["ipProtocol"], resource["fromPort"], resource["toPort"]);
        return new IngressRule(sources, WorldSide(resource["cidrIpv4"], resource["cidrIpv6"]), null, ports);
    }

    private static OpenPorts AwsPorts(PropertyValue protocol, PropertyValue from, PropertyValue to)
    {
        var name = protocol.AsString()?.ToLowerInvariant();
        if (protocol.IsUnknown)
        {
            return new OpenPorts(false, null, protocol, "ports");
        }

        if (name is "-1" or "all")
        {
            return new OpenPorts(true, null, protocol, "all protocols and ports");
        }

        if (from.AsInteger() is { } low && to.AsInteger() is { } high)
        {
            return new OpenPorts(false, [((int)low, (int)high)], from, $"{name ?? "?"} {low}-{high}");
        }

        return new OpenPorts(false, from.IsUnknown || to.IsUnknown ? null : [], from.IsUnknown ? from : to, "ports");
    }

    private static IEnumerable<IngressRule> GcpFirewall(PolicyResource firewall, RuleCheck check)
    {
        var direction = firewall["direction"].AsString() ?? "INGRESS";
        if (!direction.Equals("INGRESS", StringComparison.OrdinalIgnoreCase) || firewall["disabled"].AsBool() == true)
        {
            yield break;
        }

        var ranges = firewall["sourceRanges"];
        var byIdentity = !firewall["sourceTags"].IsAbsent || !firewall["sourceServiceAccounts"].IsAbsent;
        IReadOnlyList<string>? sources = ranges.IsAbsent ? (byIdentity ? [] : ["0.0.0.0/0"]) : ranges.AsStrings();
        var defaultSource = ranges.IsAbsent && !byIdentity ? "(not set; GCP defaults an ingress rule without sources to 0.0.0.0/0)" : null;
        var allows = firewall["allows"];
        if (!check.Decidable(allows))
        {
            yield break;
        }

        foreach (var allow in allows.Items)
        {
            var protocol = allow["protocol"].AsString()?.ToLowerInvariant();
            var ports = allow["ports"];
            OpenPorts open = protocol == "all"
                ? new OpenPorts(true, null, allow["protocol"], "all protocols and ports")
                : ports.IsAbsent
                    ? new OpenPorts(false, [(0, NetworkMath.MaxPort)], allow, $"every {protocol} port")
                    : new OpenPorts(false, ports.AsStrings()?.Select(NetworkMath.ParseRange).OfType<(int, int)>().ToArray(), ports, $"{protocol} {ports.Display()}");
            yield return new IngressRule(sources, ranges, defaultSource, open);
        }
    }

    private static IngressRule YandexRule(PropertyValue rule)
    {
        var sources = Concat(rule["v4CidrBlocks"], rule["v6CidrBlocks"]);
        var protocol = rule["protocol"].AsString()?.ToUpperInvariant();
        var port = rule["port"];
        var from = rule["fromPort"];
        var to = rule["toPort"];
        OpenPorts ports;
        if (protocol == "ANY")
        {
            ports = new OpenPorts(true, null, rule["protocol"], "all protocols (ANY)");
        }
        else if (port.AsInteger() is { } single and >= 0)
        {
            ports = new OpenPorts(false, [((int)single, (int)single)], port, $"{protocol} {single}");
        }
        else if (from.AsInteger() is { } low and >= 0 && to.AsInteger() is { } high and >= 0)
        {
            ports = new OpenPorts(false, [((int)low, (int)high)], from, $"{protocol} {low}-{high}");
        }
        else if (port.IsUnknown || from.IsUnknown || to.IsUnknown)
        {
            ports = new OpenPorts(false, null, port.IsUnknown ? port : from.IsUnknown ? from : to, "ports");
        }
        else
        {
            ports = new OpenPorts(false, [(0, NetworkMath.MaxPort)], rule, $"every {protocol} port (no port or range given)");
        }

        return new IngressRule(sources, WorldSide(rule["v4CidrBlocks"], rule["v6CidrBlocks"]), null, ports);
    }

    /// <summary>The IPv4 list, unless only the IPv6 one is open to the world (or is the expression): where a finding points.</summary>
    private static PropertyValue WorldSide(PropertyValue v4, PropertyValue v6) =>
        v6.IsUnknown || (v6.AsStrings()?.Any(NetworkMath.IsWorld) == true && v4.AsStrings()?.Any(NetworkMath.IsWorld) != true && !v4.IsUnknown) ? v6 : v4;

    /// <summary>The CIDRs of two optional lists; null when either is an expression.</summary>
    private static IReadOnlyList<string>? Concat(PropertyValue first, PropertyValue second)
    {
        if (first.IsUnknown || second.IsUnknown)
        {
            return null;
        }

        var a = first.IsAbsent ? [] : first.AsStrings();
        var b = second.IsAbsent ? [] : second.AsStrings();
        return a is null || b is null ? null : [.. a, .. b];
    }
}
