using System.Text.Json;
using Infra.Core;
using Infra.Core.Values;
using Infra.Stacks.Cli;
using Infra.Stacks.Platform;
using Infra.Tests.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Composition;

public class PolicyGateTests
{
    [Fact]
    public void The_prod_platform_gives_a_sarif_report_without_mandatory_findings()
    {
        var (exitCode, output, error) = CliRunner.Run(RepositoryPaths.Root, Infra.Stacks.ProjectProgram.Definition, null, "policy", "prod", "--format", "sarif");
        Assert.True(exitCode == 0, error);
        using var sarif = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.True(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength() >= 60);
        Assert.DoesNotContain(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void A_public_database_added_to_prod_is_blocked_at_synth_with_rule_resource_line_and_fix()
    {
        var insecure = new ProgramDefinition("infra", () =>
        {
            _ = new PlatformStack();
            _ = new CustomResource("aws:rds/instance:Instance", "legacy-reports", new Props
            {
                ["engine"] = "postgres",
                ["instanceClass"] = "db.t4g.micro",
                ["allocatedStorage"] = 20,
                ["publiclyAccessible"] = true,
            });
        }, ProviderPins.All);
        var (exitCode, output, error) = CliRunner.Run(RepositoryPaths.Root, insecure, null, "synth", "--stack", "prod");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Matches(@"tests/Infra.Tests/Composition/PolicyGateTests.cs:\d+: error INF-DATA-001: .*'legacy-reports' \(aws:rds/instance:Instance\)", error);
        Assert.Contains("resource: legacy-reports", error);
        Assert.Contains("key:      publiclyAccessible", error);
        Assert.Contains("fix:", error);
    }
}
