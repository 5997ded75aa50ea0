using Infra.Components.Networking;

namespace Infra.Tests.Components.Networking;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", CidrSyntax.Valid, "10.0.0.0/16")]
    [InlineData("10.0.0.1/16", CidrSyntax.HostBitsSet, "10.0.0.0/16")]
    [InlineData("0.0.0.0/0", CidrSyntax.Valid, "0.0.0.0/0")]
    [InlineData("2001:db8::/32", CidrSyntax.Valid, "2001:db8::/32")]
    [InlineData("::/0", CidrSyntax.Valid, "::/0")]
    [InlineData("10.1/16", CidrSyntax.Invalid, null)]
    [InlineData("10.0.0.0", CidrSyntax.Invalid, null)]
    [InlineData("10.0.0.0/33", CidrSyntax.Invalid, null)]
    [InlineData("256.0.0.0/8", CidrSyntax.Invalid, null)]
    [InlineData("010.0.0.0/8", CidrSyntax.Invalid, null)]
    [InlineData("10.0.0.0/-1", CidrSyntax.Invalid, null)]
    [InlineData("", CidrSyntax.Invalid, null)]
    public void Only_canonical_blocks_parse(string text, CidrSyntax expected, string? network)
    {
        var syntax = Cidr.Read(text, out var cidr);

        Assert.Equal(expected, syntax);
        if (network is not null)
        {
            Assert.Equal(network, cidr.ToString());
        }
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.32.0/19", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/19", false)]
    [InlineData("10.0.0.0/19", "10.0.0.0/16", false)]
    public void A_block_contains_the_blocks_inside_it(string outer, string inner, bool contains) =>
        Assert.Equal(contains, Cidr.Parse(outer).Contains(Cidr.Parse(inner)));

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.255.0/24", true)]
    [InlineData("10.112.0.0/14", "10.114.0.0/16", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/8", "2001:db8::/32", false)]
    public void Overlap_is_symmetric(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Cidr.Parse(a).Overlaps(Cidr.Parse(b)));
        Assert.Equal(overlaps, Cidr.Parse(b).Overlaps(Cidr.Parse(a)));
    }

    [Fact]
    public void Subnets_are_carved_in_order()
    {
        var network = Cidr.Parse("10.0.0.0/16");

        Assert.Equal("10.0.64.0/19", network.Subnet(19, 2).ToString());
        Assert.Equal("10.0.224.0/22", network.Subnet(22, 56).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => network.Subnet(19, 8));
    }

    [Theory]
    [InlineData("10.20.0.0/16", true)]
    [InlineData("172.31.0.0/16", true)]
    [InlineData("172.32.0.0/16", false)]
    [InlineData("192.168.10.0/24", true)]
    [InlineData("100.64.0.0/10", false)]
    [InlineData("8.8.8.0/24", false)]
    public void Private_means_inside_rfc_1918(string text, bool isPrivate) => Assert.Equal(isPrivate, Cidr.Parse(text).IsPrivate);

    [Fact]
    public void The_address_is_the_block_without_its_prefix() => Assert.Equal("10.200.0.0", Cidr.Parse("10.200.0.0/16").Address);
}
