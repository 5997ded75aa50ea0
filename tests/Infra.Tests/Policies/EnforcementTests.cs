using Infra.Core.Synthesis;
using Infra.Policies;
using static Infra.Tests.Policies.PolicyFixtures;

namespace Infra.Tests.Policies;

public sealed class EnforcementTests
{
    private const string DefaultRds = """
        db:
          type: aws:rds/instance:Instance
          properties: { engine: postgres, instanceClass: db.t4g.small, storageEncrypted: true, vpcSecurityGroupIds: [sg-1] }
        """;

    [Fact]
    public void A_prod_m_rule_blocks_in_prod_and_warns_in_dev()
    {
        var noBackups = Program(DefaultRds.Replace("storageEncrypted: true", "backupRetentionPeriod: 0", StringComparison.Ordinal));

        var prod = Assert.Single(PolicyPack.Evaluate(noBackups, Context("prod")).Findings("INF-DATA-003"));
        var dev = Assert.Single(PolicyPack.Evaluate(noBackups, Context("dev")).Findings("INF-DATA-003"));

        Assert.Equal((EnforcementLevel.Mandatory, true), (prod.Level, prod.IsBlocking));
        Assert.Equal((EnforcementLevel.Advisory, false), (dev.Level, dev.IsBlocking));
        Assert.Equal("automated backups are off", dev.Problem);
    }

    [Fact]
    public void A_threshold_can_depend_on_the_environment()
    {
        // The provider default of one day of backups is enough in dev; production needs the configured minimum.
        Assert.Empty(PolicyPack.Evaluate(Program(DefaultRds), Context("dev")).Findings("INF-DATA-003"));
        var prod = Assert.Single(PolicyPack.Evaluate(Program(DefaultRds), Context("prod")).Findings("INF-DATA-003"));
        Assert.Equal(("backupRetentionPeriod", "(not set; defaults to 1)"), (prod.PropertyPath, prod.Value));
        Assert.Equal("backups are kept 1 day(s), fewer than 7", prod.Problem);
    }

    [Fact]
    public void Production_is_recognised_by_name_case_insensitively_and_can_be_configured()
    {
        Assert.True(Context("Production").IsProduction);
        Assert.False(Context("staging").IsProduction);
        Assert.True((Context("live") with { ProductionEnvironments = ["live"] }).IsProduction);
    }

    [Fact]
    public void A_prod_only_advisory_rule_is_silent_outside_production()
    {
        Assert.Empty(PolicyPack.Evaluate(Program(DefaultRds), Context("dev")).Findings("INF-DATA-005"));
        var prod = Assert.Single(PolicyPack.Evaluate(Program(DefaultRds), Context("prod")).Findings("INF-DATA-005"));
        Assert.Equal(EnforcementLevel.Advisory, prod.Level);
    }

