namespace Infra.Core.Schema;

/// <summary>The stable codes of schema-check diagnostics.</summary>
public static class SchemaCodes
{
    /// <summary>Warning: a package the program uses has no schema, so its resources were not checked.</summary>
    public const string NoSchema = "INFRA-SCHEMA-000";

    /// <summary>The resource type token does not exist in its package (or is not a token at all).</summary>
    public const string UnknownType = "INFRA-SCHEMA-001";

    /// <summary>A property that the resource, object type or state does not have.</summary>
    public const string UnknownProperty = "INFRA-SCHEMA-002";

    /// <summary>A required input (or required property of a nested object) is missing.</summary>
    public const string MissingRequired = "INFRA-SCHEMA-003";

    /// <summary>A value of the wrong shape: type, enum value, constant, resource, asset.</summary>
    public const string WrongType = "INFRA-SCHEMA-004";

    /// <summary>A reference to an output (or nested path) that the referenced resource's type does not have.</summary>
    public const string UnknownOutput = "INFRA-SCHEMA-005";

    /// <summary>An invoke problem: unknown function, unknown or missing argument, unknown <c>return</c> field.</summary>
    public const string InvokeProblem = "INFRA-SCHEMA-006";

    /// <summary>A resource or invoke option that Pulumi YAML refuses: unknown key, expression where a literal is required, wrong target.</summary>
    public const string OptionProblem = "INFRA-SCHEMA-007";

    /// <summary>A resource type that Pulumi YAML programs refuse (Helm v2/v3 Chart, yaml:ConfigFile, …).</summary>
    public const string RefusedType = "INFRA-SCHEMA-008";

    /// <summary>Names that are not unique: resource keys, type + logical name (the URN), resource vs variable.</summary>
    public const string DuplicateName = "INFRA-SCHEMA-009";

    /// <summary>A malformed declaration: defaultProvider on a non-provider, two default providers, properties with get, a bad get.</summary>
    public const string Declaration = "INFRA-SCHEMA-010";

    /// <summary>Warning: a deprecated resource type or property is used.</summary>
    public const string Deprecated = "INFRA-SCHEMA-011";
}
