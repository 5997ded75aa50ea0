using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;
using Infra.Stacks.Samples;
using Infra.Tests.Support;

namespace Infra.Tests.Synthesis;

public class SampleStackTests
{
    private static string Synthesize() => YamlWriter.Write(Synthesizer.Synthesize(Deployment.Run(
        StackConfig.FromValues("infra", "dev", new Dictionary<string, string> { ["appName"] = "shop", ["aws:region"] = "eu-west-1" }, ["databasePassword"]),
        () => new SampleStack())));

    [Fact]
    public void The_sample_stack_synthesizes_to_the_same_bytes_twice()
    {
        Assert.Equal(Synthesize(), Synthesize());
    }

    [Fact]
    public void Golden_sample_stack_matches_the_reviewed_program()
    {
        GoldenFile.AssertMatches("sample-dev.yaml", Synthesize());
    }

    [Fact]
    public void The_secret_config_value_is_a_reference_and_its_plaintext_is_nowhere()
    {
        var yaml = Synthesize();
        Assert.Contains("fn::secret: ${infra:databasePassword}", yaml);
        Assert.Contains("API_KEY: ${shop-api-key.result}", yaml);
        Assert.Contains("apiKey:\n    fn::secret: ${shop-api-key.result}\n", yaml);
    }
}
