using Infra.Components.Edge;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    internal const string AwsLoadBalancerAnnotation = "service.beta.kubernetes.io/aws-load-balancer-";

    /// <summary>
    /// A Network Load Balancer made by the cluster's built-in service controller (no add-on needed), balancing across
    /// zones. It finds its subnets by the network's role tags: the public ones when internet-facing, the private ones
    /// otherwise. The Service's local traffic policy keeps the client's address for per-client rate limits; TLS
    /// stays end to end, since the controller terminates it.
    /// </summary>
    public IngressLoadBalancer PrepareIngressLoadBalancer(PlatformComponent ingress, IngressLoadBalancerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        List<KeyValuePair<string, Input>> annotations =
        [
            new(AwsLoadBalancerAnnotation + "type", "nlb"),
            new(AwsLoadBalancerAnnotation + "cross-zone-load-balancing-enabled", "true"),
        ];
        if (!spec.InternetFacing)
        {
            annotations.Add(new(AwsLoadBalancerAnnotation + "internal", "true"));
        }

        return new IngressLoadBalancer { Annotations = annotations, AddressKind = LoadBalancerAddressKind.Hostname };
    }

    /// <summary>A CNAME per host to the load balancer's DNS name (a zone apex cannot hold a CNAME and is refused).</summary>
    public void CreateIngressDnsRecords(PlatformComponent ingress, IngressDnsSpec spec, Output<string> address)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(address);
        var problems = new Problems(ingress.Name, ingress.DeclaredAt);
        foreach (var host in spec.Hosts.Where(h => h == spec.Zone.Domain))
        {
            problems.Add(DomainNames.Code, "IngressArgs.Hosts", host, $"'{host}' is the apex of zone '{spec.Zone.Domain}', which cannot point at a load balancer's name on aws.",
                "on aws ingress hosts are names below the zone (a CNAME each)", $"Use a host such as www.{host}.");
        }

        problems.ThrowIfAny();
        foreach (var host in spec.Hosts)
        {
            _ = new CustomResource("aws:route53/record:Record", ingress.ChildResourceName($"dns-{host.Replace('.', '-')}"), new Props
            {
                ["zoneId"] = spec.Zone.Id,
                ["name"] = host,
                ["type"] = "CNAME",
                ["ttl"] = spec.TtlSeconds,
                ["records"] = Input.List(address),
            }, ingress.ChildResourceOptions);
        }
    }
}