    [Fact]
    public void An_aspect_of_a_rule_keeps_its_own_enforcement()
    {
        const string unencrypted = """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """;

        var dev = PolicyPack.Evaluate(Program(unencrypted), Context("dev")).Findings("INF-DATA-002");
        var prod = PolicyPack.Evaluate(Program(unencrypted), Context("prod")).Findings("INF-DATA-002");

        // The encryption switch is mandatory everywhere; the customer-managed key is advisory, and only in production.
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(dev).Level);
        Assert.Equal("storageEncrypted", dev[0].PropertyPath);
        Assert.Equal(
            [("kmsKeyId", EnforcementLevel.Advisory), ("storageEncrypted", EnforcementLevel.Mandatory)],
            prod.Select(f => (f.PropertyPath, f.Level)).OrderBy(f => f.PropertyPath, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Overrides_replace_the_default_level_per_rule()
    {
        var overrides = new Dictionary<string, EnforcementLevel>
        {
            ["INF-DATA-005"] = EnforcementLevel.Mandatory,
            ["INF-DATA-003"] = EnforcementLevel.Disabled,
        };

        var report = PolicyPack.Evaluate(Program(DefaultRds), Context("dev", overrides: overrides));

        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(report.Findings("INF-DATA-005")).Level);
        Assert.Empty(report.Findings("INF-DATA-003"));
        var disabled = report.Rules.Single(r => r.Rule.Id == "INF-DATA-003");
        Assert.Equal((EnforcementLevel.Disabled, true), (disabled.Level, disabled.Overridden));
        Assert.Equal(PolicyExitCode.MandatoryViolations, report.ExitCode);
    }

    [Fact]
    public void An_override_for_an_unknown_rule_is_an_engine_error()
    {
        var overrides = new Dictionary<string, EnforcementLevel> { ["INF-DATA-099"] = EnforcementLevel.Disabled };

        var report = PolicyPack.Evaluate(Program(DefaultRds), Context(overrides: overrides));

        var error = Assert.Single(report.Errors);
        Assert.Contains("INF-DATA-099", error.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyExitCode.EngineError, report.ExitCode);
    }

    [Fact]
    public void An_unknown_value_fails_closed_for_a_mandatory_rule_and_says_why()
    {
        var report = Evaluate("""
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: "${infra:dbPublic}" }
            """);

        var finding = Assert.Single(report.Findings("INF-DATA-001"));
        Assert.Equal(FindingStatus.CannotEvaluate, finding.Status);
        Assert.True(finding.IsBlocking);
        Assert.Equal("${infra:dbPublic}", finding.Value);
        Assert.Equal(
            "'db' (aws:rds/instance:Instance): publiclyAccessible = ${infra:dbPublic}: is only known at deploy time, so INF-DATA-001 cannot be " +
            "evaluated at synthesis time; a mandatory rule fails closed on values it cannot see. Fix: Give publiclyAccessible a literal value " +
            "(not an output or expression), or exempt the resource with a justification.",
            finding.Message);
    }

    [Fact]
    public void An_unknown_value_only_warns_for_an_advisory_rule()
    {
        var report = Evaluate("""
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, multiAz: "${infra:multiAz}" }
            """);

        var finding = Assert.Single(report.Findings("INF-DATA-005"));
        Assert.Equal((FindingStatus.CannotEvaluate, EnforcementLevel.Advisory, false), (finding.Status, finding.Level, finding.IsBlocking));
        Assert.DoesNotContain("fails closed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_literal_is_known_and_an_expression_inside_a_list_is_judged_item_by_item()
    {
        var report = Evaluate("""
            web:
              type: aws:ec2/securityGroup:SecurityGroup
              properties:
                ingress:
                  - { protocol: tcp, fromPort: 22, toPort: 22, cidrBlocks: { "fn::secret": ["0.0.0.0/0"] } }
                  - { protocol: tcp, fromPort: 443, toPort: 443, cidrBlocks: "${infra:webSources}" }
                  - { protocol: tcp, fromPort: 3389, toPort: 3389, cidrBlocks: "${infra:rdpSources}" }
            """);

        var findings = report.Findings("INF-NET-001");
        Assert.Equal(
            [("ingress[0].cidrBlocks", FindingStatus.Violation), ("ingress[2].cidrBlocks", FindingStatus.CannotEvaluate)],
            findings.Select(f => (f.PropertyPath, f.Status)).ToArray());
        Assert.Equal("[secret]", findings[0].Value);
    }

    [Fact]
    public void A_rule_that_throws_is_an_engine_error_and_the_others_still_run()
    {
        var broken = new ResourceRule
        {
            Id = "INF-TEST-001",
            Title = "Broken",
            Description = "A rule that fails.",
            Help = "None.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Checks = { { "aws:rds/instance:Instance", (_, _) => throw new InvalidOperationException("boom") } },
        };

        var report = PolicyPack.Evaluate(Program(DefaultRds), Context(), [broken, PolicyPack.Find("INF-DATA-003")!]);

        Assert.Contains("boom", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Single(report.Findings("INF-DATA-003"));
        Assert.Equal(PolicyExitCode.EngineError, report.ExitCode);
    }

    [Fact]
    public void Rules_never_change_the_program()
    {
        var program = Program(DefaultRds + "\n" + KubernetesFixture);
        var before = YamlWriter.Write(program);

        PolicyPack.Evaluate(program, Context());

        Assert.Equal(before, YamlWriter.Write(program));
    }

    [Fact]
    public void A_clean_program_exits_zero_even_with_advisory_findings()
    {
        var report = PolicyPack.Evaluate(Program(DefaultRds), Context("dev"), [PolicyPack.Find("INF-DATA-001")!, PolicyPack.Find("INF-DB-005")!]);

        Assert.NotEmpty(report.Warnings);
        Assert.False(report.HasBlockingFindings);
        Assert.Equal(PolicyExitCode.Clean, report.ExitCode);
    }

    private const string KubernetesFixture = """
        group:
          type: kubernetes:yaml/v2:ConfigGroup
          properties:
            objs: [{ apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { containers: [{ name: c, image: "nginx" }] } }]
        """;
}
