using Infra.Core;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Values;

public class OutputTests
{
    [Fact]
    public void An_unknown_output_is_never_silently_turned_into_text()
    {
        var error = Assert.Throws<UnknownValueException>(() => Programs.Synthesize(() =>
        {
            var bucket = new CustomResource("aws:s3/bucket:Bucket", "b");
            _ = "arn is " + bucket.GetOutput<string>("arn");
        }));
        Assert.Contains("${b.arn}", error.Message);
        Assert.Contains("use Output.Format", error.Message);
    }

    [Fact]
    public void Apply_runs_on_known_values_and_refuses_deploy_time_values()
    {
        Assert.Equal(4, Output.Create(2).Apply(x => x * 2).Apply(x => x).Node is IntegerNode { Value: 4 } ? 4 : 0);
        var error = Assert.Throws<UnknownValueException>(() => Programs.Synthesize(() =>
        {
            var bucket = new CustomResource("aws:s3/bucket:Bucket", "b");
            bucket.GetOutput<string>("arn").Apply(arn => arn.ToUpperInvariant());
        }));
        Assert.StartsWith("Apply cannot run C# code on ${b.arn}", error.Message);
    }

    [Fact]
    public void Format_with_only_known_values_is_a_known_string()
    {
        var port = 5432;
        var result = Output.Format($"db:{port}/{"app"}/{Output.Create(7):D2}");
        Assert.True(result.IsKnown);
        Assert.Equal("db:5432/app/07", ((StringNode)result.Node).Value);
    }

    [Fact]
    public void Format_with_references_is_an_interpolation_and_with_calls_a_join()
    {
        var yaml = Programs.Yaml(() =>
        {
            var db = new CustomResource("aws:rds/instance:Instance", "db");
            var secret = Output.CreateSecret<string>("pw");
            _ = new CustomResource("aws:ssm/parameter:Parameter", "p", new Props
            {
                ["value"] = Output.Format($"postgres://{db.GetOutput<string>("address")}:{db.GetOutput<int>("port"):D}/app"),
                ["description"] = Output.Format($"user:{secret}@{db.GetOutput<string>("address")}"),
            });
        });
        Assert.Contains("      value: postgres://${db.address}:${db.port}/app\n", yaml);
        Assert.Contains("""
                  description:
                    fn::join:
                      - ""
                      -
                        - "user:"
                        - fn::secret: pw
                        - "@"
                        - ${db.address}
            """.Replace("\r", ""), yaml);
    }

    [Fact]
    public void Literal_dollar_braces_in_text_are_escaped()
    {
        var yaml = Programs.Yaml(() => new CustomResource("aws:ssm/parameter:Parameter", "p", new Props
        {
            ["value"] = "echo ${HOME}",
            ["description"] = Output.Format($"${{HOME}} of {new CustomResource("aws:s3/bucket:Bucket", "b").GetOutput<string>("arn")}"),
        }));
        Assert.Contains("value: \"echo $${HOME}\"\n", yaml);
        Assert.Contains("description: \"$${HOME} of ${b.arn}\"\n", yaml);
    }
}
