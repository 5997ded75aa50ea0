using System.Collections.Immutable;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Networking;

/// <summary>One subnet as other components see it: its zone, its range and its cloud ID.</summary>
public sealed record SubnetOutput(string Zone, Cidr Cidr, Output<string> Id);

/// <summary>What a cloud's network gives the components placed in it.</summary>
public sealed record NetworkOutputs
{
    /// <summary>The cloud ID of the network (VPC ID, network ID).</summary>
    public required Output<string> NetworkId { get; init; }

    /// <summary>One private subnet per zone, in zone order.</summary>
    public required IReadOnlyList<SubnetOutput> PrivateSubnets { get; init; }

    /// <summary>One public subnet per zone, in zone order.</summary>
    public required IReadOnlyList<SubnetOutput> PublicSubnets { get; init; }

    /// <summary>
    /// The name of a group of the private subnets that managed databases are placed in, where the cloud works
    /// that way; null where databases are placed by subnet (see <see cref="PrivateSubnets"/>).
    /// </summary>
    public Output<string>? DatabaseSubnetGroupName { get; init; }

    /// <summary>
    /// The peering that gives the cloud's managed services (databases, caches) private addresses in this network,
    /// where the cloud needs one; such services must depend on it. Null where none is needed.
    /// </summary>
    public Resource? ManagedServicesPeering { get; init; }

    /// <summary>
    /// A security group that admits traffic from inside the network only, for resources placed in the network
    /// where the cloud filters traffic by security groups attached to them; null where it filters otherwise.
    /// </summary>
    public Output<string>? InternalSecurityGroupId { get; init; }

    /// <summary>The private subnet IDs as one list output, in zone order.</summary>
    public Output<ImmutableArray<string>> PrivateSubnetIds => Output.All([.. PrivateSubnets.Select(s => (Input<string>)s.Id)]);

    /// <summary>The public subnet IDs as one list output, in zone order.</summary>
    public Output<ImmutableArray<string>> PublicSubnetIds => Output.All([.. PublicSubnets.Select(s => (Input<string>)s.Id)]);
}
