using Infra.Core.Configuration;
using Infra.Stacks;
using Infra.Stacks.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Composition;

/// <summary>The platform stack's configs: the real dev/prod stacks (AWS) and the per-cloud examples.</summary>
public static class PlatformStacks
{
    public static readonly string[] Clouds = ["aws", "gcp", "yandex"];

    public static readonly string[] Environments = ["dev", "prod"];

    public static TheoryData<string, string> CloudsAndEnvironments()
    {
        var data = new TheoryData<string, string>();
        foreach (var cloud in Clouds)
        {
            foreach (var environment in Environments)
            {
                data.Add(cloud, environment);
            }
        }

        return data;
    }

    /// <summary>The stack file: Pulumi.&lt;env&gt;.yaml for AWS, stacks/examples/&lt;cloud&gt;/Pulumi.&lt;env&gt;.yaml for the others.</summary>
    public static string StackFile(string cloud, string environment) => cloud == "aws"
        ? Path.Combine(RepositoryPaths.Root, $"Pulumi.{environment}.yaml")
        : Path.Combine(RepositoryPaths.Root, "stacks", "examples", cloud, $"Pulumi.{environment}.yaml");

    public static StackConfig Config(string cloud, string environment) => StackConfig.FromFile(StackFile(cloud, environment), "infra", environment);

    /// <summary>Synthesizes with the policy gate on, exactly as `infra synth` and `pulumi up` do.</summary>
    public static SynthesisResult Synthesize(string cloud, string environment) =>
        new SynthesisPipeline(ProjectProgram.Definition, () => new DateOnly(2026, 11, 22)).Run(Config(cloud, environment));
}
