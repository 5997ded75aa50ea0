using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Clusters;

/// <summary>A <see cref="KubernetesClusterArgs"/> with every default applied and every rule checked: what a cloud realises.</summary>
public sealed record KubernetesClusterSpec
{
    public required string Name { get; init; }

    public required KubernetesVersion Version { get; init; }

    public required bool PublicEndpoint { get; init; }

    /// <summary>Empty unless <see cref="PublicEndpoint"/>.</summary>
    public required IReadOnlyList<Cidr> PublicEndpointAllowedCidrs { get; init; }

    public required bool HighlyAvailableControlPlane { get; init; }

    public required IReadOnlyList<NodePoolSpec> NodePools { get; init; }

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static KubernetesClusterSpec Resolve(string name, KubernetesClusterArgs args, PlatformSettings settings,
        MachineTypeRule machineTypes, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(machineTypes);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "KubernetesCluster", name);
        var version = ResolveVersion(problems, args.Version);
        var publicEndpoint = args.PublicEndpoint ?? false;
        var allowed = ResolveAllowList(problems, publicEndpoint, args.PublicEndpointAllowedCidrs);
        var pools = ResolvePools(problems, args.NodePools, settings, machineTypes);
        problems.ThrowIfAny();

        return new KubernetesClusterSpec
        {
            Name = name,
            Version = version!.Value,
            PublicEndpoint = publicEndpoint,
            PublicEndpointAllowedCidrs = allowed,
            HighlyAvailableControlPlane = args.HighlyAvailableControlPlane ?? settings.IsProduction,
            NodePools = pools,
        };
    }

    private static KubernetesVersion? ResolveVersion(Problems problems, string? text)
    {
        if (KubernetesVersion.TryParse(text, out var version))
        {
            return version;
        }

        var suggestion = KubernetesVersion.Suggest(text);
        problems.Add("INFRA-K8S-001", "KubernetesClusterArgs.Version", text,
            $"'{text}' is not a supported version format.",
            "a Kubernetes minor version, major.minor such as 1.30 (the cloud picks the patch version)",
            suggestion is { } meant ? $"Write {meant}." : "Write the minor version, e.g. 1.30.");
        return null;
    }

    private static List<Cidr> ResolveAllowList(Problems problems, bool publicEndpoint, IReadOnlyList<string>? given)
    {
        const string property = "KubernetesClusterArgs.PublicEndpointAllowedCidrs";
        var allowed = new List<Cidr>();
        if (!publicEndpoint)
        {
            if (given is { Count: > 0 })
            {
                problems.Add("INFRA-K8S-004", property, string.Join(", ", given),
                    "an allow-list is given but PublicEndpoint is not true.",
                    "the allow-list only applies to a public endpoint",
                    "Set PublicEndpoint to true to expose the API to these ranges, or remove the list.");
            }

            return allowed;
        }

        if (given is not { Count: > 0 })
        {
            problems.Add("INFRA-K8S-002", property, null, "a public endpoint needs an explicit CIDR allow-list.",
                "a public API endpoint is reachable only from listed ranges (INF-K8S-001)",
                "List the ranges that may reach the API, e.g. your office or CI egress such as 203.0.113.0/24, or set PublicEndpoint to false.");
            return allowed;
        }

        for (var i = 0; i < given.Count; i++)
        {
            var itemProperty = $"{property}[{i}]";
            if (CidrRules.Parse(problems, itemProperty, given[i], "203.0.113.0/24") is not { } cidr)
            {
                continue;
            }

            if (cidr.IsWorld)
            {
                problems.Add("INFRA-K8S-003", itemProperty, given[i], $"'{cidr}' opens the API endpoint to the whole internet.",
                    "never 0.0.0.0/0 or ::/0 (INF-K8S-001)",
                    "List only the ranges that need the API, e.g. 203.0.113.0/24, or keep the endpoint private.");
            }
            else if (cidr.IsIPv6 || cidr.PrefixLength < 8)
            {
                problems.Add("INFRA-K8S-003", itemProperty, given[i], $"'{cidr}' is not a narrow IPv4 range.",
                    "IPv4 blocks of /8 or narrower", "List only the ranges that need the API, e.g. 203.0.113.0/24.");
            }
            else
            {
                allowed.Add(cidr);
            }
        }

        return allowed;
    }

    private static List<NodePoolSpec> ResolvePools(Problems problems, IReadOnlyList<NodePoolArgs>? given, PlatformSettings settings, MachineTypeRule machineTypes)
    {
        if (given is { Count: 0 })
        {
            problems.Add("INFRA-K8S-005", "KubernetesClusterArgs.NodePools", null, "no node pool is given.",
                "a cluster has at least one node pool", "Give at least one pool, or leave NodePools unset for the default system pool.");
            return [];
        }

        var pools = given ?? [new NodePoolArgs { Name = NodePoolSpec.DefaultPoolName }];
        var resolved = new List<NodePoolSpec>();
        for (var i = 0; i < pools.Count; i++)
        {
            var property = $"KubernetesClusterArgs.NodePools[{i}]";
            if (pools[i] is null)
            {
                problems.Add("INFRA-K8S-005", property, null, "the node pool is empty.", "every listed pool has a name", "Remove the empty entry.");
                continue;
            }

            if (resolved.Exists(p => p.Name == pools[i].Name))
            {
                problems.Add("INFRA-K8S-006", $"{property}.Name", pools[i].Name, $"node pool name '{pools[i].Name}' is used twice.",
                    "node pool names are unique within a cluster", "Give each pool its own name.");
            }

            if (NodePoolSpec.Resolve(problems, property, pools[i], settings, machineTypes) is { } pool)
            {
                resolved.Add(pool);
            }
        }

        return resolved;
    }
}
