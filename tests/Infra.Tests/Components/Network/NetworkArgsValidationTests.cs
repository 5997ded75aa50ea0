using Infra.Components;
using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Networking;

public sealed class NetworkArgsValidationTests
{
    private static IReadOnlyList<Diagnostic> Problems(NetworkArgs args, string environment = "dev", string name = "main")
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize(environment,
            () => _ = new Network(name, args, TestPlatforms.Create(CloudKind.Aws, environment))));
        return error.Diagnostics;
    }

    private static Diagnostic Problem(NetworkArgs args, string environment = "dev") => Assert.Single(Problems(args, environment));

    [Fact]
    public void Overlapping_pod_and_network_ranges_name_both_properties_and_a_fix()
    {
        var problem = Problem(new NetworkArgs { PodCidr = "10.0.0.0/14" });

        Assert.Equal("INFRA-NET-006", problem.Code);
        Assert.Equal("NetworkArgs.PodCidr: '10.0.0.0/14' overlaps NetworkArgs.Cidr '10.0.0.0/16'.", problem.Message);
        Assert.Equal("NetworkArgs.PodCidr", problem.Key);
        Assert.Equal("10.0.0.0/14", problem.Value);
        Assert.Equal("Choose a range for NetworkArgs.PodCidr that shares no address with 10.0.0.0/16.", problem.Fix);
        Assert.Equal("main", problem.Resource);
        Assert.Equal("tests/Infra.Tests/Components/Network/NetworkArgsValidationTests.cs", problem.File);
        Assert.True(problem.Line > 0);
    }

    [Fact]
    public void Overlapping_subnets_are_reported_on_the_later_one()
    {
        var problem = Problem(new NetworkArgs { PrivateSubnetCidrs = ["10.0.0.0/19", "10.0.16.0/20"] });

        Assert.Equal("NetworkArgs.PrivateSubnetCidrs[1]: '10.0.16.0/20' overlaps NetworkArgs.PrivateSubnetCidrs[0] '10.0.0.0/19'.", problem.Message);
    }

    [Fact]
    public void A_subnet_outside_the_network_is_refused()
    {
        var problem = Problem(new NetworkArgs { PrivateSubnetCidrs = ["10.0.0.0/19", "10.1.0.0/19"] });

        Assert.Equal("INFRA-NET-005", problem.Code);
        Assert.Equal("NetworkArgs.PrivateSubnetCidrs[1]: '10.1.0.0/19' is not inside NetworkArgs.Cidr '10.0.0.0/16'.", problem.Message);
        Assert.Equal("Choose a block inside 10.0.0.0/16.", problem.Fix);
    }

    [Theory]
    [InlineData("10.0.0/16", "INFRA-NET-001", "NetworkArgs.Cidr: '10.0.0/16' is not a CIDR block.", "Write the range as address/prefix, e.g. 10.0.0.0/16.")]
    [InlineData("10.0.0.1/16", "INFRA-NET-002", "NetworkArgs.Cidr: '10.0.0.1/16' has host bits set.", "Use 10.0.0.0/16.")]
    [InlineData("8.8.0.0/16", "INFRA-NET-003", "NetworkArgs.Cidr: '8.8.0.0/16' is not a private IPv4 range.", "Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.0.0.0/16.")]
    [InlineData("fd00::/48", "INFRA-NET-003", "NetworkArgs.Cidr: 'fd00::/48' is not a private IPv4 range.", "Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.0.0.0/16.")]
    [InlineData("10.0.0.0/12", "INFRA-NET-004", "NetworkArgs.Cidr: '10.0.0.0/12' is a /12; this range must be /16 to /24.", "Use a block of /16 to /24, e.g. 10.0.0.0/16.")]
    public void A_bad_network_range_gets_a_message_naming_the_rule_and_a_fix(string cidr, string code, string message, string fix)
    {
        var problem = Problem(new NetworkArgs { Cidr = cidr });

        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
        Assert.Equal(fix, problem.Fix);
        Assert.Equal(cidr, problem.Value);
    }

    [Theory]
    [InlineData("prod", 1, "NetworkArgs.ZoneCount: a production network must span at least 2 zones.")]
    [InlineData("prod", 4, "NetworkArgs.ZoneCount: 4 zones are needed but PlatformSettings.Zones lists 3.")]
    [InlineData("dev", 0, "NetworkArgs.ZoneCount: 0 is not a usable number of zones.")]
    public void The_zone_count_must_fit_the_environment_and_the_zones_listed(string environment, int zones, string message)
    {
        var problem = Problem(new NetworkArgs { ZoneCount = zones }, environment);

        Assert.Equal("INFRA-NET-007", problem.Code);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Subnet_lists_need_one_entry_per_zone()
    {
        var problem = Problem(new NetworkArgs { PrivateSubnetCidrs = ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"] });

        Assert.Equal("NetworkArgs.PrivateSubnetCidrs: 3 subnets are listed for 2 zones.", problem.Message);
        Assert.Equal("List exactly 2 subnets, or change NetworkArgs.ZoneCount.", problem.Fix);
    }

    [Fact]
    public void A_network_too_small_for_default_subnets_asks_for_explicit_ones()
    {
        var problem = Problem(new NetworkArgs { Cidr = "10.0.0.0/23" });

        Assert.Equal("INFRA-NET-008", problem.Code);
        Assert.Equal("NetworkArgs.PublicSubnetCidrs: NetworkArgs.Cidr '10.0.0.0/23' is too small to carve default subnets (they would be smaller than /28).", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_error()
    {
        var problems = Problems(new NetworkArgs { ZoneCount = 0, Cidr = "10.0.0/16", ServiceCidr = "10.112.0.0/16" });

        Assert.Equal(
        [
            "NetworkArgs.ZoneCount: 0 is not a usable number of zones.",
            "NetworkArgs.Cidr: '10.0.0/16' is not a CIDR block.",
            "NetworkArgs.ServiceCidr: '10.112.0.0/16' overlaps NetworkArgs.PodCidr '10.112.0.0/14'.",
        ], problems.Select(p => p.Message));
    }

    [Fact]
    public void A_component_name_must_be_usable_in_cloud_names()
    {
        var problem = Assert.Single(Problems(new NetworkArgs(), name: "Main_Net"));

        Assert.Equal("INFRA-NAME-001", problem.Code);
        Assert.Equal("Network name: 'Main_Net' cannot be used in cloud resource names.", problem.Message);
    }

    [Theory]
    [InlineData("dev", 2, false)]
    [InlineData("prod", 3, true)]
    public void Defaults_give_a_private_plan_across_two_zones_in_dev_and_three_in_prod(string environment, int zones, bool natPerZone)
    {
        var spec = NetworkSpec.Resolve("main", new NetworkArgs(), TestPlatforms.Settings(CloudKind.Gcp, environment), SourceLocation.Unknown);

        Assert.Equal(NetworkSpec.DefaultCidr, spec.Cidr.ToString());
        Assert.Equal(NetworkSpec.DefaultPodCidr, spec.PodCidr.ToString());
        Assert.Equal(NetworkSpec.DefaultServiceCidr, spec.ServiceCidr.ToString());
        Assert.Equal(zones, spec.Zones.Count);
        Assert.Equal(TestPlatforms.Settings(CloudKind.Gcp, environment).Zones.Take(zones), spec.ZoneNames);
        Assert.Equal(new[] { "10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19" }[..zones], spec.Zones.Select(z => z.Private.ToString()));
        Assert.Equal(new[] { "10.0.224.0/22", "10.0.228.0/22", "10.0.232.0/22" }[..zones], spec.Zones.Select(z => z.Public.ToString()));
        Assert.Equal(natPerZone, spec.NatGatewayPerZone);
        Assert.True(spec.FlowLogs);
    }

    [Fact]
    public void Network_args_are_read_from_stack_config_with_camel_case_keys()
    {
        NetworkArgs? args = null;
        var json = """{"cidr": "10.20.0.0/16", "zoneCount": 2, "podCidr": "10.64.0.0/14", "natGatewayPerZone": true, "flowLogs": false}""";

        Deployment.Run(StackConfig.FromValues("infra", "dev", new Dictionary<string, string> { ["network"] = json }),
            () => args = new Config().RequireObject<NetworkArgs>("network"));

        Assert.Equal(new NetworkArgs { Cidr = "10.20.0.0/16", ZoneCount = 2, PodCidr = "10.64.0.0/14", NatGatewayPerZone = true, FlowLogs = false }, args);
    }
}
