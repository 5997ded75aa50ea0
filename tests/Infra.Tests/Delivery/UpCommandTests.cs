using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Stacks.Cli;
using Infra.Tests.Cli;

namespace Infra.Tests.Delivery;

public sealed class UpCommandTests : IDisposable
{
    private readonly SampleProject project = new();

    public UpCommandTests() => UseConfig("orders-db", "postgres");

    public void Dispose() => project.Dispose();

    /// <summary>A stack with one protected database whose name and engine come from config.</summary>
    private static readonly ProgramDefinition Program = new("infra", () =>
    {
        var config = new Config();
        _ = new CustomResource("aws:rds/instance:Instance", config.Require("dbName"), new Props
        {
            ["engine"] = config.Require("engine"),
            ["instanceClass"] = "db.t4g.micro",
            ["allocatedStorage"] = 20,
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = "arn:aws:kms:eu-west-1:123456789012:key/orders",
            ["backupRetentionPeriod"] = 14,
            ["deletionProtection"] = true,
            ["vpcSecurityGroupIds"] = new[] { "sg-orders-db" },
        }, new CustomResourceOptions { Protect = true });
    }, []);

    private void UseConfig(string name, string engine) =>
        project.Write("prod", $"""
            config:
              infra:dbName: {name}
              infra:engine: {engine}
              infra:policy:
                exemptions:
                  - ruleId: INF-DB-001
                    resource: {name}
                    justification: the test database has no parameter group; TLS is not what these tests exercise
                    owner: platform-team
                    expires: 2099-12-31
            """);

    private ProgramDocument Deployed(string name, string engine)
    {
        UseConfig(name, engine);
        var program = new SynthesisPipeline(Program).Run(StackLoader.FromFile(ProjectFiles.Locate(project.Directory), "prod")).Program;
        return program;
    }

    private (int ExitCode, string Out, string Error) Up(StandInPulumi pulumi, params string[] extra) =>
        CliRunner.Run(project.Directory, Program, new Dictionary<string, string> { ["PATH"] = pulumi.PathVariable }, ["up", "prod", .. extra]);

    [Fact]
    public void Up_refuses_to_replace_a_protected_database_whose_engine_changes()
    {
        using var pulumi = new StandInPulumi(Deployed("orders-db", "postgres"), "prod");
        UseConfig("orders-db", "mysql");
        var (exitCode, _, error) = Up(pulumi, "--yes");
        Assert.Equal(1, exitCode);
        Assert.Contains("error INFRA-UP-003: Refusing to deploy: 'orders-db' (aws:rds/instance:Instance, stateful, protected) would be replaced (deleted and created again): the provider replaces it when engine changes.", error);
        Assert.Equal(["stack export --stack prod"], pulumi.Calls);
    }

    [Fact]
    public void Up_refuses_a_rename_and_names_the_alias_that_keeps_the_database()
    {
        using var pulumi = new StandInPulumi(Deployed("orders-db", "postgres"), "prod");
        UseConfig("orders", "postgres");
        var (exitCode, _, error) = Up(pulumi);
        Assert.Equal(1, exitCode);
        Assert.Contains("it is renamed from 'orders-db' to 'orders'", error);
        Assert.Contains("fix:      Keep the resource with `Aliases = [new Alias { Name = \"orders-db\" }]`, or allow the replacement with `--allow-replace orders`.", error);
        Assert.DoesNotContain("up --stack prod", pulumi.Calls);
    }

    [Fact]
    public void Up_runs_pulumi_up_when_the_replacement_is_explicitly_allowed()
    {
        using var pulumi = new StandInPulumi(Deployed("orders-db", "postgres"), "prod");
        UseConfig("orders-db", "mysql");
        var (exitCode, output, error) = Up(pulumi, "--allow-replace", "orders-db", "--yes");
        Assert.True(exitCode == 0, error);
        Assert.Equal(["stack export --stack prod", "up --stack prod --yes"], pulumi.Calls);
        Assert.Contains("infra: 0 to create, 0 to update, 1 to replace, 0 to delete compared with the deployed state; running pulumi up.", output);
        Assert.Contains("Resources: updated", output);
    }

    [Fact]
    public void Up_with_safe_changes_runs_pulumi_up()
    {
        using var pulumi = new StandInPulumi(Deployed("orders-db", "postgres"), "prod");
        var (exitCode, _, error) = Up(pulumi);
        Assert.True(exitCode == 0, error);
        Assert.Equal(["stack export --stack prod", "up --stack prod"], pulumi.Calls);
    }

    [Fact]
    public void Up_without_the_pulumi_cli_says_how_to_get_it()
    {
        var (exitCode, _, error) = CliRunner.Run(project.Directory, Program, new Dictionary<string, string> { ["PATH"] = "/nonexistent" }, "up", "prod");
        Assert.Equal(1, exitCode);
        Assert.Contains("error INFRA-UP-001: The Pulumi CLI was not found on PATH.", error);
        Assert.Contains("https://www.pulumi.com/docs/iac/download-install/", error);
    }
}
