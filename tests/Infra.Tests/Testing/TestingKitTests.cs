using System.Collections.Immutable;
using Infra.Core;
using Infra.Core.Values;
using Infra.Stacks.Samples;
using Infra.Testing;
using Moq;

namespace Infra.Tests.Testing;

public class TestingKitTests
{
    private static readonly TestOptions SampleOptions = new()
    {
        StackName = "dev",
        Config = new Dictionary<string, string> { ["appName"] = "shop", ["aws:region"] = "eu-west-1" },
        SecretConfig = new Dictionary<string, string> { ["databasePassword"] = "s3cret" },
    };

    private static Mock<IMocks> EchoMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs a) =>
        {
            var state = a.Inputs.ToDictionary(i => i.Key, i => i.Value);
            if (a.Type == "aws:s3/bucket:Bucket")
            {
                state["arn"] = $"arn:aws:s3:::{a.Name}";
                state["bucketRegionalDomainName"] = $"{a.Name}.s3.eu-west-1.amazonaws.com";
            }

            if (a.Type == "random:index/randomPassword:RandomPassword")
            {
                state["result"] = "generated-key";
            }

            return (a.IsComponent ? null : $"{a.Name}-id", (object)state);
        });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs a) =>
            (object)new Dictionary<string, object?> { ["accountId"] = "123456789012", ["token"] = a.Token });
        return mocks;
    }

    [Fact]
    public async Task Every_resource_is_registered_with_evaluated_inputs()
    {
        var mocks = EchoMocks();
        var result = await InfraTest.RunAsync(() => new SampleStack(), mocks.Object, SampleOptions);

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Exactly(9));
        var secret = Assert.Single(result.OfType("kubernetes:core/v1:Secret"));
        var data = (ImmutableDictionary<string, object?>)result.Registration(secret).Inputs["stringData"]!;
        Assert.Equal("s3cret", data["DATABASE_PASSWORD"]);
        Assert.Equal("generated-key", data["API_KEY"]);
        Assert.Equal("https://shop-assets.s3.eu-west-1.amazonaws.com/", data["ASSETS_URL"]);
        Assert.Contains("stringData", result.Registration(secret).SecretProperties);
    }

    [Fact]
    public async Task Stack_outputs_are_evaluated_and_secrets_stay_secret()
    {
        var result = await InfraTest.RunAsync(() => new SampleStack(), EchoMocks().Object, SampleOptions);
        Assert.Equal(new EvaluatedValue("arn:aws:s3:::shop-assets", false), result.StackOutputs["bucketArn"]);
        Assert.Equal(new EvaluatedValue("generated-key", true), result.StackOutputs["apiKey"]);
    }

    [Fact]
    public async Task Invokes_go_to_the_mocks_and_return_the_requested_field()
    {
        Output<string>? account = null;
        var mocks = EchoMocks();
        var result = await InfraTest.RunAsync(() =>
        {
            account = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", returnField: "accountId");
            _ = new CustomResource("aws:s3/bucket:Bucket", "b", new Props { ["bucket"] = Output.Format($"logs-{account}") });
        }, mocks.Object);
        Assert.Equal("123456789012", await result.GetValueAsync(account!));
        Assert.Equal("logs-123456789012", result.Registration(result.OfType("aws:s3/bucket:Bucket")[0]).Inputs["bucket"]);
        mocks.Verify(m => m.CallAsync(It.Is<MockCallArgs>(c => c.Token == "aws:index/getCallerIdentity:getCallerIdentity")), Times.AtLeastOnce);
    }

    [Fact]
    public async Task Components_are_registered_and_children_see_parent_providers()
    {
        var mocks = EchoMocks();
        await InfraTest.RunAsync(() =>
        {
            var eu = new ProviderResource("aws", "eu");
            var component = new ComponentResource("infra:index:Thing", "thing", new ComponentResourceOptions { Providers = [eu] });
            _ = new CustomResource("aws:s3/bucket:Bucket", "thing-b", null, new CustomResourceOptions { Parent = component });
        }, mocks.Object);
        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.IsComponent && a.Type == "infra:index:Thing")), Times.Once);
        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Name == "thing-b" && a.Provider == "eu")), Times.Once);
    }

    [Fact]
    public async Task Parallel_runs_do_not_share_state()
    {
        var runs = Enumerable.Range(0, 16).Select(i => Task.Run(() => InfraTest.RunAsync(
            () => _ = new CustomResource("aws:s3/bucket:Bucket", $"bucket-{i}"), EchoMocks().Object, new TestOptions { StackName = $"s{i}" })));
        var results = await Task.WhenAll(runs);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"bucket-{i}", Assert.Single(results[i].Program.Resources).LogicalName);
            Assert.Equal($"s{i}", results[i].Deployment.StackName);
        }
    }
}
