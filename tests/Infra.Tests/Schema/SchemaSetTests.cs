using Infra.Core.Schema;
using Infra.Core.Synthesis;

namespace Infra.Tests.Schema;

/// <summary>Package lookup: the file map, per-directory caching, and every reason a package has no schema.</summary>
public sealed class SchemaSetTests
{
    private const string Aws = """{"name":"aws","version":"1.0.0","resources":{"aws:s3/bucket:Bucket":{"inputProperties":{},"properties":{}}}}""";

    [Fact]
    public void The_same_directory_gives_the_same_set_and_each_package_is_loaded_once()
    {
        using var dir = new TempDirectory();
        dir.Write("aws.json", Aws);

        var first = SchemaSet.FromDirectory(dir.Path);
        var second = SchemaSet.FromDirectory(dir.Path + Path.DirectorySeparatorChar);

        Assert.Same(first, second);
        Assert.Same(first.Find("aws").Schema, second.Find("aws").Schema);
    }

    [Fact]
    public void The_file_map_says_which_file_holds_a_package()
    {
        using var dir = new TempDirectory();
        dir.Write("yandex.json", """{"name":"yandex","version":"0.13.0"}""");
        dir.Write("yandex-tf.json", """{"name":"yandex","version":"0.222.0"}""");
        dir.Write("yandex-next.json", """{"name":"yandex","version":"0.230.0"}""");

        Assert.Equal("0.222.0", SchemaSet.FromDirectory(dir.Path).Find("yandex").Schema!.Version);
        Assert.Equal("0.230.0", SchemaSet.FromDirectory(dir.Path, SchemaFileMap.Default.With("yandex", "yandex-next.json")).Find("yandex").Schema!.Version);
        Assert.Equal("yandex=yandex-tf.json", SchemaFileMap.Default.ToString());
        Assert.Equal("docker.json", SchemaFileMap.Default.FileFor("docker"));
    }

    [Fact]
    public void A_package_without_a_usable_schema_says_why()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.json", "{ not json");
        dir.Write("other.json", """{"name":"aws","version":"1.0.0"}""");
        var set = SchemaSet.FromDirectory(dir.Path, SchemaFileMap.Default.With("wrong", "other.json"));

        Assert.Equal($"no schema file docker.json in {dir.Path}", set.Find("docker").Problem);
        Assert.StartsWith("broken.json is not valid JSON:", set.Find("broken").Problem, StringComparison.Ordinal);
        Assert.Equal("other.json holds package 'aws', not 'wrong'", set.Find("wrong").Problem);
    }

    [Fact]
    public void A_package_without_schema_is_a_warning_and_its_resources_are_listed()
    {
        var program = ProgramReader.Read("""
            resources:
              bucket:
                type: aws:s3:Bucket
              image:
                type: docker:index:Image
              other:
                type: docker:index:Image
            outputs:
              digest:
                fn::invoke:
                  function: docker:index:getRegistryImage
            """);

        var result = SchemaCheck.Check(program, SchemaSet.FromPackages(PackageSchema.Parse(Aws, "aws.json")));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["docker"], result.PackagesWithoutSchema);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(SchemaCodes.NoSchema, warning.Code);
        Assert.Equal("Package 'docker' has no schema (no schema for package 'docker' was given); not checked: image, other, fn::invoke docker:index:getRegistryImage.",
            warning.Message);
        Assert.StartsWith("warning INFRA-SCHEMA-000: Package 'docker'", SchemaCheckResult.FormatWarning(warning), StringComparison.Ordinal);
        Assert.Equal(new SchemaUsage("aws", "1.0.0", "aws.json"), Assert.Single(result.SchemasUsed).Value);
        Assert.Equal(["Schemas used: aws 1.0.0 (aws.json).", "Not checked: package 'docker' has no schema.", "0 errors, 1 warning."], result.Summary());
    }

    [Fact]
    public void Without_schemas_every_package_is_reported_and_nothing_is_an_error()
    {
        var program = ProgramReader.Read("""
            resources:
              bucket:
                type: aws:s3:Bucket
                properties:
                  bukket: typo
              pet:
                type: random:RandomPet
            """);

        var result = SchemaCheck.Check(program, SchemaSet.Empty);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["aws", "random"], result.PackagesWithoutSchema);
        Assert.Equal(
        [
            "Package 'aws' has no schema (no provider schemas were found); not checked: bucket.",
            "Package 'random' has no schema (no provider schemas were found); not checked: pet.",
        ], result.Warnings.Select(w => w.Message));
        Assert.Equal("Schemas used: none.", result.Summary().First());
    }
}
