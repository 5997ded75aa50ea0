namespace Infra.Core.Schema;

/// <summary>Resource types that Pulumi YAML knows without a provider schema, and the types it refuses.</summary>
internal static class BuiltinTypes
{
    public const string StackReferenceToken = "pulumi:pulumi:StackReference";

    /// <summary><c>pulumi:pulumi:StackReference</c>: input <c>name</c> (defaults to the key), outputs <c>outputs</c> and <c>secretOutputNames</c>.</summary>
    public static readonly ResourceSpec StackReference = new(StackReferenceToken, "pulumi",
        new ObjectSpec(StackReferenceToken, new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["name"] = new("name", SchemaType.String),
        }, []),
        new ObjectSpec(StackReferenceToken, new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["name"] = new("name", SchemaType.String),
            ["outputs"] = new("outputs", SchemaType.MapOfAny),
            ["secretOutputNames"] = new("secretOutputNames", SchemaType.ListOfStrings),
        }, []));

    /// <summary>The built-in stash resource; its input is any value, so it is not checked.</summary>
    public static readonly HashSet<string> Unchecked = new(StringComparer.OrdinalIgnoreCase) { "pulumi:Stash", "pulumi:index:Stash" };

    public static readonly string[] Tokens = [StackReferenceToken, "pulumi:index:Stash"];

    /// <summary>Types Pulumi YAML refuses (pulumi-yaml's blocklist), with what to use instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["kubernetes:helm.sh/v2:Chart"] = "Use kubernetes:helm.sh/v3:Release (or the kubernetes:helm.sh/v4:Chart component).",
        ["kubernetes:helm.sh/v3:Chart"] = "Use kubernetes:helm.sh/v3:Release (or the kubernetes:helm.sh/v4:Chart component).",
        ["kubernetes:apiextensions.k8s.io:CustomResource"] = "Declare the custom resource with its own type token (kubernetes:<group>/<version>:<Kind>) from a schema that has it.",
        ["kubernetes:yaml:ConfigFile"] = "Use kubernetes:yaml/v2:ConfigFile.",
        ["kubernetes:yaml:ConfigGroup"] = "Use kubernetes:yaml/v2:ConfigGroup.",
        ["kubernetes:kustomize:Directory"] = "Use kubernetes:kustomize/v2:Directory.",
    };
}
