using Infra.Components;
using Infra.Components.Edge;
using Infra.Components.Messaging;
using Infra.Components.Storage;
using Infra.Core.Synthesis;
using Infra.Tests.Components.Kubernetes;

namespace Infra.Tests.Components.Edge;

public sealed class EdgeSchemaTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void The_edge_uses_only_names_and_value_kinds_the_provider_schemas_define(CloudKind cloud, string environment)
    {
        var program = EdgePrograms.Build(cloud, environment).Program;

        Assert.Empty(SchemaNames.Problems(program));
        Assert.Empty(ValueKindProblems(program));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Variants_of_the_args_stay_within_the_schemas(CloudKind cloud)
    {
        var program = EdgePrograms.Build(cloud, "dev",
            kafka: a => a with
            {
                ZoneCount = 1,
                BrokersPerZone = 2,
                BrokerCpus = 4,
                BrokerMemoryGb = 16,
                CustomerManagedKey = true,
                Topics = [new KafkaTopicArgs { Name = "orders", RetentionHours = -1, CleanupPolicy = KafkaCleanupPolicy.Compact }, new KafkaTopicArgs { Name = "payments" }],
            },
            storage: a => a with { AccessLogs = true, CustomerManagedKey = true, Versioning = true },
            cdn: a => a with { SecurityHeaders = false, Waf = true, HostOrigin = cloud == CloudKind.Aws ? new CdnHostOrigin("shop.example.com") : null },
            ingress: a => a with { InternetFacing = false, Waf = true, AllowedSourceCidrs = ["10.0.0.0/8"], Cors = null }).Program;

        Assert.Empty(SchemaNames.Problems(program));
        Assert.Empty(ValueKindProblems(program));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void A_bucket_without_a_cdn_stays_within_the_schemas(CloudKind cloud)
    {
        var program = TestPlatforms.Synthesize("prod", () =>
            new ObjectStorage("data", new ObjectStorageArgs { LifecycleRules = [new LifecycleRule { Id = "expire", ExpireAfterDays = 30 }] },
                TestPlatforms.Create(cloud, "prod")));

        Assert.Empty(SchemaNames.Problems(program));
        Assert.Empty(ValueKindProblems(program));
    }

    /// <summary>Scalar kinds (string, integer, number, boolean) of the AWS, GCP, Kubernetes and random inputs.</summary>
    private static IEnumerable<string> ValueKindProblems(ProgramDocument program) =>
        program.Resources
            .Where(r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal) && !r.Type.StartsWith("yandex:", StringComparison.Ordinal))
            .SelectMany(r => ProviderSchema.Load(r.Type[..r.Type.IndexOf(':', StringComparison.Ordinal)]).Problems(r));
}
