using Infra.Core;
using Infra.Core.Values;

namespace Infra.Tests.Components;

/// <summary>The checks the component tests rely on find what they look for.</summary>
public sealed class HelperTests
{
    [Fact]
    public void The_schema_check_finds_unknown_types_properties_wrong_scalars_missing_inputs_and_bad_output_references()
    {
        var program = TestPlatforms.Synthesize("dev", () =>
        {
            var vpc = new CustomResource("aws:ec2/vpc:Vpc", "vpc", new Props { ["cidrBlock"] = "10.0.0.0/16", ["enableDns"] = true, ["enableDnsSupport"] = "yes" });
            _ = new CustomResource("aws:ec2/subnet:Subnet", "subnet", new Props { ["cidrBlock"] = vpc.GetOutput<string>("cidr") });
            _ = new CustomResource("aws:ec2/vpcc:Vpcc", "typo");
            _ = new CustomResource("aws:eks/cluster:Cluster", "eks", new Props
            {
                ["roleArn"] = "arn",
                ["vpcConfig"] = new Props { ["subnetIds"] = new[] { "a" }, ["publicCidrs"] = new[] { "0.0.0.0/0" } },
            });
        });

        Assert.Equal(
        [
            "vpc.enableDns: no such property",
            "vpc.enableDnsSupport: a boolean is expected",
            "subnet: required property 'vpcId' is missing",
            "subnet: ${vpc.cidr} reads 'cidr', which aws:ec2/vpc:Vpc does not output",
            "typo: type aws:ec2/vpcc:Vpcc is not in aws.json",
            "eks.vpcConfig.publicCidrs: no such property",
        ], SchemaNames.Problems(program));
    }

    [Fact]
    public void The_world_ingress_check_finds_open_rules_on_every_cloud()
    {
        var program = TestPlatforms.Synthesize("dev", () =>
        {
            _ = new CustomResource("aws:ec2/securityGroup:SecurityGroup", "aws-open", new Props
            {
                ["ingress"] = new Input[] { new Props { ["protocol"] = "tcp", ["fromPort"] = 22, ["toPort"] = 22, ["cidrBlocks"] = new[] { "0.0.0.0/0" } } },
            });
            _ = new CustomResource("gcp:compute/firewall:Firewall", "gcp-open", new Props
            {
                ["network"] = "n",
                ["sourceRanges"] = new[] { "0.0.0.0/0" },
                ["allows"] = new Input[] { new Props { ["protocol"] = "tcp" } },
            });
            _ = new CustomResource("gcp:compute/firewall:Firewall", "gcp-deny", new Props
            {
                ["network"] = "n",
                ["sourceRanges"] = new[] { "0.0.0.0/0" },
                ["denies"] = new Input[] { new Props { ["protocol"] = "all" } },
            });
            _ = new CustomResource("yandex:index/vpcSecurityGroup:VpcSecurityGroup", "yandex-open", new Props
            {
                ["networkId"] = "n",
                ["ingresses"] = new Input[] { new Props { ["protocol"] = "ANY", ["v6CidrBlocks"] = new[] { "::/0" } } },
            });
        });

        Assert.Equal(
        [
            "aws-open: ingress from the world",
            "gcp-open: allows ingress from the world",
            "yandex-open: ingress from the world",
        ], Firewalls.WorldIngress(program));
    }
}
