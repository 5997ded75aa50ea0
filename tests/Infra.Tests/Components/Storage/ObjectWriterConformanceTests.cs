using Infra.Components;
using Infra.Components.Storage;
using Infra.Core.Schema;
using Infra.Policies;
using Infra.Tests.Policies;
using Infra.Tests.Schema;

namespace Infra.Tests.Components.Storage;

/// <summary>Programs with a write grant, and with a bucket in another region, against the provider schemas and the prod policy pack.</summary>
public sealed class ObjectWriterConformanceTests
{
    [SchemaTheory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void A_program_with_a_grant_checks_clean_against_the_provider_schemas(CloudKind cloud, string environment)
    {
        var result = SchemaCheck.Check(WriterPrograms.Build(cloud, environment).Program, TestSchemas.Set);

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
    }

    [SchemaTheory]
    [InlineData(CloudKind.Aws, "eu-central-1")]
    [InlineData(CloudKind.Gcp, "europe-west4")]
    public void A_program_with_a_bucket_in_another_region_checks_clean_against_the_provider_schemas(CloudKind cloud, string region)
    {
        var result = SchemaCheck.Check(WriterPrograms.Build(cloud, "prod", new ObjectStorageArgs { Region = region }).Program, TestSchemas.Set);

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_prod_policy_pack_passes_a_program_with_a_grant(CloudKind cloud)
    {
        var report = PolicyPack.Evaluate(WriterPrograms.Build(cloud, "prod").Program, PolicyFixtures.Context("prod") with { ProgramFile = null });

        Assert.Empty(report.Errors);
        Assert.Empty(report.Blocking);

        // The only remark on the grant is Yandex's static key, which no pod identity can replace there.
        var onGrant = report.Findings.Where(f => f.Resource.LogicalName.StartsWith("backups-writer-", StringComparison.Ordinal))
            .Select(f => (f.RuleId, f.Resource.LogicalName)).ToList();
        Assert.Equal(cloud == CloudKind.Yandex ? [("INF-IAM-004", "backups-writer-events-backup-key")] : [], onGrant);
    }
}
