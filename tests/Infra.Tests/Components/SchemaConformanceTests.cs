using Infra.Components;
using Infra.Components.Clusters;
using Infra.Components.Networking;

namespace Infra.Tests.Components;

public sealed class SchemaConformanceTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Network_and_cluster_use_only_names_the_provider_schemas_define(CloudKind cloud, string environment)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, environment);

        Assert.Empty(SchemaNames.Problems(built.Program));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void A_public_cluster_with_pools_labels_and_taints_uses_only_schema_names(CloudKind cloud)
    {
        var built = TestPlatforms.NetworkAndCluster(cloud, "prod", new NetworkArgs { FlowLogs = true }, new KubernetesClusterArgs
        {
            Version = "1.31",
            PublicEndpoint = true,
            PublicEndpointAllowedCidrs = ["203.0.113.0/24"],
            NodePools =
            [
                new NodePoolArgs { Name = "system" },
                new NodePoolArgs
                {
                    Name = "batch",
                    Labels = new Dictionary<string, string> { ["workload"] = "batch" },
                    Taints = [new NodeTaint { Key = "dedicated", Value = "batch" }, new NodeTaint { Key = "spot", Effect = TaintEffect.NoExecute }],
                },
            ],
        });

        Assert.Empty(SchemaNames.Problems(built.Program));
    }
}
