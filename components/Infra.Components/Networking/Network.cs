using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Networking;

/// <summary>
/// A private network across zones: public and private subnets per zone, NAT egress for the private ones,
/// flow logs where the cloud has them, a baseline firewall without ingress from the world, and private
/// access for managed databases. The cloud is the platform's; this class never names one.
/// </summary>
public sealed class Network : PlatformComponent
{
    public const string TypeToken = "infra:index:Network";

    public Network(string name, NetworkArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        Spec = NetworkSpec.Resolve(name, args, platform.Settings, DeclaredAt);
        Outputs = platform.Cloud.CreateNetwork(this, Spec);
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["networkId"] = NetworkId,
            ["cidr"] = Spec.Cidr.ToString(),
            ["zones"] = Input.List(Zones.Select(z => (Input)z)),
            ["privateSubnetIds"] = PrivateSubnetIds,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["databaseSubnetGroupName"] = DatabaseSubnetGroupName is { } group ? (Input)group : default,
        });
    }

    /// <summary>The resolved inputs: ranges, zones and switches with every default applied.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>Everything the cloud's realisation returned.</summary>
    public NetworkOutputs Outputs { get; }

    /// <summary>The cloud ID of the network.</summary>
    public Output<string> NetworkId => Outputs.NetworkId;

    /// <summary>The zones the network spans, in order.</summary>
    public IReadOnlyList<string> Zones => Spec.ZoneNames;

    /// <summary>One private subnet per zone (zone, range, ID), in zone order.</summary>
    public IReadOnlyList<SubnetOutput> PrivateSubnets => Outputs.PrivateSubnets;

    /// <summary>One public subnet per zone (zone, range, ID), in zone order.</summary>
    public IReadOnlyList<SubnetOutput> PublicSubnets => Outputs.PublicSubnets;

    public Output<ImmutableArray<string>> PrivateSubnetIds => Outputs.PrivateSubnetIds;

    public Output<ImmutableArray<string>> PublicSubnetIds => Outputs.PublicSubnetIds;

    /// <summary>See <see cref="NetworkOutputs.DatabaseSubnetGroupName"/>.</summary>
    public Output<string>? DatabaseSubnetGroupName => Outputs.DatabaseSubnetGroupName;

    /// <summary>See <see cref="NetworkOutputs.InternalSecurityGroupId"/>.</summary>
    public Output<string>? InternalSecurityGroupId => Outputs.InternalSecurityGroupId;

    /// <summary>See <see cref="NetworkOutputs.ManagedServicesPeering"/>.</summary>
    public Resource? ManagedServicesPeering => Outputs.ManagedServicesPeering;
}
