using Infra.Components.Edge;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>
    /// A Network Load Balancer: on a reserved external address when internet-facing (so that DNS records outlive the
    /// Service), internal in the first private subnet otherwise. TLS stays end to end: the controller terminates it.
    /// </summary>
    public IngressLoadBalancer PrepareIngressLoadBalancer(PlatformComponent ingress, IngressLoadBalancerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.InternetFacing)
        {
            return new IngressLoadBalancer
            {
                Annotations =
                [
                    new("yandex.cloud/load-balancer-type", "internal"),
                    new("yandex.cloud/subnet-id", spec.Network.PrivateSubnets[0].Id),
                ],
            };
        }

        var address = new CustomResource("yandex:index/vpcAddress:VpcAddress", ingress.ChildResourceName("address"), new Props
        {
            ["name"] = ComponentNames.Fit(ingress.CloudResourceName("lb"), 63),
            ["description"] = $"Public address of the ingress load balancer of {ingress.CloudResourceName()}",
            ["externalIpv4Address"] = new Props { ["zoneId"] = spec.Network.Zones[0] },
            ["deletionProtection"] = ingress.Settings.ProtectStatefulResources,
            ["labels"] = Labels(),
        }, ingress.ChildResourceOptions);
        return new IngressLoadBalancer
        {
            Annotations = [],
            ReservedAddress = address.GetOutput<string>("externalIpv4Address.address"),
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
            _ = new CustomResource("yandex:index/dnsRecordset:DnsRecordset", ingress.ChildResourceName($"dns-{host.Replace('.', '-')}"), new Props
            {
                ["zoneId"] = spec.Zone.Id,
                ["name"] = host + ".",
                ["type"] = "A",
                ["ttl"] = spec.TtlSeconds,
                ["datas"] = Input.List(address),
            }, ingress.ChildResourceOptions);
        }
    }
}
