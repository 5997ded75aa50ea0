using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Policies;

namespace Infra.Tests.Policies;

public sealed class PolicyConfigTests
{
    private const string StackFile = """
        config:
          aws:region: eu-west-1
          infra:policy:
            enforcement:
              INF-WL-004: mandatory
              INF-IAM-004: disabled
            exemptions:
              - ruleId: INF-DATA-001
                resource: reporting-db
                justification: Vendor BI tool connects from its SaaS IP range until the private link is live
                owner: team-data
                expires: 2026-03-31
            parameters:
              minKubernetesVersion: "1.30"
              minBackupRetentionDays: 14
        """;

    [Fact]
    public void The_stack_file_shape_loads_through_the_config_api()
    {
        var path = Path.Combine(Path.GetTempPath(), $"Pulumi.prod.{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, StackFile);
        try
        {
            PolicyConfig? config = null;
            Deployment.Run(StackConfig.FromFile(path, "infra", "prod"), () => config = PolicyConfig.Load());

            Assert.NotNull(config);
            Assert.Equal(EnforcementLevel.Mandatory, config.Enforcement["INF-WL-004"]);
            Assert.Equal(EnforcementLevel.Disabled, config.Enforcement["INF-IAM-004"]);
            Assert.Equal(
                new Exemption("INF-DATA-001", "reporting-db", "Vendor BI tool connects from its SaaS IP range until the private link is live", "team-data", new DateOnly(2026, 3, 31)),
                Assert.Single(config.Exemptions));
            Assert.Equal(("1.30", 14, 365), (config.Parameters.MinKubernetesVersion, config.Parameters.MinBackupRetentionDays, config.Parameters.MinLogRetentionDays));

            var context = PolicyContext.From(config, "prod", PolicyFixtures.Today);
            Assert.Equal((config.Exemptions, config.Enforcement), (context.Exemptions, context.Overrides));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_settings_load_without_running_a_program()
    {
        var stack = StackConfig.FromValues("infra", "prod", new Dictionary<string, string>
        {
            ["policy"] = """{"enforcement": {"INF-DATA-005": "advisory"}, "exemptions": []}""",
        });

        var config = PolicyConfig.FromStackConfig(stack);

        Assert.Equal(EnforcementLevel.Advisory, config.Enforcement["INF-DATA-005"]);
        Assert.Empty(config.Exemptions);
    }

    [Fact]
    public void No_settings_mean_the_defaults()
    {
        PolicyConfig? config = null;
        Deployment.Run(StackConfig.FromValues("infra", "dev"), () => config = PolicyConfig.Load());

        Assert.Same(PolicyConfig.Empty, config);
    }

    [Fact]
    public void Every_problem_in_the_settings_is_reported_at_once()
    {
        var stack = StackConfig.FromValues("infra", "prod", new Dictionary<string, string>
        {
            ["policy"] = """
                {"enforcement": {"INF-DATA-01": "mandatory", "INF-WL-004": "strict"},
                 "exemptions": [{"ruleId": "INF-DATA-001", "resource": "db", "owner": "team", "expires": "31.03.2026"}]}
                """,
        });

        var error = Assert.Throws<InfraException>(() => Deployment.Run(stack, () => PolicyConfig.Load()));

        var messages = error.Diagnostics.Select(d => d.Message).ToArray();
        Assert.Equal(4, messages.Length);
        Assert.Contains(messages, m => m.Contains("names rule 'INF-DATA-01', which does not exist. Did you mean 'INF-DATA-001'?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("enforcement.INF-WL-004 is 'strict'; use mandatory, advisory or disabled.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("exemptions[0] has no justification", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("exemptions[0].expires is '31.03.2026'; write the date as YYYY-MM-DD.", StringComparison.Ordinal));
        Assert.All(error.Diagnostics, d => Assert.Equal(("INFRA-POLICY-001", "infra:policy"), (d.Code, d.Key)));
    }

    [Fact]
    public void An_unknown_setting_is_rejected_by_the_config_api()
    {
        var stack = StackConfig.FromValues("infra", "prod", new Dictionary<string, string> { ["policy"] = """{"exemption": []}""" });

        var error = Assert.Throws<InfraException>(() => Deployment.Run(stack, () => PolicyConfig.Load()));

        Assert.Equal("INFRA-CONFIG-002", Assert.Single(error.Diagnostics).Code);
    }
}
