using Infra.Policies;
using Infra.Tests.Policies.Cases;

namespace Infra.Tests.Policies;

/// <summary>Runs every rule fixture: a passing case yields no finding of its rule, a failing one a violation at the named path.</summary>
public sealed class RuleCaseTests
{
    public static TheoryData<RuleCase> Cases()
    {
        var data = new TheoryData<RuleCase>();
        foreach (var ruleCase in AllCases.Cases)
        {
            data.Add(ruleCase);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_judges_its_fixture(RuleCase ruleCase)
    {
        var context = PolicyFixtures.Context(ruleCase.Environment) with { Parameters = ruleCase.Parameters ?? new PolicyParameters() };
        var report = PolicyFixtures.Evaluate(PolicyFixtures.Program(ruleCase.Resources), context, ruleCase.RuleId);

        Assert.Empty(report.Errors);
        var findings = report.Findings(ruleCase.RuleId);
        if (!ruleCase.ShouldFail)
        {
            Assert.True(findings.Count == 0, $"expected no finding, got:\n{string.Join("\n", findings.Select(f => f.Message))}");
            return;
        }

        var violation = Assert.Single(findings, f => f.PropertyPath.StartsWith(ruleCase.FailsAt!, StringComparison.Ordinal));
        Assert.Equal(FindingStatus.Violation, violation.Status);
        Assert.Contains(violation.PropertyPath, violation.Message, StringComparison.Ordinal);
        Assert.Contains(violation.Resource.LogicalName, violation.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_passing_and_a_failing_case_for_each_cloud_it_applies_to()
    {
        var missing = new List<string>();
        foreach (var rule in PolicyPack.Rules)
        {
            foreach (var cloud in rule.Clouds)
            {
                var cases = AllCases.Cases.Where(c => c.RuleId == rule.Id && c.Cloud == cloud).ToArray();
                if (!cases.Any(c => !c.ShouldFail))
                {
                    missing.Add($"{rule.Id} {cloud}: no passing case");
                }

                if (!cases.Any(c => c.ShouldFail))
                {
                    missing.Add($"{rule.Id} {cloud}: no failing case");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_case_names_a_rule_and_a_cloud_the_rule_applies_to()
    {
        var wrong = AllCases.Cases.Where(c => PolicyPack.Find(c.RuleId)?.Clouds.Contains(c.Cloud) != true).Select(c => c.ToString()).ToArray();

        Assert.Empty(wrong);
    }
}
