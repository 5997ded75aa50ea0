using Infra.Components.Edge;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>
    /// A passthrough Network Load Balancer (backend-service based) for internet-facing controllers, an internal one
    /// otherwise. TLS stays end to end: the controller terminates it; the client's address reaches it unchanged.
    /// </summary>
    public IngressLoadBalancer PrepareIngressLoadBalancer(PlatformComponent ingress, IngressLoadBalancerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        return new IngressLoadBalancer
        {
            Annotations = spec.InternetFacing
                ? [new("cloud.google.com/l4-rbs", "enabled")]
                : [new("networking.gke.io/load-balancer-type", "Internal")],
        };
    }

    /// <summary>An A record per host to the load balancer's address.</summary>
    public void CreateIngressDnsRecords(PlatformComponent ingress, IngressDnsSpec spec, Output<string> address)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(address);
        foreach (var host in spec.Hosts)
        {
            _ = new CustomResource("gcp:dns/recordSet:RecordSet", ingress.ChildResourceName($"dns-{host.Replace('.', '-')}"), new Props
            {
                ["managedZone"] = spec.Zone.Id,
                ["name"] = host + ".",
                ["type"] = "A",
                ["ttl"] = spec.TtlSeconds,
                ["rrdatas"] = Input.List(address),
            }, ingress.ChildResourceOptions);
        }
    }
}
