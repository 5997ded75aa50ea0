using Infra.Core.Schema;

namespace Infra.Tests.Schema;

/// <summary>Where schemas come from: an explicit directory, INFRA_SCHEMA_DIR, or shared/provider-schemas beside the checkout.</summary>
public sealed class SchemaLocatorTests
{
    [Fact]
    public void An_explicit_directory_wins_over_the_environment_variable()
    {
        using var explicitDir = new TempDirectory();
        using var environmentDir = new TempDirectory();

        var location = SchemaLocator.Locate(explicitDir.Path, environmentDir.Path, []);

        Assert.True(location.Found);
        Assert.Equal(SchemaSource.Explicit, location.Source);
        Assert.Equal(explicitDir.Path, location.Directory);
    }

    [Fact]
    public void The_environment_variable_is_used_when_no_directory_is_given()
    {
        using var environmentDir = new TempDirectory();

        var location = SchemaLocator.Locate(null, environmentDir.Path, []);

        Assert.Equal(SchemaSource.Environment, location.Source);
        Assert.Equal("INFRA_SCHEMA_DIR", location.Origin);
        Assert.Equal(environmentDir.Path, location.Directory);
    }

    [Fact]
    public void A_configured_directory_that_does_not_exist_is_reported_not_replaced()
    {
        using var root = new TempDirectory();
        root.Write("shared/provider-schemas/aws.json", "{\"name\":\"aws\"}");
        var missing = Path.Combine(root.Path, "nowhere");

        var location = SchemaLocator.Locate(null, missing, [root.Path]);

        Assert.False(location.Found);
        Assert.Equal($"the schema directory {missing} (INFRA_SCHEMA_DIR) does not exist.", location.Problem);
        Assert.Same(SchemaSet.Empty, location.Open());
    }

    [Fact]
    public void The_shared_folder_is_found_beside_an_ancestor_of_the_start_directory()
    {
        using var root = new TempDirectory();
        root.Write("shared/provider-schemas/aws.json", "{\"name\":\"aws\",\"version\":\"7.48.0\"}");
        var start = Path.Combine(root.Path, "repo", "tests", "bin");
        Directory.CreateDirectory(start);

        var location = SchemaLocator.Locate(null, null, ["", start]);

        Assert.True(location.Found);
        Assert.Equal(SchemaSource.SharedFolder, location.Source);
        Assert.Equal(Path.Combine(root.Path, "shared", "provider-schemas"), location.Directory);
        Assert.Equal($"found walking up from {start}", location.Origin);
    }

    [Fact]
    public void Without_any_schemas_the_location_says_so_and_how_to_fix_it()
    {
        using var empty = new TempDirectory();

        var location = SchemaLocator.Locate(null, null, [empty.Path]);

        Assert.False(location.Found);
        Assert.Equal(SchemaSource.None, location.Source);
        Assert.Equal(
        [
            $"No provider schemas found: INFRA_SCHEMA_DIR is not set and no shared/provider-schemas directory is beside {empty.Path} or any of their parents.",
            "Set INFRA_SCHEMA_DIR (or pass a schema directory) to a folder of files made with 'pulumi package get-schema <package>@<version> > <package>.json'.",
        ], location.Describe());
    }

    [Fact]
    public void The_report_names_each_file_with_its_package_and_version_and_what_is_ignored()
    {
        using var dir = new TempDirectory();
        dir.Write("aws.json", "{\"name\":\"aws\",\"version\":\"7.48.0\",\"resources\":{}}");
        dir.Write("yandex.json", "{\"name\":\"yandex\",\"version\":\"0.13.0\"}");
        dir.Write("yandex-tf.json", "{\"name\":\"yandex\",\"version\":\"0.222.0\"}");
        dir.Write("notes.json", "{\"todo\":[]}");

        var location = SchemaLocator.Locate(dir.Path, null, []);

        Assert.Equal(
        [
            $"Provider schemas: {dir.Path} (given explicitly)",
            "  aws 7.48.0 (aws.json)",
            "  ignored notes.json: not a package schema (no \"name\")",
            "  yandex 0.222.0 (yandex-tf.json)",
            "  ignored yandex.json: not used: package 'yandex' is read from yandex-tf.json",
        ], location.Describe());
    }

    [Fact]
    public void The_header_is_read_even_after_a_large_section()
    {
        using var dir = new TempDirectory();
        var filler = string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"t{i}\":{{\"type\":\"string\"}}"));
        dir.Write("big.json", $"{{\"types\":{{{filler}}},\"name\":\"big\",\"version\":\"2.0.0\"}}");

        var file = Assert.Single(SchemaSet.FromDirectory(dir.Path).ListFiles());

        Assert.Equal(new SchemaFileInfo("big.json", "big", "2.0.0", true, null), file);
    }

    [SchemaFact]
    public void The_team_schemas_are_found_and_yandex_comes_from_the_dynamic_bridge_file()
    {
        var files = TestSchemas.Location.Files;

        Assert.Equal(
            ["aws 7.48.0", "gcp 9.35.0", "kubernetes 4.32.0", "random 4.21.1", "yandex 0.222.0"],
            files.Where(f => f.Used).Select(f => $"{f.Package} {f.Version}"));
        Assert.Equal("yandex-tf.json", files.Single(f => f.Used && f.Package == "yandex").File);
        Assert.False(files.Single(f => f.File == "yandex.json").Used);
    }
}
