using System.Globalization;
using System.Net;

namespace Infra.Policies.Rules;

/// <summary>CIDR and port-range arithmetic for firewall rules.</summary>
internal static class NetworkMath
{
    public const int MaxPort = 65535;

    /// <summary>True for ranges that cover the whole internet: <c>0.0.0.0/0</c>, <c>::/0</c>.</summary>
    public static bool IsWorld(string cidr) => PrefixLength(cidr) == 0;

    /// <summary>The prefix length of a CIDR (a bare address counts as a host route); null when it is not a CIDR.</summary>
    public static int? PrefixLength(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(address.Trim(), out var ip))
        {
            return null;
        }

        var hostBits = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return slash < 0 ? hostBits
            : int.TryParse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= hostBits ? length : null;
    }

    /// <summary>Parses GCP-style port specs: <c>"22"</c> or <c>"1000-2000"</c>.</summary>
    public static (int From, int To)? ParseRange(string spec)
    {
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? spec : spec[..dash];
        var toText = dash < 0 ? spec : spec[(dash + 1)..];
        return int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from) &&
               int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var to) && from <= to
            ? (from, to)
            : null;
    }

    /// <summary>The admin ports a range covers, in the order they are configured.</summary>
    public static IReadOnlyList<int> Covered(int from, int to, IReadOnlyList<int> ports) =>
        ports.Where(p => p >= from && p <= to).ToArray();

    public static bool IsAllPorts(int from, int to) => from <= 1 && to >= MaxPort;
}
