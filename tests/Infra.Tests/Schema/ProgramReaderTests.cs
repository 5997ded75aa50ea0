using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Schema;

/// <summary>How <see cref="ProgramReader"/> reads Pulumi YAML, and what it refuses.</summary>
public sealed class ProgramReaderTests
{
    [Fact]
    public void Strings_become_references_interpolations_or_literals()
    {
        var program = ProgramReader.Read("""
            name: demo
            resources:
              bucket:
                type: aws:s3:Bucket
                properties:
                  whole: ${vpc.tags["Name"]}
                  mixed: arn:${aws:region}:${vpc.id}/x
                  escaped: $${not.an.expression}
                  dollars: a$$b$c
            """);

        var properties = program.Resources[0].Properties!;
        var whole = Assert.IsType<ReferenceNode>(properties["whole"]);
        Assert.Equal("vpc", whole.Root);
        Assert.Equal([PathSegment.Property("tags"), PathSegment.Property("Name")], whole.Path);
        var mixed = Assert.IsType<InterpolationNode>(properties["mixed"]);
        Assert.Equal(5, mixed.Parts.Count);
        Assert.Equal("aws:region", Assert.IsType<ReferenceNode>(mixed.Parts[1]).Root);
        Assert.Equal("/x", Assert.IsType<StringNode>(mixed.Parts[4]).Value);
        Assert.Equal("${not.an.expression}", Assert.IsType<StringNode>(properties["escaped"]).Value);
        Assert.Equal("a$b$c", Assert.IsType<StringNode>(properties["dollars"]).Value);
    }

    [Fact]
    public void Scalars_are_typed_as_Pulumi_YAML_reads_them()
    {
        var properties = ProgramReader.Read("""
            resources:
              r:
                type: random:index:RandomPet
                properties:
                  count: 3
                  ratio: 2.5
                  negative: -7
                  yes: true
                  no: False
                  quotedNumber: "3"
                  quotedBool: 'true'
                  legacyYes: yes
                  literal: |
                    two
                    lines
                  nothing: null
            """).Resources[0].Properties!;

        Assert.Equal(3, Assert.IsType<IntegerNode>(properties["count"]).Value);
        Assert.Equal(2.5, Assert.IsType<NumberNode>(properties["ratio"]).Value);
        Assert.Equal(-7, Assert.IsType<IntegerNode>(properties["negative"]).Value);
        Assert.True(Assert.IsType<BoolNode>(properties["yes"]).Value);
        Assert.False(Assert.IsType<BoolNode>(properties["no"]).Value);
        Assert.Equal("3", Assert.IsType<StringNode>(properties["quotedNumber"]).Value);
        Assert.Equal("true", Assert.IsType<StringNode>(properties["quotedBool"]).Value);
        Assert.Equal("yes", Assert.IsType<StringNode>(properties["legacyYes"]).Value);
        Assert.Null(properties["nothing"]);
        Assert.Equal("two\nlines\n", Assert.IsType<StringNode>(properties["literal"]).Value);
    }

    [Fact]
    public void Built_in_calls_and_invoke_shorthands_become_function_nodes()
    {
        var properties = ProgramReader.Read("""
            resources:
              r:
                type: aws:s3:Bucket
                properties:
                  policy:
                    fn::toJSON: { Version: "2012-10-17" }
                  owner:
                    fn::aws:index:getCallerIdentity: {}
                  casing:
                    fn::ToBase64: text
                  notACall:
                    fn::secret: a
                    other: b
            """).Resources[0].Properties!;

        var toJson = Assert.IsType<FunctionNode>(properties["policy"]);
        Assert.Equal("toJSON", toJson.Name);
        var invoke = Assert.IsType<FunctionNode>(properties["owner"]);
        Assert.Equal("invoke", invoke.Name);
        var call = Assert.IsType<MapNode>(invoke.Argument);
        Assert.Equal("aws:index:getCallerIdentity", Assert.IsType<StringNode>(call["function"]).Value);
        Assert.Same(MapNode.Empty, call["arguments"]);
        Assert.Equal("toBase64", Assert.IsType<FunctionNode>(properties["casing"]).Name);
        Assert.Equal(2, Assert.IsType<MapNode>(properties["notACall"]).Entries.Count);
    }

