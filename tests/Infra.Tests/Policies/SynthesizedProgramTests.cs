using System.Runtime.CompilerServices;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Policies;

namespace Infra.Tests.Policies;

/// <summary>Programs built with the C# model: findings point at the C# line that declared the resource.</summary>
public sealed class SynthesizedProgramTests
{
    private const string ThisFile = "tests/Infra.Tests/Policies/SynthesizedProgramTests.cs";

    [Fact]
    public void A_resource_without_storage_encryption_is_reported_at_its_CSharp_line()
    {
        var line = 0;
        var program = Synthesize(() =>
        {
            line = Line() + 1;
            new CustomResource("aws:rds/instance:Instance", "orders-db", new Props
            {
                ["engine"] = "postgres",
                ["instanceClass"] = "db.t4g.small",
                ["vpcSecurityGroupIds"] = new[] { "sg-1" },
            });
        });

        var report = PolicyPack.Evaluate(program, Context("prod"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "INF-DATA-002" && f.PropertyPath == "storageEncrypted");
        Assert.Equal((ThisFile, line), (finding.Resource.File, finding.Resource.Line));
        Assert.Equal("urn:pulumi:prod::infra::aws:rds/instance:Instance::orders-db", finding.Resource.Urn);
        Assert.Equal("(not set; defaults to false)", finding.Value);
    }

    [Fact]
    public void A_resource_inside_a_component_also_names_the_component_declaration()
    {
        var componentLine = 0;
        var program = Synthesize(() =>
        {
            componentLine = Line() + 1;
            var database = new ComponentResource("infra:test:Database", "orders");
            new CustomResource("aws:rds/instance:Instance", "orders-db", new Props { ["engine"] = "postgres", ["publiclyAccessible"] = true },
                new CustomResourceOptions { Parent = database });
        });

        var finding = Assert.Single(PolicyPack.Evaluate(program, Context("prod")).Findings, f => f.RuleId == "INF-DATA-001");

        Assert.Equal([(ThisFile, componentLine)], finding.Resource.DeclaredVia);
    }

    [Fact]
    public void The_gate_throws_one_exception_naming_rule_resource_line_and_fix()
    {
        var line = 0;
        var program = Synthesize(() =>
        {
            line = Line() + 1;
            new CustomResource("aws:rds/instance:Instance", "reporting-db", new Props
            {
                ["engine"] = "postgres",
                ["publiclyAccessible"] = true,
                ["storageEncrypted"] = true,
            });
        });

        var error = Assert.Throws<InfraException>(() => PolicyGate.Enforce(program, Context("prod")));

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == "INF-DATA-001");
        Assert.Equal((ThisFile, (int?)line, "reporting-db", "publiclyAccessible", "true"),
            (diagnostic.File, diagnostic.Line, diagnostic.Resource, diagnostic.Key, diagnostic.Value));
        Assert.Equal("Set publiclyAccessible: false.", diagnostic.Fix);
        Assert.StartsWith($"{ThisFile}:{line}: error INF-DATA-001: No public endpoint on any database host or broker", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_returns_the_report_when_nothing_blocks()
    {
        var program = Synthesize(() => new CustomResource("aws:kms/key:Key", "data", new Props { ["enableKeyRotation"] = true }));

        var report = PolicyGate.Enforce(program, Context("dev"));

        Assert.False(report.HasBlockingFindings);
    }

    [Fact]
    public void Secrets_from_config_count_as_secrets_and_outputs_as_unknown()
    {
        var program = Synthesize(() =>
        {
            var config = new Config();
            var cluster = new CustomResource("aws:rds/cluster:Cluster", "orders", new Props
            {
                ["engine"] = "aurora-postgresql",
                ["masterPassword"] = config.RequireSecret("dbPassword"),
            });
            new CustomResource("aws:rds/clusterInstance:ClusterInstance", "orders-1", new Props
            {
                ["clusterIdentifier"] = cluster.Id,
                ["publiclyAccessible"] = cluster.GetOutput<bool>("publiclyAccessible"),
            });
        }, secretKeys: ["dbPassword"]);

        var report = PolicyPack.Evaluate(program, Context("prod"));

        Assert.Empty(report.Findings("INF-SEC-001"));
        Assert.Equal(FindingStatus.CannotEvaluate, Assert.Single(report.Findings("INF-DATA-001")).Status);
    }

    private static ProgramDocument Synthesize(Action program, IEnumerable<string>? secretKeys = null) =>
        Synthesizer.Synthesize(Deployment.Run(StackConfig.FromValues("infra", "prod", null, secretKeys), program));

    private static PolicyContext Context(string environment) => PolicyFixtures.Context(environment) with { ProgramFile = null };

    private static int Line([CallerLineNumber] int line = 0) => line;
}
