using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>A declaration as a whole: its type, defaultProvider, properties versus get, and the get block.</summary>
internal sealed partial class ValidationRun
{
    private void CheckType(ResourceEntry entry)
    {
        var token = entry.Decl.Type;
        Begin("type");
        switch (entry.Status)
        {
            case TypeStatus.Refused:
                Report(SchemaCodes.RefusedType, $"type '{token}' is not supported in Pulumi YAML programs.",
                    "Pulumi YAML refuses Helm v2/v3 Chart, yaml:ConfigFile, yaml:ConfigGroup, kustomize:Directory and apiextensions.k8s.io:CustomResource",
                    BuiltinTypes.Refused[BuiltinTypes.Refused.ContainsKey(token) ? token : entry.Token], token);
                break;
            case TypeStatus.Invalid:
                Report(SchemaCodes.UnknownType, $"'{token}' is not a type token.", "package:Name, package:module:Name, or pulumi:providers:<package>",
                    "Write the type token from the provider's schema, e.g. aws:s3/bucket:Bucket.", token);
                break;
            case TypeStatus.Unknown when entry.Schema is { } schema:
                var suggestion = schema.SuggestResource(token);
                Report(SchemaCodes.UnknownType, $"unknown type '{token}' in package {schema.Name} {schema.Version}." + DidYouMean(suggestion),
                    $"a resource type of the {schema.Name} schema ({schema.File}); pkg:Name and pkg:module:Name resolve as in Pulumi YAML, ignoring case",
                    suggestion is null ? "Check the type token against the provider's schema." : $"Use '{suggestion}'.", token);
                break;
            case TypeStatus.Unknown:
                var builtin = Suggest.Closest(token, BuiltinTypes.Tokens);
                Report(SchemaCodes.UnknownType, $"unknown built-in type '{token}'." + DidYouMean(builtin),
                    "built-in types: " + string.Join(", ", BuiltinTypes.Tokens) + ", pulumi:providers:<package>",
                    builtin is null ? "Use a provider's resource type." : $"Use '{builtin}'.", token);
                break;
            case TypeStatus.Resolved when entry.Spec is { Deprecated: true }:
                Warn(SchemaCodes.Deprecated, $"type {entry.Token} is deprecated.", "Use its replacement (see the provider's documentation).");
                break;
        }
    }

    private void CheckDeclaration(ResourceEntry entry)
    {
        var decl = entry.Decl;
        if (decl.DefaultProvider)
        {
            Begin("defaultProvider");
            if (!entry.IsProvider)
            {
                Report(SchemaCodes.Declaration, "defaultProvider is only allowed on provider resources.", "defaultProvider: true on pulumi:providers:<package> only",
                    "Remove defaultProvider, or declare a pulumi:providers:<package> resource.");
            }
            else if (FirstDefaultProvider(entry) is { } first)
            {
                Report(SchemaCodes.Declaration, $"package {entry.Package} already has a default provider, '{first.Decl.LogicalName}'.",
                    "one default provider per package", "Make this one an explicit provider and pass it with the 'provider' option.");
            }
        }

        if (decl.Properties is not null && decl.Get is not null)
        {
            Begin("get");
            Report(SchemaCodes.Declaration, "'properties' and 'get' cannot be used together.", "get reads an existing resource; properties manage a new one",
                "Keep 'get' (with its 'state') to read, or 'properties' to manage.");
        }
    }

    private ResourceEntry? FirstDefaultProvider(ResourceEntry entry)
    {
        foreach (var other in order)
        {
            if (ReferenceEquals(other, entry))
            {
                return null;
            }

            if (other.IsProvider && other.Decl.DefaultProvider && other.Package == entry.Package)
            {
                return other;
            }
        }

        return null;
    }

    private void CheckGet(ResourceEntry entry, MapNode get)
    {
        foreach (var (key, value) in get.Entries)
        {
            Begin("get").Append('.').Append(key);
            switch (key)
            {
                case "id":
                    Check(value, SchemaType.String);
                    break;
                case "state" when value is MapNode state && entry.Status == TypeStatus.Resolved && entry.Spec is { } spec:
                    CheckProperties(state, spec.Outputs, checkRequired: false, isResourceInputs: false);
                    break;
                case "state":
                    Check(value, SchemaType.Any);
                    break;
                default:
                    Report(SchemaCodes.Declaration, $"'get' has no key '{key}'.", "get: {id, state}", "Keep only 'id' and 'state'.");
                    break;
            }
        }

        if (get["id"] is null)
        {
            Begin("get");
            Report(SchemaCodes.Declaration, "'get' needs an 'id'.", "get: {id, state}", "Give the ID of the resource to read.");
        }
    }
}
