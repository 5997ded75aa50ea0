using Infra.Core.Synthesis;

namespace Infra.Tests.Components;

/// <summary>Finds ingress rules open to the whole internet, as INF-NET-001/002 and INF-K8S-001 look for them.</summary>
internal static class Firewalls
{
    private static readonly string[] World = ["0.0.0.0/0", "::/0"];

    /// <summary>One line per rule that admits traffic from <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public static List<string> WorldIngress(ProgramDocument program)
    {
        var open = new List<string>();
        foreach (var resource in program.Resources)
        {
            switch (resource.Type)
            {
                case "aws:ec2/securityGroup:SecurityGroup" or "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
                    open.AddRange(resource.List("ingress")
                        .Where(rule => rule.Strings("cidrBlocks").Concat(rule.Strings("ipv6CidrBlocks")).Any(World.Contains))
                        .Select(_ => $"{resource.Key}: ingress from the world"));
                    break;
                case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
                    if (World.Contains(resource.Text("cidrIpv4")) || World.Contains(resource.Text("cidrIpv6")))
                    {
                        open.Add($"{resource.Key}: ingress from the world");
                    }

                    break;
                case "gcp:compute/firewall:Firewall":
                    if (resource.Text("direction") is null or "INGRESS" && resource.List("allows").Count > 0 &&
                        resource.Strings("sourceRanges").Any(World.Contains))
                    {
                        open.Add($"{resource.Key}: allows ingress from the world");
                    }

                    break;
                case "yandex:index/vpcSecurityGroup:VpcSecurityGroup":
                    open.AddRange(resource.List("ingresses")
                        .Where(rule => rule.Strings("v4CidrBlocks").Concat(rule.Strings("v6CidrBlocks")).Any(World.Contains))
                        .Select(_ => $"{resource.Key}: ingress from the world"));
                    break;
                case "yandex:index/vpcSecurityGroupRule:VpcSecurityGroupRule":
                    if (resource.Text("direction") == "ingress" && resource.Strings("v4CidrBlocks").Any(World.Contains))
                    {
                        open.Add($"{resource.Key}: ingress from the world");
                    }

                    break;
            }
        }

        return open;
    }

}
