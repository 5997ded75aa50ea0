using Infra.Core.Schema;
using Infra.Core.Synthesis;

namespace Infra.Tests.Schema;

/// <summary>The rules of Pulumi YAML that no provider schema holds, checked on programs read from YAML.</summary>
public sealed class YamlRuleTests
{
    [SchemaFact]
    public void Bad_options_are_reported_each_with_its_rule()
    {
        var errors = Errors("""
            resources:
              gcp:
                type: pulumi:providers:gcp
              logs:
                type: aws:s3:Bucket
                options:
                  provider: ${gcp}
                  retainOnDelete: ${shouldRetain}
                  protect: ${archive.arn}
                  dependOn:
                    - ${gcp}
                  ignoreChanges:
                    - tags
                    - ${path}
                  customTimeouts:
                    create: 5 minutes
                  version: v7
              archive:
                type: aws:s3:Bucket
                options:
                  dependsOn:
                    - ${logs.arn}
                    - ${missing}
                  parent: ${logs}
                  envVarMappings:
                    AWS_REGION: REGION
            """);

        Assert.Equal(
        [
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'provider' refers to 'gcp', a provider of package gcp, but package aws is needed.",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'retainOnDelete' must be a literal true or false, not '${shouldRetain}'.",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'protect' must not depend on a resource's output (it must be known before deployment).",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): unknown option 'dependOn'. Did you mean 'dependsOn'?",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'ignoreChanges' must list literal strings; item 1 is '${path}'.",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'customTimeouts' has create: '5 minutes', which is not a duration.",
            "Main.yaml:4 INFRA-SCHEMA-007 Resource 'logs' (aws:s3/bucket:Bucket): option 'version' must be a semantic version, not 'v7'.",
            "Main.yaml:18 INFRA-SCHEMA-007 Resource 'archive' (aws:s3/bucket:Bucket): option 'dependsOn' must refer to a resource such as ${key}, not an output ('${logs.arn}').",
            "Main.yaml:18 INFRA-SCHEMA-007 Resource 'archive' (aws:s3/bucket:Bucket): option 'dependsOn' must refer to a resource such as ${key}, not '${missing}', which is not a resource of this program.",
            "Main.yaml:18 INFRA-SCHEMA-007 Resource 'archive' (aws:s3/bucket:Bucket): option 'envVarMappings' is only for provider resources.",
        ], errors);
    }

    [SchemaFact]
    public void A_provider_option_must_name_a_provider_resource()
    {
        var errors = Errors("""
            resources:
              vpc:
                type: aws:ec2:Vpc
              subnet:
                type: aws:ec2:Subnet
                properties:
                  vpcId: ${vpc.id}
                options:
                  provider: ${vpc}
            """);

        Assert.Equal(["Main.yaml:4 INFRA-SCHEMA-007 Resource 'subnet' (aws:ec2/subnet:Subnet): option 'provider' must refer to a provider resource (pulumi:providers:aws), not 'vpc' (aws:ec2/vpc:Vpc)."],
            errors);
    }

    [SchemaFact]
    public void Names_must_be_unique_by_key_type_and_logical_name()
    {
        var errors = Errors("""
            variables:
              shared: x
            resources:
              first:
                type: aws:s3:Bucket
                name: logs
              second:
                type: aws:s3/bucket:Bucket
                name: logs
              shared:
                type: aws:s3:Bucket
              pulumi:
                type: aws:s3:Bucket
            """);

        Assert.Equal(
        [
            "Main.yaml:7 INFRA-SCHEMA-009 Resource 'logs' has the same type and name as resource 'first' (line 4): both would have the URN of aws:s3/bucket:Bucket::logs.",
            "Main.yaml:10 INFRA-SCHEMA-009 Resource key 'shared' is also the name of a variable.",
            "Main.yaml:12 INFRA-SCHEMA-009 Resource key 'pulumi' is reserved for the built-in pulumi variable.",
        ], errors);
    }

