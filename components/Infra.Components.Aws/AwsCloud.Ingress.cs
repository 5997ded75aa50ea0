using Infra.Components.Edge;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    internal const string AwsLoadBalancerAnnotation = "service.beta.kubernetes.io/aws-load-balancer-";

    /// <summary>
    /// A Network Load Balancer made by the AWS Load Balancer Controller: IP targets with the client's address kept
    /// (so that per-client rate limits see it), cross-zone balancing, in the public subnets when internet-facing and
    /// in the private ones otherwise. TLS stays end to end: the controller terminates it.
    /// </summary>
    public IngressLoadBalancer PrepareIngressLoadBalancer(PlatformComponent ingress, IngressLoadBalancerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        var subnets = spec.InternetFacing ? spec.Network.PublicSubnetIds : spec.Network.PrivateSubnetIds;
        return new IngressLoadBalancer
        {
            Annotations =
            [
                new(AwsLoadBalancerAnnotation + "type", "external"),
                new(AwsLoadBalancerAnnotation + "nlb-target-type", "ip"),
                new(AwsLoadBalancerAnnotation + "scheme", spec.InternetFacing ? "internet-facing" : "internal"),
                new(AwsLoadBalancerAnnotation + "subnets", Fn.Join(",", subnets)),
                new(AwsLoadBalancerAnnotation + "target-group-attributes", "preserve_client_ip.enabled=true"),
                new(AwsLoadBalancerAnnotation + "attributes", "load_balancing.cross_zone.enabled=true"),
            ],
        };
    }

    /// <summary>A CNAME per host to the load balancer's DNS name (a zone apex cannot hold a CNAME and is refused).</summary>
    public void CreateIngressDnsRecords(PlatformComponent ingress, IngressDnsSpec spec, IngressLoadBalancer loadBalancer, IngressLoadBalancerStatus status)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
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
                ["records"] = Input.List(status.Hostname),
            }, ingress.ChildResourceOptions);
        }
    }
}
