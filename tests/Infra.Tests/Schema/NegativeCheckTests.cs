using Infra.Core;
using Infra.Core.Diagnostics;
using Infra.Core.Schema;
using Infra.Core.Values;

namespace Infra.Tests.Schema;

/// <summary>Each kind of mistake gives one diagnostic whose message, location, path, rule and fix are exact.</summary>
public sealed class NegativeCheckTests
{
    private const string ThisFile = "tests/Infra.Tests/Schema/NegativeCheckTests.cs";

    [SchemaFact]
    public void A_typo_in_a_type_token_names_the_closest_token()
    {
        CustomResource? subnet = null;
        var error = Single(() => subnet = new CustomResource("aws:ec2:Subnt", "private", new Props { ["vpcId"] = "vpc-1" }));

        Assert.Equal("Resource 'private': unknown type 'aws:ec2:Subnt' in package aws 7.48.0. Did you mean 'aws:ec2/subnet:Subnet'?", error.Message);
        AssertAt(error, SchemaCodes.UnknownType, subnet!, "type");
        Assert.Equal("aws:ec2:Subnt", error.Value);
        Assert.Equal("Use 'aws:ec2/subnet:Subnet'.", error.Fix);
    }

    [SchemaFact]
    public void An_unknown_nested_property_names_its_path_the_allowed_names_and_the_closest()
    {
        CustomResource? cluster = null;
        var error = Single(() => cluster = new CustomResource("aws:eks/cluster:Cluster", "eks", new Props
        {
            ["roleArn"] = "arn:aws:iam::1:role/eks",
            ["vpcConfig"] = new Props { ["subnetIds"] = new[] { "subnet-1" }, ["endpointPublicAcess"] = false },
        }));

        Assert.Equal("Resource 'eks' (aws:eks/cluster:Cluster): unknown property 'properties.vpcConfig.endpointPublicAcess'. Did you mean 'endpointPublicAccess'?",
            error.Message);
        AssertAt(error, SchemaCodes.UnknownProperty, cluster!, "properties.vpcConfig.endpointPublicAcess");
        Assert.Equal("properties of aws:eks/ClusterVpcConfig:ClusterVpcConfig: clusterSecurityGroupId, controlPlaneEgressMode, endpointPrivateAccess, " +
            "endpointPublicAccess, publicAccessCidrs, securityGroupIds, subnetIds, vpcId", error.Rule);
        Assert.Equal("Rename it to 'endpointPublicAccess'.", error.Fix);
    }

    [SchemaFact]
    public void A_fractional_number_for_an_integer_is_the_wrong_type()
    {
        CustomResource? password = null;
        var error = Single(() => password = new CustomResource("random:index/randomPassword:RandomPassword", "db", new Props { ["length"] = 12.5 }));

        Assert.Equal("Resource 'db' (random:index/randomPassword:RandomPassword): 'properties.length' must be an integer, not the number 12.5.", error.Message);
        AssertAt(error, SchemaCodes.WrongType, password!, "properties.length");
        Assert.Equal("12.5", error.Value);
        Assert.Equal("schema type: integer", error.Rule);
    }

    [SchemaFact]
    public void A_string_in_a_list_of_strings_position_is_the_wrong_type()
    {
        var error = Single(() => new CustomResource("aws:eks/cluster:Cluster", "eks", new Props
        {
            ["roleArn"] = "arn:aws:iam::1:role/eks",
            ["vpcConfig"] = new Props { ["subnetIds"] = "subnet-1" },
        }));

        Assert.Equal("Resource 'eks' (aws:eks/cluster:Cluster): 'properties.vpcConfig.subnetIds' must be a list of strings, not the string \"subnet-1\".", error.Message);
        Assert.Equal("Give a list of strings.", error.Fix);
    }

    [SchemaFact]
    public void A_value_outside_an_enum_lists_the_allowed_values()
    {
        var error = Single(() => new CustomResource("aws:iam/role:Role", "role", new Props
        {
            ["assumeRolePolicy"] = new Props
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new Input[] { new Props { ["Effect"] = "Alow", ["Action"] = "sts:AssumeRole" } },
            },
        }));

