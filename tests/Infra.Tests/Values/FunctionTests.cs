using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Values;

/// <summary>Each built-in has a test of the YAML it is written as.</summary>
public class FunctionTests
{
    public static TheoryData<string, Func<Node>, string> Builtins => new()
    {
        { "join", () => Fn.Join(",", new[] { "a", "b" }).Node, "value:\n  fn::join:\n    - \",\"\n    -\n      - a\n      - b\n" },
        { "split", () => Fn.Split(",", "a,b").Node, "value:\n  fn::split:\n    - \",\"\n    - \"a,b\"\n" },
        { "select", () => Fn.Select<string>(1, new[] { "a", "b" }).Node, "value:\n  fn::select:\n    - 1\n    -\n      - a\n      - b\n" },
        { "toJSON", () => Fn.ToJson(new Props { ["a"] = 1 }).Node, "value:\n  fn::toJSON:\n    a: 1\n" },
        { "toBase64", () => Fn.ToBase64("hi").Node, "value:\n  fn::toBase64: hi\n" },
        { "fromBase64", () => Fn.FromBase64("aGk=").Node, "value:\n  fn::fromBase64: aGk=\n" },
        { "secret", () => Fn.Secret<string>("s").Node, "value:\n  fn::secret: s\n" },
        { "unsecret", () => Fn.Unsecret(Output.CreateSecret<string>("s")).Node, "value:\n  fn::unsecret:\n    fn::secret: s\n" },
        { "readFile", () => Fn.ReadFile("./motd.txt").Node, "value:\n  fn::readFile: \"./motd.txt\"\n" },
        { "filebase64", () => Fn.FileBase64("a.bin").Node, "value:\n  fn::filebase64: a.bin\n" },
        { "filebase64sha256", () => Fn.FileBase64Sha256("a.bin").Node, "value:\n  fn::filebase64sha256: a.bin\n" },
        { "sha1", () => Fn.Sha1("x").Node, "value:\n  fn::sha1: x\n" },
        { "length", () => Fn.Length(new[] { "a" }).Node, "value:\n  fn::length:\n    - a\n" },
        { "singleOrNone", () => Fn.SingleOrNone<string>(new[] { "a" }).Node, "value:\n  fn::singleOrNone:\n    - a\n" },
        { "fileAsset", () => Fn.FileAsset("./index.html"), "value:\n  fn::fileAsset: \"./index.html\"\n" },
        { "stringAsset", () => Fn.StringAsset("<h1>hi</h1>"), "value:\n  fn::stringAsset: \"<h1>hi</h1>\"\n" },
        { "remoteAsset", () => Fn.RemoteAsset("https://example.com/a"), "value:\n  fn::remoteAsset: https://example.com/a\n" },
        { "fileArchive", () => Fn.FileArchive("./app"), "value:\n  fn::fileArchive: \"./app\"\n" },
        { "remoteArchive", () => Fn.RemoteArchive("https://example.com/a.zip"), "value:\n  fn::remoteArchive: https://example.com/a.zip\n" },
        { "assetArchive", () => Fn.AssetArchive(new Props { ["index.html"] = Fn.StringAsset("x") }), "value:\n  fn::assetArchive:\n    index.html:\n      fn::stringAsset: x\n" },
        { "toJSON of an output", () => Output.JsonSerialize(new Props { ["v"] = 1 }).Node, "value:\n  fn::toJSON:\n    v: 1\n" },
    };

    [Theory]
    [MemberData(nameof(Builtins))]
    public void Builtin_is_written_as_its_fn_form(string name, Func<Node> build, string yaml)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(yaml, YamlWriter.WriteNode(build()));
    }

    [Fact]
    public void Every_builtin_offered_exists_in_pulumi_yaml()
    {
        foreach (var (name, build, _) in Builtins.Select(row => ((string)row[0], (Func<Node>)row[1], (string)row[2])))
        {
            var node = build();
            Assert.True(node is FunctionNode function && Fn.BuiltinNames.Contains(function.Name), name);
        }
    }

    [Fact]
    public void Resource_functions_and_invokes_are_written_with_references()
    {
        var yaml = Programs.Yaml(() =>
        {
            var bucket = new CustomResource("aws:s3/bucket:Bucket", "b");
            var provider = new ProviderResource("aws", "east", new Props { ["region"] = "us-east-1" });
            var account = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", null,
                new InvokeOptions { Provider = provider, DependsOn = [bucket] }, returnField: "accountId");
            var cluster = Invoke.Call<object>("aws:eks/getCluster:getCluster", new Props { ["name"] = "c" });
            _ = new CustomResource("aws:ssm/parameter:Parameter", "p", new Props
            {
                ["name"] = Fn.PulumiResourceName(bucket),
                ["type"] = Fn.PulumiResourceType(bucket),
                ["value"] = account,
                ["description"] = cluster,
            });
        });
        Assert.Contains("""
                  name:
                    fn::pulumiResourceName: ${b}
                  type:
                    fn::pulumiResourceType: ${b}
                  value:
                    fn::invoke:
                      function: aws:index/getCallerIdentity:getCallerIdentity
                      options:
                        provider: ${east}
                        dependsOn:
                          - ${b}
                      return: accountId
                  description:
                    fn::invoke:
                      function: aws:eks/getCluster:getCluster
                      arguments:
                        name: c
            """, yaml);
    }
}
