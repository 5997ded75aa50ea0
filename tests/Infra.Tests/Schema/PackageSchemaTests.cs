using Infra.Core.Schema;

namespace Infra.Tests.Schema;

/// <summary>Token resolution as Pulumi YAML does it, and lazy, cached, thread-safe conversion.</summary>
public sealed class PackageSchemaTests
{
    private const string Json = """
        {
          "name": "test", "version": "1.0.0",
          "provider": { "inputProperties": { "region": { "type": "string" } } },
          "resources": {
            "test:index/thing:Thing": { "inputProperties": { "kind": { "$ref": "#/types/test:index/Kind:Kind" } }, "properties": {} },
            "test:storage/bucketV2:BucketV2": { "inputProperties": {}, "properties": {}, "aliases": [ { "type": "test:storage/oldBucket:OldBucket" } ] },
            "test:compute/uRLMap:URLMap": { "inputProperties": {}, "properties": {} }
          },
          "functions": { "test:index/getThing:getThing": { "inputs": { "properties": {} }, "outputs": { "properties": { "id": { "type": "string" } } } } },
          "types": { "test:index/Kind:Kind": { "type": "object", "properties": { "name": { "type": "string" } } } }
        }
        """;

    private static readonly PackageSchema Package = PackageSchema.Parse(Json, "test.json");

    [Theory]
    [InlineData("test:index/thing:Thing", "test:index/thing:Thing")]
    [InlineData("test:Thing", "test:index/thing:Thing")]
    [InlineData("test:index:Thing", "test:index/thing:Thing")]
    [InlineData("TEST:INDEX:THING", "test:index/thing:Thing")]
    [InlineData("test:storage:BucketV2", "test:storage/bucketV2:BucketV2")]
    [InlineData("test:storage/oldBucket:OldBucket", "test:storage/bucketV2:BucketV2")]
    [InlineData("test:compute:URLMap", "test:compute/uRLMap:URLMap")]
    [InlineData("pulumi:providers:test", "pulumi:providers:test")]
    [InlineData("test:index:Thingy", null)]
    [InlineData("test:a:b:c", null)]
    public void Resource_tokens_resolve_like_Pulumi_YAML(string token, string? canonical)
    {
        Assert.Equal(canonical, Package.ResolveResourceToken(token));
    }

    [Fact]
    public void Function_tokens_resolve_the_same_way()
    {
        Assert.Equal("test:index/getThing:getThing", Package.ResolveFunctionToken("test:getThing"));
        Assert.Equal("test:index/getThing:getThing", Package.SuggestFunction("test:index:getThng"));
        Assert.Null(Package.ResolveFunctionToken("test:index:getOther"));
    }

    [Fact]
    public void Specs_are_converted_once_and_shared_between_threads()
    {
        var package = PackageSchema.Parse(Json, "test.json");
        var tokens = package.ResourceTokens.ToArray();
        var seen = new System.Collections.Concurrent.ConcurrentBag<object>();

        Parallel.For(0, 200, i =>
        {
            var spec = package.GetResource(tokens[i % tokens.Length])!;
            seen.Add(spec);
            if (spec.Inputs.Find("kind") is { } kind)
            {
                seen.Add(kind.Type.Resolve().Object!);
            }

            seen.Add(package.Provider);
        });

        Assert.Equal(tokens.Length + 2, seen.Distinct().Count());
        Assert.Same(package.GetResource("test:index/thing:Thing"), package.GetResource("test:index/thing:Thing"));
    }

    [Fact]
    public void A_file_that_is_not_a_schema_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PackageSchema.Parse("""{"version":"1"}""", "x.json"));

        Assert.Equal("x.json is not a Pulumi package schema: it has no \"name\".", error.Message);
    }

    [SchemaFact]
    public void The_team_schemas_resolve_their_irregular_tokens()
    {
        Assert.Equal("gcp:compute/uRLMap:URLMap", TestSchemas.Set.Find("gcp").Schema!.ResolveResourceToken("gcp:compute:URLMap"));
        Assert.Equal("aws:s3/bucket:Bucket", TestSchemas.Set.Find("aws").Schema!.ResolveResourceToken("aws:s3:Bucket"));
        Assert.Equal("yandex:index/dnsRecordset:DnsRecordset", TestSchemas.Set.Find("yandex").Schema!.ResolveResourceToken("yandex:DnsRecordSet"));
    }
}
