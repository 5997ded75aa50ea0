using Infra.Core.Schema;
using Infra.Core.Synthesis;

namespace Infra.Tests.Schema;

/// <summary>Value shapes and expression types, on a small hand-written schema that has one of each kind of type.</summary>
public sealed class ValueTypingTests
{
    private const string Schema = """
        {
          "name": "test", "version": "1.2.3",
          "config": { "variables": { "endpoint": { "type": "string" } } },
          "provider": { "requiredInputs": [] },
          "resources": {
            "test:index/thing:Thing": {
              "inputProperties": {
                "count": { "type": "integer" },
                "ratio": { "type": "number" },
                "mode": { "$ref": "#/types/test:index/Mode:Mode" },
                "port": { "oneOf": [ { "type": "integer" }, { "type": "string" } ] },
                "policy": { "oneOf": [ { "type": "string" }, { "$ref": "#/types/test:index/Policy:Policy" } ] },
                "owner": { "$ref": "#/resources/test:index/owner:Owner" },
                "code": { "$ref": "pulumi.json#/Archive" },
                "file": { "$ref": "pulumi.json#/Asset" },
                "anything": { "$ref": "pulumi.json#/Any" },
                "labels": { "type": "object", "additionalProperties": { "type": "string" } },
                "kind": { "type": "string", "const": "Thing" },
                "old": { "type": "string", "deprecated": true }
              },
              "requiredInputs": [ "count" ],
              "properties": {
                "count": { "type": "integer" },
                "status": { "$ref": "#/types/test:index/Status:Status" }
              },
              "required": [ "count" ]
            },
            "test:index/owner:Owner": {
              "inputProperties": {}, "requiredInputs": [],
              "properties": { "name": { "type": "string" } }, "required": []
            }
          },
          "functions": {
            "test:index/getValue:getValue": {
              "inputs": { "properties": { "key": { "type": "string" } }, "required": [ "key" ] },
              "outputs": { "type": "string" }
            }
          },
          "types": {
            "test:index/Mode:Mode": { "type": "string", "enum": [ { "value": "fast" }, { "value": "safe" } ] },
            "test:index/Policy:Policy": {
              "type": "object",
              "properties": { "rules": { "type": "array", "items": { "type": "string" } } },
              "required": [ "rules" ]
            },
            "test:index/Status:Status": { "type": "object", "properties": { "ready": { "type": "boolean" } } }
          }
        }
        """;

    private static readonly SchemaSet Schemas = SchemaSet.FromPackages(PackageSchema.Parse(Schema, "test.json"));

    [Fact]
    public void Numbers_fit_integer_and_number_properties_by_value()
    {
        Assert.Empty(Errors("count: 3.0", "ratio: 2"));
        Assert.Equal(["'properties.count' must be an integer, not the number 3.5.", "'properties.ratio' must be a number, not the string \"2\"."],
            Errors("count: 3.5", "ratio: \"2\""));
    }

    [Fact]
    public void Enum_values_and_constants_must_match()
    {
        Assert.Empty(Errors("mode: safe", "kind: Thing"));
        Assert.Equal(["'properties.mode' must be one of \"fast\", \"safe\", not the string \"slow\".", "'properties.kind' must be \"Thing\", not the string \"Other\"."],
            Errors("mode: slow", "kind: Other"));
    }

    [Fact]
    public void A_union_takes_any_alternative_and_explains_the_one_of_the_values_shape()
    {
        Assert.Empty(Errors("port: 80", "policy: '{\"rules\": []}'"));
        Assert.Empty(Errors("port: http", "policy: { rules: [a] }"));
        Assert.Equal(
        [
            "'properties.port' must be an integer or a string, not a list.",
            "unknown property 'properties.policy.rule'. Did you mean 'rules'?",
            "required property 'properties.policy.rules' is missing.",
        ], Errors("port: [80]", "policy: { rule: [a] }"));
    }

    [Fact]
    public void A_resource_input_takes_that_resource_or_an_id()
    {
        Assert.Empty(Errors("owner: ${owner}"));
        Assert.Empty(Errors("owner: owner-id"));
        Assert.Equal(["'properties.owner' must be a resource of type test:index/owner:Owner (or its ID), not '${other}' (a resource of type test:index/thing:Thing)."],
            Errors("owner: ${other}"));
    }