    [Fact]
    public void Declarations_keep_their_fields_and_yaml_line()
    {
        var program = ProgramReader.Read("""
            name: demo
            description: A demo
            variables:
              prefix: app
            resources:
              provider:
                type: pulumi:providers:aws
                defaultProvider: true
              bucket:
                type: aws:s3:Bucket
                name: site-bucket
                options:
                  protect: true
              existing:
                type: aws:s3:Bucket
                get:
                  id: b-123
            outputs:
              name: ${bucket.bucket}
            """, "Main.yaml");

        Assert.Equal("demo", program.Name);
        Assert.Equal("A demo", program.Description);
        Assert.Equal("prefix", Assert.Single(program.Variables).Key);
        Assert.Equal([6, 9, 14], program.Resources.Select(r => r.YamlLine));
        Assert.True(program.Resources[0].DefaultProvider);
        Assert.Equal("site-bucket", program.Resources[1].LogicalName);
        Assert.Equal(BoolNode.True, program.Resources[1].Options!["protect"]);
        Assert.Equal("b-123", Assert.IsType<StringNode>(program.Resources[2].Get!["id"]).Value);
        Assert.Equal("name", Assert.Single(program.Outputs).Key);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_all_reported()
    {
        var problems = Problems("""
            resources:
              a:
                type: aws:s3:Bucket
                properties:
                  tags: &common
                    team: web
              b:
                type: aws:s3:Bucket
                properties:
                  tags:
                    <<: *common
                    extra: x
            """);

        Assert.Equal(
        [
            "Main.yaml:5 INFRA-YAML-002 Anchor '&common' is not allowed: Pulumi YAML rejects anchors and aliases.",
            "Main.yaml:11 INFRA-YAML-002 Merge key '<<' is not allowed: Pulumi YAML rejects anchors and merge keys.",
            "Main.yaml:11 INFRA-YAML-002 Alias '*common' is not allowed: Pulumi YAML rejects anchors and aliases.",
        ], problems);
    }

    [Fact]
    public void Duplicate_keys_are_all_reported()
    {
        var problems = Problems("""
            resources:
              a:
                type: aws:s3:Bucket
                properties:
                  bucket: one
                  bucket: two
              a:
                type: aws:s3:Bucket
            """);

        Assert.Equal(
        [
            "Main.yaml:6 INFRA-YAML-003 Key 'bucket' appears twice in the same mapping.",
            "Main.yaml:7 INFRA-YAML-003 Key 'a' appears twice in the same mapping.",
        ], problems);
    }

    [Fact]
    public void Invalid_interpolations_unknown_keys_and_properties_with_get_are_all_reported()
    {
        var problems = Problems("""
            resources:
              a:
                type: aws:s3:Bucket
                propreties:
                  bucket: x
                protect: true
                properties:
                  bucket: ${unclosed
                  other: ${a b}
                  ok: ${a}
                get:
                  id: x
              b:
                name: no-type
            """);

        Assert.Equal(
        [
            "Main.yaml:4 INFRA-YAML-005 Resource 'a' has unknown key 'propreties'. Did you mean 'properties'?",
            "Main.yaml:6 INFRA-YAML-005 Resource 'a' has unknown key 'protect'. 'protect' is an option: move it under 'options'.",
            "Main.yaml:8 INFRA-YAML-004 'resources.a.properties.bucket': '${' at position 0 is not closed by '}' (write $${ for a literal ${).",
            "Main.yaml:9 INFRA-YAML-004 'resources.a.properties.other': '${a b}' is not a valid expression: unexpected ' ' in the name 'a '.",
            "Main.yaml:12 INFRA-YAML-006 Resource 'a' has both 'properties' and 'get'.",
            "Main.yaml:13 INFRA-YAML-007 Resource 'b' has no 'type'.",
        ], problems);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line()
    {
        var problems = Problems("""
            resources:
              a:
                type: aws:s3:Bucket
                properties: [unclosed
            """);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Main.yaml:", problem, StringComparison.Ordinal);
        Assert.Contains("INFRA-YAML-001 The file is not valid YAML:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_raises_every_problem_in_one_exception()
    {
        var error = Assert.Throws<InfraException>(() => ProgramReader.Read("""
            resources:
              a:
                type: aws:s3:Bucket
                tipe: x
                properties:
                  bucket: ${}
            """, "Main.yaml"));

        Assert.Equal(["INFRA-YAML-005", "INFRA-YAML-004"], error.Diagnostics.Select(d => d.Code));
        Assert.All(error.Diagnostics, d => Assert.Equal("Main.yaml", d.File));
    }

    private static string[] Problems(string yaml)
    {
        Assert.False(ProgramReader.TryRead(yaml, "Main.yaml", out var program, out var problems));
        Assert.Null(program);
        return [.. problems.Select(p => $"{p.File}:{p.Line} {p.Code} {p.Message}")];
    }
}
