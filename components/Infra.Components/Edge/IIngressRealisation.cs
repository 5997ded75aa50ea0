using Infra.Components.Networking;
using Infra.Core.Values;

namespace Infra.Components.Edge;

/// <summary>How a cloud exposes an in-cluster ingress controller: its load balancer and its DNS records.</summary>
public interface IIngressRealisation
{
    /// <summary>
    /// Prepares the cloud load balancer of the controller's <c>LoadBalancer</c> Service: the annotations that pick
    /// its kind and placement, and any address reserved for it (created as children of <paramref name="ingress"/>).
    /// </summary>
    IngressLoadBalancer PrepareIngressLoadBalancer(PlatformComponent ingress, IngressLoadBalancerSpec spec);

    /// <summary>Writes one record per host in the zone, pointing at <paramref name="address"/> (of the kind the cloud reported).</summary>
    void CreateIngressDnsRecords(PlatformComponent ingress, IngressDnsSpec spec, Output<string> address);
}

/// <summary>What the load balancer of an ingress controller must be.</summary>
/// <param name="Network">The cluster's network.</param>
/// <param name="InternetFacing">Reachable from the internet (otherwise from the network only).</param>
public sealed record IngressLoadBalancerSpec(Network Network, bool InternetFacing);

/// <summary>The cloud's choices for the controller's Service.</summary>
public sealed record IngressLoadBalancer
{
    /// <summary>Service annotations, in the order written.</summary>
    public required IReadOnlyList<KeyValuePair<string, Input>> Annotations { get; init; }

    /// <summary>A reserved address for <c>spec.loadBalancerIP</c>; null where the cloud assigns one.</summary>
    public Output<string>? ReservedAddress { get; init; }

    /// <summary>What the cluster reports in the Service's status once the load balancer exists. Default: an IP address.</summary>
    public LoadBalancerAddressKind AddressKind { get; init; } = LoadBalancerAddressKind.Ip;
}

/// <summary>How a cloud's load balancer is reached: by IP address or by DNS name.</summary>
public enum LoadBalancerAddressKind
{
    Ip,
    Hostname,
}

/// <summary>DNS records to write for an ingress.</summary>
public sealed record IngressDnsSpec(DnsZone Zone, IReadOnlyList<string> Hosts, int TtlSeconds);
