using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Stacks;
using Infra.Stacks.Cli;
using Infra.Tests.Components;

namespace Infra.Tests.Composition;

/// <summary>The platform's backups of its in-cluster databases, as the six real stack configs produce them.</summary>
public sealed class PlatformBackupTests
{
    /// <summary>Which databases each cloud runs in the cluster (the README's component table); the others are managed.</summary>
    public static TheoryData<string, string, string[]> InClusterDatabases()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var environment in PlatformStacks.Environments)
        {
            data.Add("aws", environment, ["events"]);
            data.Add("gcp", environment, ["catalog", "events"]);
            data.Add("yandex", environment, []);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InClusterDatabases))]
    public void Every_in_cluster_database_and_only_those_get_a_daily_backup_job(string cloud, string environment, string[] databases)
    {
        var program = PlatformStacks.Synthesize(cloud, environment).Program;

        var jobs = program.OfType("kubernetes:batch/v1:CronJob").Where(j => j.Get("metadata.labels") is MapNode labels && labels["app.kubernetes.io/component"] is StringNode { Value: "backup" }).ToList();
        Assert.Equal(databases.Select(d => $"{d}-backup"), jobs.Select(j => j.Text("metadata.name")).Order(StringComparer.Ordinal));
        Assert.All(jobs, job =>
        {
            Assert.Equal("0 3 * * *", job.Text("spec.schedule"));
            Assert.Equal("Etc/UTC", job.Text("spec.timeZone"));
        });
    }

    [Theory]
    [InlineData("aws", "dev", new[] { "acme-dev-backups" })]
    [InlineData("aws", "prod", new[] { "acme-prod-backups", "acme-prod-backups-copy" })]
    [InlineData("gcp", "dev", new[] { "acme-dev-backups" })]
    [InlineData("gcp", "prod", new[] { "acme-prod-backups", "acme-prod-backups-copy" })]
    public void Dumps_go_to_the_backups_bucket_and_in_prod_also_to_the_copy_in_the_second_region(string cloud, string environment, string[] buckets)
    {
        var program = PlatformStacks.Synthesize(cloud, environment).Program;

        var job = Resource(program, "events-backup-cronjob");
        var uploads = job.List("spec.jobTemplate.spec.template.spec.containers");
        Assert.Equal(buckets, uploads.Select(c => EnvValue(c, "BUCKET")));
        Assert.All(uploads, c => Assert.Equal("clickhouse/events/", EnvValue(c, "PREFIX")));
    }

    [Theory]
    [InlineData("dev", 7)]
    [InlineData("prod", 30)]
    public void The_backups_bucket_expires_dumps_after_the_configured_retention(string environment, int days)
    {
        var program = PlatformStacks.Synthesize("aws", environment).Program;

        var rule = Assert.Single(Resource(program, "backups-lifecycle").List("rules"));
        Assert.Equal("expire-dumps", rule.Text("id"));
        Assert.Equal(days, Assert.IsType<IntegerNode>(rule.Get("expiration")!.Get("days")).Value);
    }

    [Fact]
    public void The_copy_bucket_lives_in_the_configured_second_region()
    {
        var program = PlatformStacks.Synthesize("aws", "prod").Program;

        Assert.Equal("eu-west-1", Resource(program, "backups-copy-bucket").Text("region"));
        Assert.Null(Resource(program, "backups-bucket").Get("region"));
    }

    [Fact]
    public void A_retention_below_one_day_is_a_config_error_naming_the_key()
    {
        var error = Assert.Throws<InfraException>(() => SynthesizeDevWith("    retentionDays: 7", "    retentionDays: 0"));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("infra:backups", problem.Key);
        Assert.Equal("retentionDays is at least 1 (days a dump is kept)", problem.Rule);
        Assert.Equal("Set infra:backups.retentionDays to e.g. 30.", problem.Fix);
    }

    [Fact]
    public void Switching_backups_off_removes_the_jobs_and_the_bucket()
    {
        var program = SynthesizeDevWith("  infra:backups:\n", "  infra:components:\n    backups: false\n  infra:backups:\n").Program;

        Assert.DoesNotContain(program.Resources, r => r.LogicalName.Contains("backup", StringComparison.Ordinal));
    }

    private static string? EnvValue(Node container, string suffix) =>
        Assert.IsType<ListNode>(container.Get("env")).Items.Where(e => e.Text("name")!.EndsWith(suffix, StringComparison.Ordinal)).Select(e => e.Text("value")).Single();

    private static ResourceDecl Resource(ProgramDocument program, string logicalName) => Assert.Single(program.Resources, r => r.LogicalName == logicalName);

    private static SynthesisResult SynthesizeDevWith(string find, string replace)
    {
        var text = File.ReadAllText(PlatformStacks.StackFile("aws", "dev"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"infra-backups-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
            return new SynthesisPipeline(ProjectProgram.Definition, () => new DateOnly(2026, 11, 22)).Run(StackConfig.FromFile(path, "infra", "dev"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
