using Infra.Core.Schema;
using Infra.Core.Values;
using Infra.Stacks.Delivery;
using Infra.Tests.Schema;
using Infra.Tests.Support;

namespace Infra.Tests.Composition;

public class PlatformStackTests
{
    [Theory]
    [MemberData(nameof(PlatformStacks.CloudsAndEnvironments), MemberType = typeof(PlatformStacks))]
    public void Golden_platform_program_matches_the_reviewed_copy(string cloud, string environment)
    {
        GoldenFile.AssertMatches($"platform-{cloud}-{environment}.yaml", PlatformStacks.Synthesize(cloud, environment).Text);
    }

    [SchemaTheory]
    [MemberData(nameof(PlatformStacks.CloudsAndEnvironments), MemberType = typeof(PlatformStacks))]
    public void Every_resource_conforms_to_the_provider_schemas(string cloud, string environment)
    {
        var check = SchemaCheck.Check(PlatformStacks.Synthesize(cloud, environment).Program, TestSchemas.Set);
        Assert.True(!check.HasErrors, string.Join("\n", check.Report()));
        Assert.Empty(check.PackagesWithoutSchema);
    }

    [Theory]
    [MemberData(nameof(PlatformStacks.CloudsAndEnvironments), MemberType = typeof(PlatformStacks))]
    public void The_defaults_pass_the_policy_pack_with_no_exemptions(string cloud, string environment)
    {
        var report = PlatformStacks.Synthesize(cloud, environment).Policy;
        Assert.Empty(report.Blocking);
        Assert.Empty(report.Errors);
        Assert.Empty(report.Exemptions);
        Assert.Equal(environment, report.Environment);
    }

    /// <summary>
    /// Pods name their service account literally, so the service-account rule is decided at synthesis time rather
    /// than left as an advisory about an unknown value.
    /// </summary>
    [Theory]
    [MemberData(nameof(PlatformStacks.CloudsAndEnvironments), MemberType = typeof(PlatformStacks))]
    public void The_policy_pack_sees_which_service_account_every_pod_runs_as(string cloud, string environment)
    {
        var report = PlatformStacks.Synthesize(cloud, environment).Policy;

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "INF-WL-012");
        Assert.Contains(report.Passes, p => p.RuleId == "INF-WL-012");
    }

    [Theory]
    [MemberData(nameof(PlatformStacks.CloudsAndEnvironments), MemberType = typeof(PlatformStacks))]
    public void The_same_config_gives_the_same_bytes(string cloud, string environment)
    {
        Assert.Equal(PlatformStacks.Synthesize(cloud, environment).Text, PlatformStacks.Synthesize(cloud, environment).Text);
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("gcp")]
    [InlineData("yandex")]
    public void Prod_is_highly_available_and_protected_where_dev_is_cheap(string cloud)
    {
        var dev = PlatformStacks.Synthesize(cloud, "dev").Program;
        var prod = PlatformStacks.Synthesize(cloud, "prod").Program;
        static int Protected(Infra.Core.Synthesis.ProgramDocument p) => p.Resources.Count(r => r.Options?["protect"] is BoolNode { Value: true });
        Assert.Equal(0, Protected(dev));
        Assert.True(Protected(prod) >= 5, $"prod protects {Protected(prod)} resources");
        Assert.True(prod.Resources.Count > dev.Resources.Count);
        Assert.All(prod.Resources.Where(r => StatefulResources.IsStateful(r.Type) && !r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)),
            r => Assert.True(r.Options?["protect"] is BoolNode { Value: true }, $"{r.LogicalName} ({r.Type}) is not protected in prod"));
    }

    [Fact]
    public void The_kubeconfig_and_connection_strings_are_stack_outputs_that_stay_secret()
    {
        var outputs = PlatformStacks.Synthesize("aws", "prod").Program.Outputs.ToDictionary(o => o.Key, o => o.Value);
        Assert.Equal("secret", Assert.IsType<FunctionNode>(outputs["kubeconfig"]).Name);
        Assert.Equal("secret", Assert.IsType<FunctionNode>(outputs["postgresConnectionString"]).Name);
    }
}