    [SchemaFact]
    public void Default_provider_is_only_for_providers_and_one_per_package()
    {
        var errors = Errors("""
            resources:
              eu:
                type: pulumi:providers:aws
                defaultProvider: true
              us:
                type: pulumi:providers:aws
                defaultProvider: true
              bucket:
                type: aws:s3:Bucket
                defaultProvider: true
            """);

        Assert.Equal(
        [
            "Main.yaml:5 INFRA-SCHEMA-010 Resource 'us' (pulumi:providers:aws): package aws already has a default provider, 'eu'.",
            "Main.yaml:8 INFRA-SCHEMA-010 Resource 'bucket' (aws:s3/bucket:Bucket): defaultProvider is only allowed on provider resources.",
        ], errors);
    }

    [SchemaFact]
    public void Short_and_differently_cased_tokens_resolve_as_in_Pulumi_YAML()
    {
        var result = Check("""
            resources:
              pet:
                type: random:RandomPet
              bucket:
                type: aws:S3:bucket
              urlMap:
                type: gcp:compute:URLMap
                properties:
                  defaultService: backend
              subnet:
                type: yandex:VpcSubnet
                properties:
                  networkId: net-1
                  v4CidrBlocks: [10.0.0.0/24]
            outputs:
              petId: ${pet.id}
              bucketArn: ${bucket.arn}
            """);

        Assert.True(result.Diagnostics.Count == 0, SchemaPrograms.Describe(result));
        Assert.Equal(["aws", "gcp", "random", "yandex"], result.SchemasUsed.Keys);
    }

    [SchemaFact]
    public void Provider_inputs_stack_references_and_read_state_are_checked()
    {
        var errors = Errors("""
            resources:
              eu:
                type: pulumi:providers:aws
                properties:
                  region: eu-west-1
                  regon: eu-west-1
              network:
                type: pulumi:pulumi:StackReference
                properties:
                  name: acme/network/prod
                  stack: prod
              existing:
                type: aws:s3:Bucket
                get:
                  id: existing-bucket
                  state:
                    bucket: existing-bucket
                    bukket: typo
            outputs:
              vpcId: ${network.outputs["vpcId"]}
              wrong: ${network.output}
            """);

        Assert.Equal(
        [
            "Main.yaml:2 INFRA-SCHEMA-002 Resource 'eu' (pulumi:providers:aws): unknown property 'properties.regon'. Did you mean 'region'?",
            "Main.yaml:7 INFRA-SCHEMA-002 Resource 'network' (pulumi:pulumi:StackReference): unknown property 'properties.stack'.",
            "Main.yaml:12 INFRA-SCHEMA-002 Resource 'existing' (aws:s3/bucket:Bucket): unknown property 'get.state.bukket'. Did you mean 'bucket'?",
            "Main.yaml: INFRA-SCHEMA-005 Stack output 'wrong': reference '${network.output}' at 'outputs.wrong' is invalid: " +
                "'network' (pulumi:pulumi:StackReference) has no output 'output'. Did you mean 'outputs'?",
        ], errors);
    }

    [SchemaFact]
    public void Variables_holding_invokes_type_the_references_to_them()
    {
        var errors = Errors("""
            variables:
              caller:
                fn::invoke:
                  function: aws:index/getCallerIdentity:getCallerIdentity
              account:
                fn::aws:index:getCallerIdentity: {}
            resources:
              logs:
                type: aws:s3:Bucket
                properties:
                  tags:
                    account: ${caller.accountId}
                    user: ${account.usrId}
            """);

        Assert.Equal(["Main.yaml:8 INFRA-SCHEMA-005 Resource 'logs' (aws:s3/bucket:Bucket): reference '${account.usrId}' at 'properties.tags[\"user\"]' is invalid: " +
            "variable 'account' (aws:index/getCallerIdentity:getCallerIdentity) has no property 'usrId'. Did you mean 'userId'?"], errors);
    }

    private static SchemaCheckResult Check(string yaml) => SchemaCheck.Check(ProgramReader.Read(yaml, "Main.yaml"), TestSchemas.Set, "Main.yaml");

    private static string[] Errors(string yaml) => [.. Check(yaml).Diagnostics.Select(d => $"{d.File}:{d.Line} {d.Code} {d.Message}")];
}
