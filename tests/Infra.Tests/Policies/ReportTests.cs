using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Infra.Policies;
using static Infra.Tests.Policies.PolicyFixtures;

namespace Infra.Tests.Policies;

public sealed class ReportTests
{
    private const string Program = """
        db:
          type: aws:rds/instance:Instance
          properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: true, multiAz: "${infra:multiAz}" }
        web:
          type: aws:ec2/securityGroup:SecurityGroup
          properties: { ingress: [{ protocol: tcp, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }
        """;

    private static readonly Exemption WebSsh = new("INF-NET-001", "web", "Break-glass SSH during the migration", "team-platform", new DateOnly(2025, 7, 1));

    private static PolicyReport Report(string resources = Program) =>
        PolicyPack.Evaluate(PolicyFixtures.Program(resources), Context("prod", exemptions: [WebSsh]));

    [Fact]
    public void Sarif_has_the_required_structure_for_code_scanning()
    {
        var report = Report();
        using var sarif = JsonDocument.Parse(SarifReport.Write(report));
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReport.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("infra-policy", driver.GetProperty("name").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(PolicyPack.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            var properties = rule.GetProperty("properties");
            Assert.True(double.TryParse(properties.GetProperty("security-severity").GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.Contains("security", properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        });

        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(report.Findings.Count, results.Length);
        Assert.All(results, result =>
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
            var physical = location.GetProperty("physicalLocation");
            Assert.Equal("Main.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.StartsWith("urn:pulumi:prod::infra::", Assert.Single(location.GetProperty("logicalLocations").EnumerateArray()).GetProperty("fullyQualifiedName").GetString(), StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty(SarifReport.FingerprintKey).GetString());
        });
    }

    [Fact]
    public void Sarif_results_sit_on_the_declaring_line_with_mandatory_as_errors_and_exemptions_as_suppressions()
    {
        using var sarif = JsonDocument.Parse(SarifReport.Write(Report()));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();

        var publicDb = results.Single(r => r.GetProperty("ruleId").GetString() == "INF-DATA-001" && r.GetProperty("properties").GetProperty("propertyPath").GetString() == "publiclyAccessible");
        Assert.Equal("error", publicDb.GetProperty("level").GetString());
        Assert.Equal(4, publicDb.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        var ssh = results.Single(r => r.GetProperty("ruleId").GetString() == "INF-NET-001");
        Assert.Equal(7, ssh.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var suppression = Assert.Single(ssh.GetProperty("suppressions").EnumerateArray());
        Assert.Equal(("external", "accepted"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString()));
        Assert.Contains("Break-glass SSH", suppression.GetProperty("justification").GetString(), StringComparison.Ordinal);

        Assert.Equal("warning", results.Single(r => r.GetProperty("ruleId").GetString() == "INF-DATA-005").GetProperty("level").GetString());
        var listed = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("exemptions").EnumerateArray());
        Assert.Equal(("INF-NET-001", "applied"), (listed.GetProperty("ruleId").GetString(), listed.GetProperty("state").GetString()));
    }

    [Fact]
    public void Suppressed_results_can_be_left_out_of_the_sarif_file()
    {
        using var sarif = JsonDocument.Parse(SarifReport.Write(Report(), new SarifOptions { IncludeSuppressed = false }));

        var ruleIds = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString());
        Assert.DoesNotContain("INF-NET-001", ruleIds);
    }

    [Fact]
    public void Fingerprints_are_stable_across_runs_and_do_not_depend_on_line_numbers()
    {
        var first = Fingerprints(Report());
        var second = Fingerprints(Report());
        var shifted = Fingerprints(Report("other:\n  type: aws:s3/bucketV2:BucketV2\n\n\n" + Program));

        Assert.Equal(first, second);
        Assert.All(first, f => Assert.Contains(f, shifted));
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.NotEqual(
            Report().Findings.First(f => f.RuleId == "INF-DATA-001").Resource.Line,
            Report("other:\n  type: aws:s3/bucketV2:BucketV2\n\n\n" + Program).Findings.First(f => f.RuleId == "INF-DATA-001").Resource.Line);
    }

    [Fact]
    public void Json_is_well_formed_and_agrees_with_the_report()
    {
        var report = Report();
        using var json = JsonDocument.Parse(JsonReport.Write(report));
        var root = json.RootElement;

        Assert.Equal(("prod", true), (root.GetProperty("environment").GetString(), root.GetProperty("production").GetBoolean()));
        var summary = root.GetProperty("summary");
        Assert.Equal(report.Blocking.Count(), summary.GetProperty("mandatory").GetInt32());
        Assert.Equal(1, summary.GetProperty("exempted").GetInt32());
        Assert.Equal(1, summary.GetProperty("exitCode").GetInt32());
        Assert.Equal(report.Findings.Count, root.GetProperty("findings").GetArrayLength());
        Assert.Equal(PolicyPack.Rules.Count, root.GetProperty("rules").GetArrayLength());
        var exemption = Assert.Single(root.GetProperty("exemptions").EnumerateArray());
        Assert.Equal(("applied", "2025-07-01"), (exemption.GetProperty("state").GetString(), exemption.GetProperty("expires").GetString()));
        var unknown = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "INF-DATA-005");
        Assert.Equal(("cannotEvaluate", "${infra:multiAz}"), (unknown.GetProperty("status").GetString(), unknown.GetProperty("value").GetString()));
    }

    [Fact]
    public void Junit_is_well_formed_with_a_case_per_evaluation()
    {
        var report = Report();
        var xml = XDocument.Parse(JUnitReport.Write(report));

        var suite = Assert.Single(xml.Root!.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToArray();
        Assert.Equal(report.Passes.Count + report.Findings.Count, cases.Length);
        Assert.Equal(cases.Length.ToString(CultureInfo.InvariantCulture), suite.Attribute("tests")!.Value);
        Assert.Equal(report.Findings.Count(f => f.Status != FindingStatus.Exempted), cases.Count(c => c.Element("failure") is not null));
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        Assert.Contains(cases, c => c.Attribute("name")!.Value.StartsWith("[CRITICAL][INF-DATA-001]", StringComparison.Ordinal) && c.Element("failure")?.Attribute("type")?.Value == "mandatory");
        var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("prod", properties["environment"]);
        Assert.Equal("INF-NET-001 on 'web' until 2025-07-01 by team-platform (applied): Break-glass SSH during the migration", properties["exemption.0"]);
    }

    [Fact]
    public void The_console_report_names_rule_resource_location_exemption_and_verdict()
    {
        var text = ConsoleReport.Render(Report(), width: 200);

        Assert.Contains("INF-DATA-001", text, StringComparison.Ordinal);
        Assert.Contains("Main.yaml:4", text, StringComparison.Ordinal);
        Assert.Contains("publiclyAccessible", text, StringComparison.Ordinal);
        Assert.Contains("team-platform", text, StringComparison.Ordinal);
        Assert.Contains("exit 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_map_clean_blocked_and_engine_error()
    {
        var clean = PolicyPack.Evaluate(PolicyFixtures.Program("key:\n  type: aws:kms/key:Key\n  properties: { enableKeyRotation: true }"), Context("dev"));
        var blocked = Report();
        var broken = PolicyPack.Evaluate(PolicyFixtures.Program(Program), Context("prod", overrides: new Dictionary<string, EnforcementLevel> { ["INF-NOPE-001"] = EnforcementLevel.Mandatory }));

        Assert.Equal((0, 1, 2), (clean.ExitCode, blocked.ExitCode, broken.ExitCode));
        Assert.Equal((0, 1, 2), (PolicyExitCode.Clean, PolicyExitCode.MandatoryViolations, PolicyExitCode.EngineError));
    }

    private static List<string> Fingerprints(PolicyReport report)
    {
        using var sarif = JsonDocument.Parse(SarifReport.Write(report));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReport.FingerprintKey).GetString()!)
            .ToList();
    }
}