    [Fact]
    public void Assets_and_archives_come_from_their_functions()
    {
        Assert.Empty(Errors("code: { fn::fileArchive: ./app }", "file: { fn::stringAsset: text }"));
        Assert.Empty(Errors("file: { fn::remoteArchive: https://example.com/a.zip }"));
        Assert.Equal(["'properties.code' must be an archive, not fn::fileAsset (an asset).", "'properties.file' must be an asset, not the string \"a.txt\"."],
            Errors("code: { fn::fileAsset: ./app.js }", "file: a.txt"));
    }

    [Fact]
    public void Maps_check_their_values_and_any_takes_everything()
    {
        Assert.Empty(Errors("labels: { a: x, b: 2, c: true }", "anything: { deep: [1, { x: y }] }"));
        Assert.Equal(["'properties.labels[\"team\"]' must be a string, not a list."], Errors("labels: { team: [a] }"));
    }

    [Fact]
    public void Expressions_have_the_type_of_what_they_refer_to()
    {
        Assert.Empty(Errors("ratio: ${other.count}", "count: ${test:endpoint}", "labels: { a: '${other.status.ready}' }"));
        Assert.Equal(
        [
            "'properties.count' must be an integer, not '${other.status.ready}' (a boolean).",
            "'properties.ratio' must be a number, not an interpolated string.",
            "'properties.mode.fn::secret' must be one of \"fast\", \"safe\", not the number 2.5.",
        ], Errors("count: ${other.status.ready}", "ratio: n-${other.count}", "mode: { fn::secret: 2.5 }"));
    }

    [Fact]
    public void A_function_with_a_single_result_types_the_invoke_and_takes_no_return()
    {
        Assert.Empty(Errors("labels: { v: { fn::invoke: { function: test:index:getValue, arguments: { key: a } } } }"));
        Assert.Equal(
        [
            "'properties.count' must be an integer, not fn::invoke (a string).",
            "invoke of 'test:index/getValue:getValue' at 'properties.ratio' returns a single value, so it takes no 'return'.",
        ], Errors("count: { fn::test:index:getValue: { key: a } }", "ratio: { fn::invoke: { function: test:index:getValue, arguments: { key: a }, return: x } }"));
    }

    [Fact]
    public void A_provider_without_input_properties_takes_the_config_variables()
    {
        var result = Check("""
            resources:
              p:
                type: pulumi:providers:test
                properties:
                  endpoint: https://example.com
                  endpoin: x
            """);

        Assert.Equal(["Resource 'p' (pulumi:providers:test): unknown property 'properties.endpoin'. Did you mean 'endpoint'?"], result.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Deprecated_properties_are_warnings_not_errors()
    {
        var result = Check(Program("old: x"));

        Assert.Empty(result.Diagnostics);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(SchemaCodes.Deprecated, warning.Code);
        Assert.Equal("Resource 't' (test:index/thing:Thing): 'properties.old' is deprecated.", warning.Message);
    }

    private static string Program(params string[] properties) =>
        "resources:\n" +
        "  owner:\n    type: test:index:Owner\n" +
        "  other:\n    type: test:index:Thing\n    properties:\n      count: 1\n" +
        "  t:\n    type: test:index:Thing\n    properties:\n" +
        (properties.Any(p => p.StartsWith("count:", StringComparison.Ordinal)) ? "" : "      count: 1\n") +
        string.Concat(properties.Select(p => "      " + p + "\n"));

    private static SchemaCheckResult Check(string yaml) => SchemaCheck.Check(ProgramReader.Read(yaml), Schemas);

    /// <summary>The messages for resource 't', without the "Resource 't' (…): " prefix.</summary>
    private static string[] Errors(params string[] properties)
    {
        var result = Check(Program(properties));
        const string prefix = "Resource 't' (test:index/thing:Thing): ";
        Assert.All(result.Diagnostics, d => Assert.StartsWith(prefix, d.Message, StringComparison.Ordinal));
        return [.. result.Diagnostics.Select(d => d.Message[prefix.Length..])];
    }
}
