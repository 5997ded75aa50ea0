using Infra.Core;
using Infra.Core.Diagnostics;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Synthesis;

/// <summary>Every resource option Pulumi YAML supports, and the YAML it is written as.</summary>
public class ResourceOptionsTests
{
    public static TheoryData<string, Func<Resource, Resource, ProviderResource, CustomResourceOptions>, string> Options => new()
    {
        { "parent", (other, _, _) => new() { Parent = other }, "      parent: ${other}\n" },
        { "provider", (_, _, p) => new() { Provider = p }, "      provider: ${east}\n" },
        { "dependsOn", (other, third, _) => new() { DependsOn = [other, third] }, "      dependsOn:\n        - ${other}\n        - ${third}\n" },
        { "protect", (_, _, _) => new() { Protect = true }, "      protect: true\n" },
        { "protect from config", (_, _, _) => new() { Protect = new Config().Reference<bool>("protect") }, "      protect: ${infra:protect}\n" },
        { "ignoreChanges", (_, _, _) => new() { IgnoreChanges = ["tags", "tags[\"Owner\"]"] }, "      ignoreChanges:\n        - tags\n        - \"tags[\\\"Owner\\\"]\"\n" },
        { "version", (_, _, _) => new() { Version = "7.48.0" }, "      version: \"7.48.0\"\n" },
        { "customTimeouts", (_, _, _) => new() { CustomTimeouts = new() { Create = TimeSpan.FromMinutes(90), Delete = TimeSpan.FromSeconds(45), Read = TimeSpan.FromMinutes(5) } },
            "      customTimeouts:\n        create: \"1h30m\"\n        delete: \"45s\"\n        read: \"5m\"\n" },
        { "aliases", (other, _, _) => new() { Aliases = [new() { Urn = "urn:pulumi:dev::infra::aws:s3/bucket:Bucket::old" }, new() { Name = "old", Parent = other }, new() { Name = "older", NoParent = true }] },
            "      aliases:\n        - urn:pulumi:dev::infra::aws:s3/bucket:Bucket::old\n        - name: old\n          parent: ${other}\n        - name: older\n          noParent: true\n" },
        { "replaceOnChanges", (_, _, _) => new() { ReplaceOnChanges = ["bucket"] }, "      replaceOnChanges:\n        - bucket\n" },
        { "pluginDownloadURL", (_, _, _) => new() { PluginDownloadURL = "https://example.com/plugins" }, "      pluginDownloadURL: https://example.com/plugins\n" },
        { "retainOnDelete", (_, _, _) => new() { RetainOnDelete = true }, "      retainOnDelete: true\n" },
        { "deletedWith", (other, _, _) => new() { DeletedWith = other }, "      deletedWith: ${other}\n" },
        { "replaceWith", (other, _, _) => new() { ReplaceWith = [other] }, "      replaceWith:\n        - ${other}\n" },
        { "hideDiffs", (_, _, _) => new() { HideDiffs = ["tags"] }, "      hideDiffs:\n        - tags\n" },
        { "replacementTrigger", (_, _, _) => new() { ReplacementTrigger = "v2" }, "      replacementTrigger: v2\n" },
        { "deleteBeforeReplace", (_, _, _) => new() { DeleteBeforeReplace = true }, "      deleteBeforeReplace: true\n" },
        { "additionalSecretOutputs", (_, _, _) => new() { AdditionalSecretOutputs = ["arn"] }, "      additionalSecretOutputs:\n        - arn\n" },
        { "import", (_, _, _) => new() { ImportId = "my-existing-bucket" }, "      import: my-existing-bucket\n" },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Option_is_written_with_its_yaml_spelling(string option, Func<Resource, Resource, ProviderResource, CustomResourceOptions> build, string yaml)
    {
        var text = Programs.Yaml(() =>
        {
            _ = new Config().Get("protect");
            var other = new CustomResource("aws:s3/bucket:Bucket", "other");
            var third = new CustomResource("aws:s3/bucket:Bucket", "third");
            var east = new ProviderResource("aws", "east", new Props { ["region"] = "us-east-1" });
            _ = new CustomResource("aws:s3/bucket:Bucket", "subject", new Props { ["bucket"] = "x" }, build(other, third, east));
        }, Programs.Config(values: new Dictionary<string, string> { ["protect"] = "true" }));
        Assert.True(option.Length > 0);
        Assert.EndsWith("    options:\n" + yaml, Programs.ResourceYaml(text, "subject"));
    }

    [Fact]
    public void Env_var_mappings_and_default_providers_are_written_on_provider_resources()
    {
        var text = Programs.Yaml(() => _ = new ProviderResource("aws", "aws", new Props { ["region"] = "eu-west-1" },
            new CustomResourceOptions { Version = "7.48.0", EnvVarMappings = new Dictionary<string, string> { ["AWS_PROFILE"] = "INFRA_AWS_PROFILE" } }, isDefault: true));
        Assert.Equal("""
              aws:
                type: pulumi:providers:aws
                defaultProvider: true
                properties:
                  region: eu-west-1
                options:
                  version: "7.48.0"
                  envVarMappings:
                    AWS_PROFILE: INFRA_AWS_PROFILE

            """, Programs.ResourceYaml(text, "aws"));
    }

    [Fact]
    public void A_read_resource_is_written_with_get()
    {
        var text = Programs.Yaml(() => _ = new CustomResource("aws:ec2/vpc:Vpc", "existing", new Props { ["cidrBlock"] = "10.0.0.0/16" },
            new CustomResourceOptions { Id = "vpc-123" }));
        Assert.Equal("  existing:\n    type: aws:ec2/vpc:Vpc\n    get:\n      id: vpc-123\n      state:\n        cidrBlock: \"10.0.0.0/16\"\n", Programs.ResourceYaml(text, "existing"));
    }

    [Fact]
    public void Literal_only_constraints_are_enforced_when_the_program_is_built()
    {
        var error = Assert.Throws<InfraException>(() => Programs.Synthesize(() =>
        {
            var bucket = new CustomResource("aws:s3/bucket:Bucket", "b");
            var k8s = new ProviderResource("kubernetes", "k8s");
            var component = new ComponentResource("infra:index:Thing", "thing");
            _ = new CustomResource("aws:s3/bucket:Bucket", "bad", null, new CustomResourceOptions
            {
                Protect = bucket.GetOutput<bool>("forceDestroy"),
                Version = "latest",
                Provider = k8s,
                IgnoreChanges = ["tags..x"],
                ImportId = "b-1",
                Id = "b-1",
                Aliases = [new() { Name = "old", Parent = component }],
                EnvVarMappings = new Dictionary<string, string> { ["A"] = "B" },
            });
        }));
        Assert.Equal(
        [
            "Option 'version' of 'bad': 'latest' is not a semantic version.",
            "Option 'ignoreChanges' of 'bad': Invalid property path 'tags..x': a property name is missing at position 5",
            "Option 'protect' of 'bad': it refers to a resource output.",
            "Option 'provider' of 'bad': provider 'k8s' serves package 'kubernetes', but aws:s3/bucket:Bucket belongs to 'aws'.",
            "Option 'aliases' of 'bad': alias parent 'thing' is a component, which is not part of the program.",
            "Option 'import' of 'bad': both ImportId (adopt) and Id (read) are set.",
            "Option 'envVarMappings' of 'bad': only provider resources take environment variable mappings.",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.All(error.Diagnostics, d =>
        {
            Assert.Equal("tests/Infra.Tests/Synthesis/ResourceOptionsTests.cs", d.File);
            Assert.NotNull(d.Fix);
        });
    }

    [Fact]
    public void A_component_cannot_take_both_provider_and_providers()
    {
        var error = Assert.Throws<ArgumentException>(() => Programs.Synthesize(() =>
        {
            var aws = new ProviderResource("aws", "aws");
            _ = new ComponentResource("infra:index:Thing", "thing", new ComponentResourceOptions { Provider = aws, Providers = [aws] });
        }));
        Assert.StartsWith("Component 'thing': give Provider or Providers, not both.", error.Message);
    }
}
