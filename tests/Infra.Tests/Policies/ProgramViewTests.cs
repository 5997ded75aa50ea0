using Infra.Core.Values;
using Infra.Policies;
using static Infra.Tests.Policies.PolicyFixtures;

namespace Infra.Tests.Policies;

/// <summary>How the engine sees a program: canonical types, URNs, ConfigGroup contents and expressions.</summary>
public sealed class ProgramViewTests
{
    [Theory]
    [InlineData("aws:s3:BucketV2", "aws:s3/bucketV2:BucketV2")]
    [InlineData("aws:rds:Instance", "aws:rds/instance:Instance")]
    [InlineData("gcp:compute:URLMap", "gcp:compute/uRLMap:URLMap")]
    [InlineData("yandex:KubernetesCluster", "yandex:index/kubernetesCluster:KubernetesCluster")]
    [InlineData("aws:rds/instance:Instance", "aws:rds/instance:Instance")]
    [InlineData("kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment")]
    [InlineData("pulumi:providers:aws", "pulumi:providers:aws")]
    public void Short_type_tokens_are_normalised_as_Pulumi_does(string written, string canonical) =>
        Assert.Equal(canonical, TypeTokens.Canonical(written));

    [Fact]
    public void An_external_resolver_wins_for_irregular_tokens()
    {
        Assert.Equal("acme:index/thing:Thing", TypeTokens.Canonical("acme:Thing", t => t == "acme:Thing" ? "acme:index/thing:Thing" : null));
        Assert.Equal("aws:s3/bucketV2:BucketV2", TypeTokens.Canonical("aws:s3:BucketV2", _ => null));
    }

    [Fact]
    public void Rules_match_short_and_differently_cased_tokens()
    {
        var report = Evaluate("""
            db:
              type: AWS:RDS:INSTANCE
              properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: true }
            """);

        Assert.Equal("publiclyAccessible", Assert.Single(report.Findings("INF-DATA-001")).PropertyPath);
    }

    [Fact]
    public void Urns_follow_custom_parents_and_use_canonical_types()
    {
        var report = Evaluate("""
            vpc:
              type: aws:ec2:Vpc
            subnet:
              type: aws:ec2:Subnet
              properties: { vpcId: "${vpc.id}", mapPublicIpOnLaunch: true }
              options: { parent: "${vpc}" }
            """);

        Assert.Equal("urn:pulumi:prod::infra::aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet::subnet", Assert.Single(report.Findings("INF-NET-004")).Resource.Urn);
    }

    [Fact]
    public void Config_group_objects_are_named_and_typed_as_the_provider_registers_them()
    {
        var report = Evaluate("""
            apps:
              type: kubernetes:yaml/v2:ConfigGroup
              properties:
                resourcePrefix: shop
                objs:
                  - { apiVersion: v1, kind: Pod, metadata: { name: debug, namespace: tools }, spec: { hostPID: true, containers: [{ name: c, image: "busybox:1.36" }] } }
                yaml: |
                  apiVersion: v1
                  kind: List
                  items:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: { name: web }
                      spec: { template: { spec: { hostIPC: yes, containers: [{ name: web, image: "web:1.0" }] } } }
            """);

        var findings = report.Findings("INF-WL-006");
        Assert.Equal(
            [
                ("shop-web", "urn:pulumi:prod::infra::kubernetes:yaml/v2:ConfigGroup$kubernetes:apps/v1:Deployment::shop-web", "spec.template.spec.hostIPC"),
                ("shop-tools/debug", "urn:pulumi:prod::infra::kubernetes:yaml/v2:ConfigGroup$kubernetes:core/v1:Pod::shop-tools/debug", "spec.hostPID"),
            ],
            findings.Select(f => (f.Resource.LogicalName, f.Resource.Urn, f.PropertyPath)).ToArray());
        Assert.All(findings, f => Assert.Equal(("Main.yaml", 4), (f.Resource.File, f.Resource.Line)));
        Assert.Equal("apps", findings[1].Resource.Container!.LogicalName);
    }

    [Fact]
    public void Config_group_content_that_cannot_be_read_fails_closed_for_mandatory_workload_rules()
    {
        var report = PolicyPack.Evaluate(Program("""
            vendor:
              type: kubernetes:yaml/v2:ConfigGroup
              properties: { files: ["manifests/*.yaml"] }
            """), Context(), [PolicyPack.Find("INF-WL-001")!, PolicyPack.Find("INF-WL-012")!]);

        var mandatory = Assert.Single(report.Findings("INF-WL-001"));
        Assert.Equal((FindingStatus.CannotEvaluate, true, "files"), (mandatory.Status, mandatory.IsBlocking, mandatory.PropertyPath));
        Assert.Contains("which the provider reads at deploy time", mandatory.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(report.Findings("INF-WL-012")).IsBlocking);
    }

    [Fact]
    public void Invalid_manifest_yaml_is_reported_as_unreadable_not_thrown()
    {
        var report = PolicyPack.Evaluate(Program("""
            broken:
              type: kubernetes:yaml/v2:ConfigGroup
              properties: { yaml: "kind: [unclosed" }
            """), Context(), [PolicyPack.Find("INF-WL-001")!]);

        Assert.Contains("is not valid YAML", Assert.Single(report.Findings).Problem, StringComparison.Ordinal);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Resources_read_with_get_are_not_judged()
    {
        var report = Evaluate("""
            legacy:
              type: aws:rds/instance:Instance
              get: { id: legacy-db }
            """);

        Assert.DoesNotContain(report.Findings, f => f.Resource.LogicalName == "legacy");
    }

    [Fact]
    public void The_program_reader_parses_expressions_escapes_and_builtins_and_keeps_lines()
    {
        var program = Infra.Core.Synthesis.ProgramReader.Read("""
            name: shop
            runtime: yaml
            resources:
              db:
                type: aws:rds:Instance
                properties:
                  endpoint: "${cluster.endpoint}"
                  url: "postgres://${cluster.endpoint}:5432/${infra:dbName}"
                  literal: "$${not.an.expression}"
                  password: { "fn::secret": hunter2 }
                  port: 5432
                  multiAz: true
            """, "Main.yaml");

        var db = Assert.Single(program.Resources);
        var properties = db.Properties!;
        Assert.Equal((4, "shop"), (db.YamlLine, program.Name));
        Assert.Equal("cluster", Assert.IsType<ReferenceNode>(properties["endpoint"]).Root);
        Assert.Equal(4, Assert.IsType<InterpolationNode>(properties["url"]).Parts.Count);
        Assert.Equal("${not.an.expression}", Assert.IsType<StringNode>(properties["literal"]).Value);
        Assert.Equal("secret", Assert.IsType<FunctionNode>(properties["password"]).Name);
        Assert.Equal(5432, Assert.IsType<IntegerNode>(properties["port"]).Value);
        Assert.True(Assert.IsType<BoolNode>(properties["multiAz"]).Value);
    }

    [Fact]
    public void The_program_reader_reports_every_resource_without_a_type()
    {
        var error = Assert.Throws<Infra.Core.Diagnostics.InfraException>(() => Infra.Core.Synthesis.ProgramReader.Read("""
            resources:
              a: { properties: {} }
              b: { type: "" }
            """));

        Assert.Equal([2, 3], error.Diagnostics.Select(d => d.Line ?? 0).ToArray());
    }
}
