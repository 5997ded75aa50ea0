using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Schema;

/// <summary>What <see cref="YamlWriter"/> writes, <see cref="ProgramReader"/> reads back to a program that writes the same text.</summary>
public sealed class ProgramReaderRoundTripTests
{
    [Fact]
    public void A_synthesized_program_reads_back_and_writes_the_same_text()
    {
        var program = SchemaPrograms.Build(() =>
        {
            var provider = new ProviderResource("aws", "eu", new Props { ["region"] = "eu-west-1" }, isDefault: true);
            var explicitProvider = new ProviderResource("aws", "us", new Props { ["region"] = "us-east-1", ["maxRetries"] = 5 });
            var vpc = new CustomResource("aws:ec2/vpc:Vpc", "main.vpc", new Props
            {
                ["cidrBlock"] = "10.0.0.0/16",
                ["enableDnsSupport"] = true,
                ["tags"] = new Props
                {
                    ["Name"] = "main",
                    ["Cost"] = "5$ a day, ${not} an expression, $$ twice",
                    ["Looks-like-bool"] = "true",
                    ["Looks-like-number"] = "0123",
                    ["Empty"] = "",
                    ["Spaces"] = " leading and trailing ",
                    ["Unicode"] = "grüße — 東京",
                },
            });
            var role = new CustomResource("aws:iam/role:Role", "role", new Props
            {
                ["assumeRolePolicy"] = Output.JsonSerialize(new Props
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new Input[] { new Props { ["Effect"] = "Allow", ["Action"] = new[] { "sts:AssumeRole" } } },
                }),
                ["description"] = "line one\nline two\n",
                ["maxSessionDuration"] = 3600,
                ["inlinePolicies"] = new Input[0],
            }, new CustomResourceOptions { Provider = explicitProvider, Protect = true, DependsOn = [vpc], IgnoreChanges = ["tags"] });
            var account = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", new Props { ["id"] = "me" },
                new InvokeOptions { Provider = explicitProvider }, "accountId");
            _ = new CustomResource("aws:s3/bucket:Bucket", "assets", new Props
            {
                ["bucket"] = Output.Format($"assets-{account}-${{literal}}-{role.GetOutput<string>("arn")}$"),
                ["forceDestroy"] = false,
                ["policy"] = Fn.Secret<string>(Fn.Join(",", new[] { "a", "b" })),
                ["tags"] = new Props { ["Ratio"] = 2.5, ["Negative"] = -1, ["Big"] = 9007199254740993L, ["Nested"] = new Props() },
                ["website"] = new Props { ["indexDocument"] = Fn.ReadFile("index.html") },
            }, new CustomResourceOptions
            {
                CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(30), Delete = TimeSpan.FromHours(1.5) },
                Aliases = [new Alias { Name = "old-assets" }, new Alias { Urn = "urn:pulumi:dev::infra::aws:s3/bucket:Bucket::older" }],
                DeleteBeforeReplace = true,
                RetainOnDelete = true,
                Version = "7.48.0",
            });
            _ = new CustomResource("aws:s3/bucket:Bucket", "existing", new Props { ["bucket"] = "existing-bucket" },
                new CustomResourceOptions { Id = "existing-bucket" });
            var reference = new StackReference("network", "acme/network/dev");
            Deployment.Current.Export("vpcId", vpc.Id);
            Deployment.Current.Export("peer", reference.GetStackOutput<string>("vpc.id"));
            Deployment.Current.Export("archive", Fn.AssetArchive(new Props { ["app.js"] = Fn.FileAsset("dist/app.js") }));
        });
        var written = YamlWriter.Write(program);

        var read = ProgramReader.Read(written, "Main.yaml");
        var rewritten = YamlWriter.Write(read);

        Assert.Equal(written, rewritten);
        Assert.Equal(program.Resources.Select(r => (r.Key, r.Type, r.Name, r.DefaultProvider)), read.Resources.Select(r => (r.Key, r.Type, r.Name, r.DefaultProvider)));
    }

    [Fact]
    public void Literal_dollars_survive_the_round_trip_as_the_same_text()
    {
        var program = SchemaPrograms.Build(() => _ = new CustomResource("aws:s3/bucket:Bucket", "b", new Props
        {
            ["bucket"] = "$${x} $$ $ ${y}$",
        }));

        var read = ProgramReader.Read(YamlWriter.Write(program));

        var bucket = Assert.IsType<StringNode>(read.Resources[0].Properties!["bucket"]);
        Assert.Equal("$${x} $$ $ ${y}$", bucket.Value);
    }
}
