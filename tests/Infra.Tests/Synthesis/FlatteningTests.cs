using Infra.Core;
using Infra.Core.Diagnostics;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Synthesis;

public class FlatteningTests
{
    private sealed class Website : ComponentResource
    {
        public Website(string name, ComponentResourceOptions? options = null)
            : base("acme:web:Website", name, options)
        {
            var assets = new CustomResource("aws:s3/bucket:Bucket", ChildName("assets"), null, ChildOptions);
            var logs = new CustomResource("aws:s3/bucket:Bucket", ChildName("logs"), null, new CustomResourceOptions { Parent = this, Protect = false });
            _ = new CustomResource("aws:s3/bucketPolicy:BucketPolicy", ChildName("assets-policy"),
                new Props { ["bucket"] = assets.Id, ["policy"] = "{}" }, new CustomResourceOptions { Parent = assets });
            Assets = assets.GetOutput<string>("arn");
            RegisterOutputs([new("assets", Assets), new("logs", logs.GetOutput<string>("arn"))]);
        }

        public Output<string> Assets { get; }
    }

    [Fact]
    public void Children_stand_at_top_level_with_inherited_provider_protect_and_retain()
    {
        var text = Programs.Yaml(() =>
        {
            var eu = new ProviderResource("aws", "eu", new Props { ["region"] = "eu-west-1" });
            _ = new Website("shop", new ComponentResourceOptions { Providers = [eu], Protect = true, RetainOnDelete = true });
        });
        Assert.Equal(
            "  shop-assets:\n    type: aws:s3/bucket:Bucket\n    options:\n      provider: ${eu}\n      protect: true\n      retainOnDelete: true\n",
            Programs.ResourceYaml(text, "shop-assets"));
        // An explicit value on the child wins over the inherited one.
        Assert.Contains("      protect: false\n", Programs.ResourceYaml(text, "shop-logs"));
        // A custom parent is a real resource of the program and stays the parent.
        Assert.Contains("      parent: ${shop-assets}\n      provider: ${eu}\n", Programs.ResourceYaml(text, "shop-assets-policy"));
        Assert.DoesNotContain("acme:web:Website", text);
    }

    [Fact]
    public void The_model_keeps_the_tree_while_the_program_is_flat()
    {
        Deployment deployment = null!;
        var program = Programs.Synthesize(() =>
        {
            _ = new Website("a");
            _ = new Website("b");
            deployment = Deployment.Current;
        });
        Assert.Equal(["a-assets", "a-logs", "a-assets-policy", "b-assets", "b-logs", "b-assets-policy"], program.Resources.Select(r => r.LogicalName));
        var website = Assert.IsType<ComponentResource>(deployment.Resources.First(r => r.Name == "a"), exactMatch: false);
        Assert.Equal(["a-assets", "a-logs"], website.Children.Select(c => c.Name));
        Assert.Equal(["assets", "logs"], website.RegisteredOutputs.Select(o => o.Key));
        Assert.Equal("tests/Infra.Tests/Synthesis/FlatteningTests.cs", program.Resources[0].DeclaredAt.RelativeFile);
    }

    [Fact]
    public void Depending_on_a_component_means_depending_on_every_resource_in_it()
    {
        var text = Programs.Yaml(() =>
        {
            var site = new Website("site");
            _ = new CustomResource("aws:s3/bucket:Bucket", "after", null, new CustomResourceOptions { DependsOn = [site] });
        });
        Assert.Contains("      dependsOn:\n        - ${site-assets}\n        - ${site-assets-policy}\n        - ${site-logs}\n", Programs.ResourceYaml(text, "after"));
    }

    [Fact]
    public void A_component_cannot_be_referenced_as_a_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Programs.Synthesize(() =>
        {
            var site = new Website("site");
            _ = site.Urn;
        }));
        Assert.StartsWith("'site' (acme:web:Website) is a component", error.Message);
    }

    [Fact]
    public void Duplicate_names_of_one_type_are_refused_with_both_places()
    {
        var error = Assert.Throws<InfraException>(() => Programs.Synthesize(() =>
        {
            _ = new CustomResource("aws:s3/bucket:Bucket", "data");
            _ = new CustomResource("aws:s3/bucket:Bucket", "data");
        }));
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-PROGRAM-001", problem.Code);
        Assert.Matches(@"^Duplicate resource: 'data' of type aws:s3/bucket:Bucket was already declared at tests/Infra.Tests/Synthesis/FlatteningTests.cs:\d+\.$", problem.Message);
    }

    [Fact]
    public void Same_name_of_different_types_gets_distinct_keys_and_keeps_its_logical_name()
    {
        var program = Programs.Synthesize(() =>
        {
            _ = new CustomResource("kubernetes:apps/v1:Deployment", "web");
            _ = new CustomResource("kubernetes:core/v1:Service", "web");
            _ = new CustomResource("aws:s3/bucket:Bucket", "my.bucket");
        });
        Assert.Equal(["web", "web-service", "my-bucket"], program.Resources.Select(r => r.Key));
        Assert.Equal(["web", "web", "my.bucket"], program.Resources.Select(r => r.LogicalName));
    }

    [Fact]
    public void Names_that_clean_up_to_the_same_key_are_numbered_in_declaration_order()
    {
        const string unsafeCharacters = "./ :@+=,;!~*()[]{}<>?";
        var names = unsafeCharacters.SelectMany(first => unsafeCharacters.Select(second => $"x{first}{second}")).ToArray();

        var program = Programs.Synthesize(() =>
        {
            _ = new CustomResource("aws:s3/bucket:Bucket", "x---bucket-3");
            foreach (var name in names)
            {
                _ = new CustomResource("aws:s3/bucket:Bucket", name);
            }
        });

        // x---bucket-3 was taken first, so numbering skips it.
        string[] expected = ["x---bucket-3", "x--", "x---bucket", "x---bucket-2", .. Enumerable.Range(4, names.Length - 3).Select(n => $"x---bucket-{n}")];
        Assert.Equal(expected, program.Resources.Select(r => r.Key));
        Assert.Equal(["x---bucket-3", .. names], program.Resources.Select(r => r.LogicalName));
    }
}
