namespace Infra.Components.Networking;

/// <summary>
/// Inputs of a <see cref="Network"/>. Every property is optional; the defaults make a private network across
/// 2 zones in dev and 3 in prod. Filled from stack config with camelCase keys (<c>cidr</c>, <c>zoneCount</c>,
/// <c>privateSubnetCidrs</c>, <c>publicSubnetCidrs</c>, <c>podCidr</c>, <c>serviceCidr</c>, <c>natGatewayPerZone</c>,
/// <c>flowLogs</c>). All ranges are IPv4 and lie in the private ranges of RFC 1918.
/// </summary>
public sealed record NetworkArgs
{
    /// <summary>The network's (VPC's) address range, a /16 to /24 block. Default: <c>10.0.0.0/16</c>.</summary>
    public string? Cidr { get; init; }

    /// <summary>
    /// How many zones the subnets span; the zones are the first N of <see cref="PlatformSettings.Zones"/>.
    /// Default: 2 in dev, 3 in prod. Production networks need at least 2.
    /// </summary>
    public int? ZoneCount { get; init; }

    /// <summary>
    /// One private subnet per zone, in zone order, inside <see cref="Cidr"/>; nodes, databases and other
    /// internal resources live here, with egress through NAT. Default: the first blocks of Cidr's prefix + 3
    /// (for 10.0.0.0/16: 10.0.0.0/19, 10.0.32.0/19, 10.0.64.0/19).
    /// </summary>
    public IReadOnlyList<string>? PrivateSubnetCidrs { get; init; }

    /// <summary>
    /// One public subnet per zone, in zone order, inside <see cref="Cidr"/>, for internet-facing load balancers
    /// and NAT. Default: blocks of Cidr's prefix + 6 from the last eighth of Cidr (for 10.0.0.0/16: 10.0.224.0/22,
    /// 10.0.228.0/22, 10.0.232.0/22).
    /// </summary>
    public IReadOnlyList<string>? PublicSubnetCidrs { get; init; }

    /// <summary>
    /// Addresses of Kubernetes pods, a /8 to /21 block outside <see cref="Cidr"/>. Used where the cloud gives
    /// pods their own range (a secondary range on GCP, the cluster range on Yandex); on AWS pods take addresses
    /// from the private subnets and this range is only kept free. Default: <c>10.112.0.0/14</c>.
    /// </summary>
    public string? PodCidr { get; init; }

    /// <summary>Addresses of Kubernetes services, a /12 to /24 block outside <see cref="Cidr"/>. Default: <c>10.96.0.0/16</c>.</summary>
    public string? ServiceCidr { get; init; }

    /// <summary>
    /// One NAT gateway per zone, so that egress survives the loss of a zone; otherwise one shared gateway.
    /// Clouds whose NAT is regional (GCP Cloud NAT, the Yandex NAT gateway) have one either way.
    /// Default: true in prod, false in dev.
    /// </summary>
    public bool? NatGatewayPerZone { get; init; }

    /// <summary>
    /// Record network flow logs where the cloud offers them (AWS VPC flow logs, GCP subnetwork flow logs;
    /// Yandex Cloud has none). Default: true. Turning them off is an explicit opt-out.
    /// </summary>
    public bool? FlowLogs { get; init; }
}
