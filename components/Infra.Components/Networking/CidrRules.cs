using Infra.Components.Validation;

namespace Infra.Components.Networking;

/// <summary>The checks every CIDR input goes through, with one stable code per rule.</summary>
public static class CidrRules
{
    public const string InvalidSyntax = "INFRA-NET-001";
    public const string HostBitsSet = "INFRA-NET-002";
    public const string NotPrivate = "INFRA-NET-003";
    public const string PrefixOutOfRange = "INFRA-NET-004";
    public const string OutsideNetwork = "INFRA-NET-005";
    public const string Overlap = "INFRA-NET-006";

    private const string PrivateRanges = "10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";

    /// <summary>Parses a CIDR block, recording a problem when it is not canonical; null when unusable.</summary>
    public static Cidr? Parse(Problems problems, string property, string? text, string example)
    {
        ArgumentNullException.ThrowIfNull(problems);
        switch (Cidr.Read(text, out var cidr))
        {
            case CidrSyntax.Valid:
                return cidr;
            case CidrSyntax.HostBitsSet:
                problems.Add(HostBitsSet, property, text, $"'{text}' has host bits set.",
                    "the address of a CIDR block is its first address", $"Use {cidr}.");
                return null;
            default:
                problems.Add(InvalidSyntax, property, text, $"'{text}' is not a CIDR block.",
                    "an address and a prefix length, e.g. 10.0.0.0/16", $"Write the range as address/prefix, e.g. {example}.");
                return null;
        }
    }

    /// <summary>Parses a private IPv4 block of a size between the bounds (inclusive prefix lengths).</summary>
    public static Cidr? ParsePrivate(Problems problems, string property, string? text, int largestPrefix, int smallestPrefix, string example)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Parse(problems, property, text, example) is not { } cidr)
        {
            return null;
        }

        if (!cidr.IsPrivate)
        {
            problems.Add(NotPrivate, property, text, $"'{text}' is not a private IPv4 range.",
                $"inside {PrivateRanges} (RFC 1918)", $"Choose a block inside {PrivateRanges}, e.g. {example}.");
            return null;
        }

        if (cidr.PrefixLength < largestPrefix || cidr.PrefixLength > smallestPrefix)
        {
            problems.Add(PrefixOutOfRange, property, text,
                $"'{text}' is a /{cidr.PrefixLength}; this range must be /{largestPrefix} to /{smallestPrefix}.",
                $"prefix length from /{largestPrefix} (largest) to /{smallestPrefix} (smallest)",
                $"Use a block of /{largestPrefix} to /{smallestPrefix}, e.g. {example}.");
            return null;
        }

        return cidr;
    }

    /// <summary>Records a problem for every pair of ranges that share addresses; each pair is reported once, on the later property.</summary>
    public static void RequireDisjoint(Problems problems, IReadOnlyList<(string Property, Cidr Range)> ranges)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(ranges);
        for (var i = 1; i < ranges.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (property, range) = ranges[i];
                var (otherProperty, other) = ranges[j];
                if (range.Overlaps(other))
                {
                    problems.Add(Overlap, property, range.ToString(), $"'{range}' overlaps {otherProperty} '{other}'.",
                        "the network's own range, its subnets, the pod range and the service range must not share addresses",
                        $"Choose a range for {property} that shares no address with {other}.");
                }
            }
        }
    }
}
