using Infra.Policies;
using static Infra.Tests.Policies.PolicyFixtures;

namespace Infra.Tests.Policies;

public sealed class ExemptionTests
{
    private const string PublicDb = """
        reporting:
          type: aws:rds/instance:Instance
          properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: true }
        """;

    private static readonly PolicyRule[] NoPublicEndpoint = [PolicyPack.Find("INF-DATA-001")!];

    [Fact]
    public void A_valid_exemption_turns_the_violation_into_an_exempted_finding_and_is_listed()
    {
        var exemption = new Exemption("INF-DATA-001", "reporting", "Vendor BI tool connects from its SaaS IPs", "team-data", new DateOnly(2025, 6, 30));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [exemption]), NoPublicEndpoint);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingStatus.Exempted, false), (finding.Status, finding.IsBlocking));
        Assert.Same(exemption, finding.Exemption);
        Assert.Equal(new ExemptionUse(exemption, ExemptionState.Applied, 1), Assert.Single(report.Exemptions));
        Assert.Equal(PolicyExitCode.Clean, report.ExitCode);
    }

    [Fact]
    public void An_exemption_applies_through_its_last_day()
    {
        var lastDay = new Exemption("INF-DATA-001", "reporting", "Migration window", "team-data", Today);

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [lastDay]), NoPublicEndpoint);

        Assert.Equal(FindingStatus.Exempted, Assert.Single(report.Findings).Status);
    }

    [Fact]
    public void An_expired_exemption_is_a_violation_and_no_longer_covers_the_resource()
    {
        var expired = new Exemption("INF-DATA-001", "reporting", "Temporary access for the migration", "team-data", new DateOnly(2025, 5, 31));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [expired]), NoPublicEndpoint);

        var violation = Assert.Single(report.Findings, f => f.Status == FindingStatus.Violation);
        Assert.True(violation.IsBlocking);
        Assert.Same(expired, violation.Exemption);
        var lapsed = Assert.Single(report.Findings, f => f.Status == FindingStatus.ExpiredExemption);
        Assert.True(lapsed.IsBlocking);
        Assert.Equal(("reporting", "<exemption>", "expires: 2025-05-31"), (lapsed.Resource.LogicalName, lapsed.PropertyPath, lapsed.Value));
        Assert.Equal(
            "'reporting' (aws:rds/instance:Instance): the exemption from INF-DATA-001 for 'reporting' (owner team-data: \"Temporary access for the migration\") " +
            "expired on 2025-05-31. Fix: Make the resource comply and remove the exemption, or review it and renew it with a new expiry date.",
            lapsed.Message);
        Assert.Equal(ExemptionState.Expired, Assert.Single(report.Exemptions).State);
        Assert.Equal(PolicyExitCode.MandatoryViolations, report.ExitCode);
    }

    [Fact]
    public void An_expired_exemption_of_an_advisory_rule_warns_even_when_the_resource_complies()
    {
        var expired = new Exemption("INF-DB-005", "gone-db", "Legacy", "team-data", new DateOnly(2024, 1, 1));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [expired]), [PolicyPack.Find("INF-DB-005")!]);

        var lapsed = Assert.Single(report.Findings, f => f.Status == FindingStatus.ExpiredExemption);
        Assert.Equal(EnforcementLevel.Advisory, lapsed.Level);
        Assert.Equal("pulumi:pulumi:Stack", lapsed.Resource.Type);
    }

    [Fact]
    public void An_exemption_that_covers_nothing_is_listed_as_unused()
    {
        var unused = new Exemption("INF-DATA-001", "other-db", "Not needed any more", "team-data", new DateOnly(2026, 1, 1));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [unused]), NoPublicEndpoint);

        Assert.Equal(ExemptionState.Unused, Assert.Single(report.Exemptions).State);
        Assert.Equal(FindingStatus.Violation, Assert.Single(report.Findings).Status);
    }

    [Fact]
    public void An_exemption_names_the_resource_by_urn_too_and_only_covers_its_rule()
    {
        var byUrn = new Exemption("INF-DATA-001", "urn:pulumi:prod::infra::aws:rds/instance:Instance::reporting", "BI access", "team-data", new DateOnly(2026, 1, 1));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [byUrn]), [.. NoPublicEndpoint, PolicyPack.Find("INF-DATA-004")!]);

        Assert.Equal(FindingStatus.Exempted, Assert.Single(report.Findings("INF-DATA-001")).Status);
        Assert.Equal(FindingStatus.Violation, Assert.Single(report.Findings("INF-DATA-004")).Status);
    }

    [Fact]
    public void An_exemption_on_a_config_group_covers_its_objects()
    {
        var program = Program("""
            agents:
              type: kubernetes:yaml/v2:ConfigGroup
              properties:
                objs:
                  - apiVersion: apps/v1
                    kind: DaemonSet
                    metadata: { name: node-agent, namespace: monitoring }
                    spec: { template: { spec: { volumes: [{ name: proc, hostPath: { path: /proc } }], containers: [{ name: agent, image: "agent:2.1" }] } } }
            """);
        var exemption = new Exemption("INF-WL-007", "agents", "The node agent reads /proc", "team-observability", new DateOnly(2026, 1, 1));

        var report = PolicyPack.Evaluate(program, Context(exemptions: [exemption]), [PolicyPack.Find("INF-WL-007")!]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingStatus.Exempted, "agents-monitoring/node-agent"), (finding.Status, finding.Resource.LogicalName));
    }

    [Fact]
    public void An_exemption_for_a_rule_the_pack_does_not_have_is_an_engine_error()
    {
        var typo = new Exemption("INF-DATA-01", "reporting", "x", "y", new DateOnly(2026, 1, 1));

        var report = PolicyPack.Evaluate(Program(PublicDb), Context(exemptions: [typo]), PolicyPack.Rules);

        Assert.Contains("Did you mean 'INF-DATA-001'?", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
    }
}
