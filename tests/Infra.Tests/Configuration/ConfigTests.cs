using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Tests.Configuration;

public sealed class ConfigTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("infra-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private StackConfig WriteStack(string yaml, string stack = "dev")
    {
        var path = Path.Combine(directory, $"Pulumi.{stack}.yaml");
        File.WriteAllText(path, yaml);
        return StackConfig.FromFile(path, "infra", stack);
    }

    private sealed record DatabaseSettings(string Size, int Storage, bool HighAvailability);

    [Fact]
    public void Stack_files_give_typed_structured_and_secret_values()
    {
        var config = WriteStack("""
            config:
              aws:region: eu-west-1
              infra:nodes: 3
              infra:ratio: 0.5
              infra:public: false
              infra:database:
                size: small
                storage: 20
                highAvailability: true
              infra:password:
                secure: v1:abcdef
            """);
        string? region = null;
        int nodes = 0;
        double ratio = 0;
        bool isPublic = true;
        DatabaseSettings? database = null;
        Output<string>? password = null;
        Deployment.Run(config, () =>
        {
            var infra = new Config();
            region = new Config("aws").Require("region");
            nodes = infra.RequireInt32("nodes");
            ratio = infra.RequireDouble("ratio");
            isPublic = infra.RequireBoolean("public");
            database = infra.RequireObject<DatabaseSettings>("database");
            password = infra.RequireSecret("password");
        });
        Assert.Equal(("eu-west-1", 3, 0.5, false), (region, nodes, ratio, isPublic));
        Assert.Equal(new DatabaseSettings("small", 20, true), database);
        var secret = Assert.IsType<FunctionNode>(password!.Node);
        Assert.Equal("secret", secret.Name);
        Assert.Equal("infra:password", Assert.IsType<ReferenceNode>(secret.Argument).Root);
    }

    [Fact]
    public void Every_missing_or_mistyped_value_is_reported_at_once_with_file_key_value_and_fix()
    {
        var config = WriteStack("""
            config:
              infra:nodes: three
              infra:public: maybe
              infra:clodu: aws
              infra:password:
                secure: v1:abcdef
            """);
        var error = Assert.Throws<InfraException>(() => Deployment.Run(config, () =>
        {
            var infra = new Config();
            _ = infra.RequireInt32("nodes");
            _ = infra.RequireBoolean("public");
            _ = infra.Require("region");
            _ = infra.Get("password");
            _ = infra.Get("cloud");
        }));
        var problems = error.Diagnostics;
        Assert.Equal(["INFRA-CONFIG-002", "INFRA-CONFIG-002", "INFRA-CONFIG-001", "INFRA-CONFIG-003", "INFRA-CONFIG-004"], problems.Select(p => p.Code));

        Assert.Equal("Pulumi.dev.yaml", problems[0].File);
        Assert.Equal(2, problems[0].Line);
        Assert.Equal("infra:nodes", problems[0].Key);
        Assert.Equal("three", problems[0].Value);
        Assert.Equal("a whole number", problems[0].Rule);
        Assert.Equal("Give a whole number such as 3.", problems[0].Fix);

        Assert.Equal("Missing required configuration value 'infra:region'.", problems[2].Message);
        Assert.Equal("Run `pulumi config set infra:region <value> --stack dev` or add it under `config:` in Pulumi.dev.yaml.", problems[2].Fix);

        Assert.Equal("[secret]", problems[3].Value);
        Assert.Equal("Unknown configuration key 'infra:clodu'. Did you mean 'infra:cloud'?", problems[4].Message);
        Assert.Equal(4, problems[4].Line);
    }

    [Fact]
    public void A_failure_caused_by_bad_config_reports_the_config_problem()
    {
        var config = StackConfig.FromValues("infra", "dev");
        var error = Assert.Throws<InfraException>(() => Deployment.Run(config, () =>
        {
            var name = new Config().Require("appName");
            _ = new CustomResource("aws:s3/bucket:Bucket", name);
        }));
        Assert.Equal("Missing required configuration value 'infra:appName'.", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Unknown_structured_members_are_reported()
    {
        var config = WriteStack("config:\n  infra:database:\n    size: small\n    storage: 20\n    highAvailability: true\n    sise: large\n");
        var error = Assert.Throws<InfraException>(() => Deployment.Run(config, () => new Config().RequireObject<DatabaseSettings>("database")));
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("infra:database", problem.Key);
        Assert.Contains("sise", problem.Rule);
    }

    [Fact]
    public void Compiler_environment_and_stack_file_give_the_same_config_without_the_secret_plaintext()
    {
        var fromFile = WriteStack("config:\n  aws:region: eu-west-1\n  infra:nodes: 3\n  infra:db:\n    size: small\n  infra:password:\n    secure: v1:abc\n");
        var fromEnvironment = StackConfig.FromEnvironment("infra", "dev",
            """{"aws:region":"eu-west-1","infra:nodes":"3","infra:db":"{\"size\":\"small\"}","infra:password":"hunter2"}""",
            null, Path.Combine(directory, "Pulumi.dev.yaml"));
        Assert.Equal(fromFile.Keys, fromEnvironment.Keys);
        foreach (var key in fromFile.Keys)
        {
            Assert.Equal(fromFile[key]!.Text, fromEnvironment[key]!.Text);
            Assert.Equal(fromFile[key]!.IsSecret, fromEnvironment[key]!.IsSecret);
        }

        Assert.Null(fromEnvironment["infra:password"]!.Text);
        var withKeys = StackConfig.FromEnvironment("infra", "dev", """{"infra:password":"hunter2"}""", """["infra:password"]""", null);
        Assert.True(withKeys["infra:password"]!.IsSecret);
        Assert.Null(withKeys["infra:password"]!.Text);
    }

    [Fact]
    public void Invalid_yaml_in_a_stack_file_is_reported_with_its_line()
    {
        var error = Assert.Throws<InfraException>(() => WriteStack("config:\n  infra:a: [1, 2\n"));
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-CONFIG-000", problem.Code);
        Assert.Equal("Pulumi.dev.yaml", problem.File);
    }
}
