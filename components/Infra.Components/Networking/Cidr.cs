using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Infra.Components.Networking;

/// <summary>How a CIDR text parsed.</summary>
public enum CidrSyntax
{
    /// <summary>A canonical block: the address is the network address.</summary>
    Valid,

    /// <summary>Not a CIDR block at all.</summary>
    Invalid,

    /// <summary>A CIDR block whose address has host bits set (e.g. <c>10.0.0.1/16</c>); the network is still returned.</summary>
    HostBitsSet,
}

/// <summary>
/// An IP network in CIDR notation, e.g. <c>10.0.0.0/16</c>. IPv4 is written as four decimal octets (no
/// shorthand such as <c>10.1/16</c>); IPv6 as any standard form. Only canonical blocks parse: an address
/// with host bits set is an error, not silently masked.
/// </summary>
public readonly partial record struct Cidr
{
    private static readonly Cidr[] PrivateRanges =
    [
        new(0x0A000000, 8, false),
        new(0xAC100000, 12, false),
        new(0xC0A80000, 16, false),
    ];

    private readonly UInt128 network;

    private Cidr(UInt128 network, int prefixLength, bool isIPv6)
    {
        this.network = network;
        PrefixLength = prefixLength;
        IsIPv6 = isIPv6;
    }

    /// <summary>The number of leading bits that name the network (the <c>/n</c>).</summary>
    public int PrefixLength { get; }

    public bool IsIPv6 { get; }

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public int AddressBits => IsIPv6 ? 128 : 32;

    /// <summary>True for <c>0.0.0.0/0</c> and <c>::/0</c>: every address.</summary>
    public bool IsWorld => PrefixLength == 0;

    /// <summary>True when the block lies inside the private IPv4 ranges of RFC 1918 (10/8, 172.16/12, 192.168/16).</summary>
    public bool IsPrivate
    {
        get
        {
            var self = this;
            return !IsIPv6 && Array.Exists(PrivateRanges, range => range.Contains(self));
        }
    }

    /// <summary>True when <paramref name="other"/> lies entirely inside this block.</summary>
    public bool Contains(Cidr other) =>
        IsIPv6 == other.IsIPv6 && PrefixLength <= other.PrefixLength && (other.network & Mask(PrefixLength, AddressBits)) == network;

    /// <summary>True when the two blocks share at least one address.</summary>
    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>-th block of prefix <paramref name="prefixLength"/> inside this one.</summary>
    public Cidr Subnet(int prefixLength, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, PrefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, AddressBits);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var count = UInt128.One << (prefixLength - PrefixLength);
        if ((UInt128)index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{this} holds only {count} blocks of /{prefixLength}.");
        }

        return new Cidr(network + ((UInt128)index << (AddressBits - prefixLength)), prefixLength, IsIPv6);
    }

    public static Cidr Parse(string text) => TryParse(text, out var cidr)
        ? cidr
        : throw new FormatException($"'{text}' is not a CIDR block such as 10.0.0.0/16.");

    /// <summary>Parses a canonical CIDR block.</summary>
    public static bool TryParse(string? text, out Cidr cidr) => Read(text, out cidr) == CidrSyntax.Valid;

    /// <summary>
    /// Parses and says what is wrong. For <see cref="CidrSyntax.HostBitsSet"/>, <paramref name="network"/> holds
    /// the block the text probably meant, so that an error message can suggest it.
    /// </summary>
    public static CidrSyntax Read(string? text, out Cidr network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return CidrSyntax.Invalid;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return CidrSyntax.Invalid;
        }

        var addressText = text[..slash];
        UInt128 address;
        bool isIPv6;
        if (IPv4Pattern().IsMatch(addressText))
        {
            var octets = addressText.Split('.').Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToArray();
            if (Array.Exists(octets, o => o > 255) || prefix > 32)
            {
                return CidrSyntax.Invalid;
            }

            address = (UInt128)(((uint)octets[0] << 24) | ((uint)octets[1] << 16) | ((uint)octets[2] << 8) | (uint)octets[3]);
            isIPv6 = false;
        }
        else if (addressText.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(addressText, out var ip) &&
                 ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId == 0 && prefix <= 128)
        {
            address = new UInt128(0, 0);
            foreach (var b in ip.GetAddressBytes())
            {
                address = (address << 8) | b;
            }

            isIPv6 = true;
        }
        else
        {
            return CidrSyntax.Invalid;
        }

        var bits = isIPv6 ? 128 : 32;
        var masked = address & Mask(prefix, bits);
        network = new Cidr(masked, prefix, isIPv6);
        return masked == address ? CidrSyntax.Valid : CidrSyntax.HostBitsSet;
    }

    /// <summary>The network address without the prefix length, e.g. <c>10.0.0.0</c>.</summary>
    public string Address
    {
        get
        {
            var text = ToString();
            return text[..text.IndexOf('/', StringComparison.Ordinal)];
        }
    }

    public override string ToString()
    {
        if (!IsIPv6)
        {
            var value = (uint)network;
            return $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}/{PrefixLength}";
        }

        var bytes = new byte[16];
        var rest = network;
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(rest & 0xFF);
            rest >>= 8;
        }

        return $"{new IPAddress(bytes)}/{PrefixLength}";
    }

    private static UInt128 Mask(int prefixLength, int bits)
    {
        var all = bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        return prefixLength == 0 ? UInt128.Zero : all & ~((UInt128.One << (bits - prefixLength)) - 1);
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$")]
    private static partial Regex IPv4Pattern();
}
