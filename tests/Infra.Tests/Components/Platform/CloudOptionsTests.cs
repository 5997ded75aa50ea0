using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Gcp;
using Infra.Components.Yandex;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Tests.Components.Platforms;

public sealed class CloudOptionsTests
{
    private static IEnumerable<string> Messages(Action create) =>
        Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", create)).Diagnostics.Select(d => d.Message);

    [Fact]
    public void Invalid_aws_options_are_reported_together()
    {
        var options = new AwsOptions
        {
            LogRetentionDays = 10,
            KmsDeletionWindowDays = 3,
            AccessEntries = [new EksAccessEntry { PrincipalArn = "admin", AccessPolicy = "Admin" }],
        };

        Assert.Equal(
        [
            "AwsOptions.LogRetentionDays: 10 days is not a CloudWatch retention period.",
            "AwsOptions.KmsDeletionWindowDays: 3 days is outside 7..30.",
            "AwsOptions.AccessEntries[0].PrincipalArn: 'admin' is not an IAM role or user ARN.",
            "AwsOptions.AccessEntries[0].AccessPolicy: 'Admin' is not an EKS access policy.",
        ], Messages(() => _ = new AwsCloud(TestPlatforms.Settings(CloudKind.Aws, "dev"), options)));
    }

    [Fact]
    public void Invalid_gcp_options_are_reported_together()
    {
        var options = new GcpOptions { Project = "Acme", ProjectNumber = "abc", ReleaseChannel = "UNSPECIFIED", PrivateServicesCidr = "10.200.0.1/16" };

        Assert.Equal(
        [
            "GcpOptions.Project: 'Acme' is not a project ID.",
            "GcpOptions.ProjectNumber: 'abc' is not a project number.",
            "GcpOptions.ReleaseChannel: 'UNSPECIFIED' is not a GKE release channel.",
            "GcpOptions.PrivateServicesCidr: '10.200.0.1/16' has host bits set.",
        ], Messages(() => _ = new GcpCloud(TestPlatforms.Settings(CloudKind.Gcp, "dev"), options)));
    }

    [Fact]
    public void Invalid_yandex_options_are_reported_together()
    {
        var options = TestPlatforms.YandexOptions with { FolderId = "folder", ReleaseChannel = "FAST", LogRetentionPeriod = "3d" };

        Assert.Equal(
        [
            "YandexOptions.FolderId: 'folder' is not a Yandex Cloud ID.",
            "YandexOptions.ReleaseChannel: 'FAST' is not a Managed Kubernetes release channel.",
            "YandexOptions.LogRetentionPeriod: '3d' is not a duration.",
        ], Messages(() => _ = new YandexCloud(TestPlatforms.Settings(CloudKind.Yandex, "dev"), options)));
    }

    [Theory]
    [InlineData(CloudKind.Aws, "aws", "7.48.0")]
    [InlineData(CloudKind.Gcp, "gcp", "9.35.0")]
    [InlineData(CloudKind.Yandex, "yandex", null)]
    public void Each_cloud_declares_its_default_provider_once(CloudKind cloud, string package, string? version)
    {
        var program = TestPlatforms.NetworkAndCluster(cloud, "prod").Program;

        var provider = Assert.Single(program.Resources, r => r.DefaultProvider);
        Assert.Equal($"pulumi:providers:{package}", provider.Type);
        Assert.Equal(version, (provider.Options?["version"] as StringNode)?.Value);
        Assert.Single(program.Resources, r => r.Type == $"pulumi:providers:{package}");
        var settings = TestPlatforms.Settings(cloud, "prod");
        switch (cloud)
        {
            case CloudKind.Aws:
                Assert.Equal(settings.Region, provider.Text("region"));
                Assert.Equal("platform", provider.Get("defaultTags")!.Get("tags")!.Text("team"));
                break;
            case CloudKind.Gcp:
                Assert.Equal(("acme-platform", settings.Region), (provider.Text("project"), provider.Text("region")));
                Assert.Equal("platform", provider.Get("defaultLabels")!.Text("team"));
                break;
            default:
                Assert.Equal((TestPlatforms.YandexOptions.CloudId, TestPlatforms.YandexOptions.FolderId, settings.Zones[0]),
                    (provider.Text("cloudId"), provider.Text("folderId"), provider.Text("zone")));
                break;
        }
    }

    [Fact]
    public void Cloud_options_are_read_from_stack_config_with_camel_case_keys()
    {
        AwsOptions? aws = null;
        GcpOptions? gcp = null;
        YandexOptions? yandex = null;
        var config = new Dictionary<string, string>
        {
            ["aws"] = """{"logRetentionDays": 90, "accessEntries": [{"principalArn": "arn:aws:iam::123456789012:role/admins", "accessPolicy": "AmazonEKSClusterAdminPolicy"}]}""",
            ["gcp"] = """{"project": "acme-prod", "projectNumber": "123456789012", "releaseChannel": "STABLE"}""",
            ["yandex"] = """{"cloudId": "b1gcloud000000000001", "folderId": "b1gfolder00000000001", "cliProfile": "prod"}""",
        };

        Deployment.Run(StackConfig.FromValues("infra", "prod", config), () =>
        {
            var read = new Config();
            aws = read.RequireObject<AwsOptions>("aws");
            gcp = read.RequireObject<GcpOptions>("gcp");
            yandex = read.RequireObject<YandexOptions>("yandex");
        });

        Assert.Equal(90, aws!.LogRetentionDays);
        Assert.True(aws.BootstrapClusterCreatorAdmin);
        Assert.Equal("AmazonEKSClusterAdminPolicy", Assert.Single(aws.AccessEntries).AccessPolicy);
        Assert.Equal(("acme-prod", "STABLE", "e2-standard-4"), (gcp!.Project, gcp.ReleaseChannel, gcp.DefaultMachineType));
        Assert.Equal(("prod", "REGULAR"), (yandex!.CliProfile, yandex.ReleaseChannel));
    }
}