        Assert.Equal("Resource 'role' (aws:iam/role:Role): 'properties.assumeRolePolicy.Statement[0].Effect' must be one of \"Allow\", \"Deny\", not the string \"Alow\".",
            error.Message);
    }

    [SchemaFact]
    public void A_missing_required_input_is_named_with_what_the_type_requires()
    {
        CustomResource? subnet = null;
        var error = Single(() => subnet = new CustomResource("aws:ec2/subnet:Subnet", "private", new Props { ["cidrBlock"] = "10.0.1.0/24" }));

        Assert.Equal("Resource 'private' (aws:ec2/subnet:Subnet): required input 'properties.vpcId' is missing.", error.Message);
        AssertAt(error, SchemaCodes.MissingRequired, subnet!, "properties.vpcId");
        Assert.Equal("aws:ec2/subnet:Subnet requires: vpcId", error.Rule);
        Assert.Equal("Set 'vpcId'.", error.Fix);
    }

    [SchemaFact]
    public void A_reference_to_an_output_the_type_does_not_have_is_reported_with_the_closest()
    {
        CustomResource? subnet = null;
        var error = Single(() =>
        {
            var vpc = new CustomResource("aws:ec2/vpc:Vpc", "main", new Props { ["cidrBlock"] = "10.0.0.0/16" });
            subnet = new CustomResource("aws:ec2/subnet:Subnet", "private", new Props
            {
                ["vpcId"] = vpc.Id,
                ["cidrBlock"] = vpc.GetOutput<string>("cidr"),
            });
        });

        Assert.Equal("Resource 'private' (aws:ec2/subnet:Subnet): reference '${main.cidr}' at 'properties.cidrBlock' is invalid: " +
            "'main' (aws:ec2/vpc:Vpc) has no output 'cidr'. Did you mean 'cidrBlock'?", error.Message);
        AssertAt(error, SchemaCodes.UnknownOutput, subnet!, "properties.cidrBlock");
        Assert.Equal("Use '${main.cidrBlock}'.", error.Fix);
    }

    [SchemaFact]
    public void A_reference_path_is_followed_into_nested_output_types()
    {
        var error = Single(() =>
        {
            var cluster = new CustomResource("aws:eks/cluster:Cluster", "eks", new Props
            {
                ["roleArn"] = "arn:aws:iam::1:role/eks",
                ["vpcConfig"] = new Props { ["subnetIds"] = new[] { "subnet-1" } },
            });
            Deployment.Current.Export("issuer", cluster.GetOutput<string>("identities[0].oidc[0].issuer"));
        });

        Assert.Equal("Stack output 'issuer': reference '${eks.identities[0].oidc[0].issuer}' at 'outputs.issuer' is invalid: " +
            "'eks.identities[0]' (aws:eks/ClusterIdentity:ClusterIdentity) has no property 'oidc'. Did you mean 'oidcs'?", error.Message);
        Assert.Equal("Use '${eks.identities[0].oidcs[0].issuer}'.", error.Fix);
        Assert.Null(error.Resource);
    }

    [SchemaFact]
    public void An_invoke_return_field_must_be_a_result_field_of_the_function()
    {
        var error = Single(() => new CustomResource("aws:s3/bucket:Bucket", "logs", new Props
        {
            ["tags"] = new Props { ["account"] = Invoke.Call<string>("aws:index/getCallerIdentity:getCallerIdentity", returnField: "acountId") },
        }));

        Assert.Equal("Resource 'logs' (aws:s3/bucket:Bucket): invoke of 'aws:index/getCallerIdentity:getCallerIdentity' at 'properties.tags[\"account\"]' " +
            "has no result field 'acountId'. Did you mean 'accountId'?", error.Message);
        Assert.Equal(SchemaCodes.InvokeProblem, error.Code);
        Assert.Equal("properties.tags[\"account\"].fn::invoke.return", error.Key);
        Assert.Equal("result fields of aws:index/getCallerIdentity:getCallerIdentity: accountId, arn, id, userId", error.Rule);
    }

    [SchemaFact]
    public void An_invoke_of_an_unknown_function_and_with_unknown_or_missing_arguments_is_reported()
    {
        var errors = SchemaPrograms.Errors(SchemaPrograms.Check(() =>
        {
            var endpoint = Invoke.Call<string>("aws:eks/getCluster:getCluster", new Props { ["nam"] = "prod" }, returnField: "endpoint");
            var identity = Invoke.Call<string>("aws:index/getCallerIdentty:getCallerIdentity", returnField: "arn");
            _ = new CustomResource("aws:s3/bucket:Bucket", "logs", new Props { ["tags"] = new Props { ["e"] = endpoint, ["i"] = identity } });
        }));

        Assert.Equal(
        [
            "INFRA-SCHEMA-006 Resource 'logs' (aws:s3/bucket:Bucket): invoke of 'aws:eks/getCluster:getCluster' at 'properties.tags[\"e\"]' has unknown argument 'nam'. Did you mean 'name'?",
            "INFRA-SCHEMA-006 Resource 'logs' (aws:s3/bucket:Bucket): invoke of 'aws:eks/getCluster:getCluster' at 'properties.tags[\"e\"]' is missing required argument 'name'.",
            "INFRA-SCHEMA-006 Resource 'logs' (aws:s3/bucket:Bucket): invoke at 'properties.tags[\"i\"]' calls unknown function 'aws:index/getCallerIdentty:getCallerIdentity' " +
                "in package aws 7.48.0. Did you mean 'aws:index/getCallerIdentity:getCallerIdentity'?",
        ], errors);
    }

    [SchemaFact]
    public void A_type_Pulumi_YAML_refuses_is_reported_with_the_replacement()
    {
        CustomResource? chart = null;
        var error = Single(() => chart = new CustomResource("kubernetes:helm.sh/v3:Chart", "ingress", new Props { ["chart"] = "ingress-nginx" }));

        Assert.Equal("Resource 'ingress': type 'kubernetes:helm.sh/v3:Chart' is not supported in Pulumi YAML programs.", error.Message);
        AssertAt(error, SchemaCodes.RefusedType, chart!, "type");
        Assert.Equal("Use kubernetes:helm.sh/v3:Release (or the kubernetes:helm.sh/v4:Chart component).", error.Fix);
    }

    [SchemaTheory]
    [InlineData("kubernetes:yaml:ConfigFile", "Use kubernetes:yaml/v2:ConfigFile.")]
    [InlineData("kubernetes:yaml:ConfigGroup", "Use kubernetes:yaml/v2:ConfigGroup.")]
    [InlineData("kubernetes:kustomize:Directory", "Use kubernetes:kustomize/v2:Directory.")]
    [InlineData("kubernetes:helm.sh/v2:Chart", "Use kubernetes:helm.sh/v3:Release (or the kubernetes:helm.sh/v4:Chart component).")]
    [InlineData("kubernetes:apiextensions.k8s.io:CustomResource",
        "Declare the custom resource with its own type token (kubernetes:<group>/<version>:<Kind>) from a schema that has it.")]
    public void Every_refused_type_is_reported(string token, string fix)
    {
        var error = Single(() => new CustomResource(token, "refused"));

        Assert.Equal(SchemaCodes.RefusedType, error.Code);
        Assert.Equal(fix, error.Fix);
    }

    [SchemaFact]
    public void The_yaml_v2_config_group_is_allowed()
    {
        var result = SchemaPrograms.Check(() => new CustomResource("kubernetes:yaml/v2:ConfigGroup", "manifests", new Props { ["files"] = new[] { "crds.yaml" } }));

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
    }

    private static Diagnostic Single(Action program)
    {
        var result = SchemaPrograms.Check(program);
        return Assert.Single(result.Diagnostics);
    }

    private static void AssertAt(Diagnostic error, string code, CustomResource resource, string key)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(ThisFile, error.File);
        Assert.Equal(resource.DeclaredAt.Line, error.Line);
        Assert.Equal(resource.Name, error.Resource);
        Assert.Equal(key, error.Key);
    }
}
