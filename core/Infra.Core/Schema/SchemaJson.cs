using System.Globalization;
using System.Text.Json;
using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>
/// Converts the JSON of a Pulumi package schema into specs. Only called for the tokens a program uses;
/// the caller holds the package's lock (a <see cref="JsonDocument"/> is not safe for concurrent reads).
/// </summary>
internal static class SchemaJson
{
    private const string TypesRef = "#/types/";
    private const string ResourcesRef = "#/resources/";

    public static SchemaType ReadType(JsonElement property, PackageSchema owner)
    {
        if (property.ValueKind != JsonValueKind.Object)
        {
            return SchemaType.Any;
        }

        if (property.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            return ReadReference(reference.GetString()!, owner);
        }

        if (property.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var alternatives = new List<SchemaType>(oneOf.GetArrayLength());
            foreach (var alternative in oneOf.EnumerateArray())
            {
                alternatives.Add(ReadType(alternative, owner));
            }

            return SchemaType.UnionOf(alternatives);
        }

        if (!property.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return SchemaType.Any;
        }

        var primitive = type.GetString() switch
        {
            "string" => SchemaType.String,
            "integer" => SchemaType.Integer,
            "number" => SchemaType.Number,
            "boolean" => SchemaType.Boolean,
            "array" => SchemaType.ArrayOf(property.TryGetProperty("items", out var items) ? ReadType(items, owner) : SchemaType.Any),
            "object" => property.TryGetProperty("additionalProperties", out var values)
                ? SchemaType.MapOf(ReadType(values, owner))
                : SchemaType.MapOfAny,
            _ => SchemaType.Any,
        };

        return property.TryGetProperty("const", out var constant) && Literal(constant, primitive) is { } literal
            ? SchemaType.ConstOf(primitive, literal)
            : primitive;
    }

    public static ObjectSpec ReadObject(string token, JsonElement container, string propertiesKey, string requiredKey, PackageSchema owner)
    {
        var properties = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        if (container.ValueKind == JsonValueKind.Object &&
            container.TryGetProperty(propertiesKey, out var members) && members.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in members.EnumerateObject())
            {
                properties[member.Name] = new PropertySpec(member.Name, ReadType(member.Value, owner),
                    Deprecated: IsDeprecated(member.Value), Secret: IsTrue(member.Value, "secret"));
            }
        }

        return new ObjectSpec(token, properties, ReadStrings(container, requiredKey));
    }

    public static SchemaType ReadNamedType(string token, JsonElement type, PackageSchema owner)
    {
        if (type.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            var underlying = type.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String
                ? kind.GetString() switch
                {
                    "integer" => SchemaType.Integer,
                    "number" => SchemaType.Number,
                    "boolean" => SchemaType.Boolean,
                    _ => SchemaType.String,
                }
                : SchemaType.String;
            var literals = new List<Node>(values.GetArrayLength());
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var literal) && Literal(literal, underlying) is { } node)
                {
                    literals.Add(node);
                }
            }

            return SchemaType.EnumOf(new EnumSpec(token, underlying, literals));
        }

        return SchemaType.ObjectOf(ReadObject(token, type, "properties", "required", owner));
    }

    public static ResourceSpec ReadResource(string token, JsonElement resource, PackageSchema owner) =>
        new(token, owner.Name,
            ReadObject(token, resource, "inputProperties", "requiredInputs", owner),
            ReadObject(token, resource, "properties", "required", owner))
        {
            IsComponent = IsTrue(resource, "isComponent"),
            Deprecated = IsDeprecated(resource),
        };

    public static ResourceSpec ReadProvider(string token, JsonElement provider, JsonElement config, PackageSchema owner)
    {
        // Real schemas mirror config.variables in the provider's inputProperties; some omit them when there are none.
        var inputs = provider.ValueKind == JsonValueKind.Object && provider.TryGetProperty("inputProperties", out _)
            ? ReadObject(token, provider, "inputProperties", "requiredInputs", owner)
            : new ObjectSpec(token, ReadObject(token, config, "variables", "required", owner).Properties, ReadStrings(provider, "requiredInputs"));
        return new ResourceSpec(token, owner.Name, inputs, ReadObject(token, provider, "properties", "required", owner)) { IsProvider = true };
    }

    public static FunctionSpec ReadFunction(string token, JsonElement function, PackageSchema owner)
    {
        var inputs = function.TryGetProperty("inputs", out var inputElement)
            ? ReadObject(token, inputElement, "properties", "required", owner)
            : ObjectSpec.Empty(token);
        if (function.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object)
        {
            return outputs.TryGetProperty("properties", out _)
                ? new FunctionSpec(token, inputs, ReadObject(token, outputs, "properties", "required", owner), null)
                : new FunctionSpec(token, inputs, null, ReadType(outputs, owner));
        }

        if (function.TryGetProperty("returnType", out var returnType) && returnType.ValueKind == JsonValueKind.Object)
        {
            if (returnType.TryGetProperty("objectTypeSpec", out var objectType))
            {
                return new FunctionSpec(token, inputs, ReadObject(token, objectType, "properties", "required", owner), null);
            }

            if (returnType.TryGetProperty("type", out var single))
            {
                return new FunctionSpec(token, inputs, null, ReadType(single, owner));
            }
        }

        return new FunctionSpec(token, inputs, ObjectSpec.Empty(token), null);
    }

    public static IReadOnlyList<string> ReadStrings(JsonElement container, string key)
    {
        if (container.ValueKind != JsonValueKind.Object || !container.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var strings = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                strings.Add(item.GetString()!);
            }
        }

        return strings;
    }

    private static SchemaType ReadReference(string reference, PackageSchema owner)
    {
        if (reference.StartsWith(TypesRef, StringComparison.Ordinal))
        {
            return SchemaType.NamedIn(owner, Uri.UnescapeDataString(reference[TypesRef.Length..]));
        }

        if (reference.StartsWith(ResourcesRef, StringComparison.Ordinal))
        {
            return SchemaType.ResourceOf(Uri.UnescapeDataString(reference[ResourcesRef.Length..]));
        }

        return reference switch
        {
            "#/provider" => SchemaType.ResourceOf(PackageSchema.ProviderPrefix + owner.Name),
            "pulumi.json#/Asset" => SchemaType.Asset,
            "pulumi.json#/Archive" => SchemaType.Archive,
            // pulumi.json#/Any, #/Json and references into other packages' schemas: not checked.
            _ => SchemaType.Any,
        };
    }

    private static Node? Literal(JsonElement value, SchemaType type) => value.ValueKind switch
    {
        JsonValueKind.String => new StringNode(value.GetString()!),
        JsonValueKind.True => BoolNode.True,
        JsonValueKind.False => BoolNode.False,
        JsonValueKind.Number when value.TryGetInt64(out var whole) && type.Kind != SchemaTypeKind.Number => new IntegerNode(whole),
        JsonValueKind.Number => new NumberNode(double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static bool IsDeprecated(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("deprecated", out var deprecated) &&
        (deprecated.ValueKind == JsonValueKind.True || (deprecated.ValueKind == JsonValueKind.String && deprecated.GetString()!.Length > 0));

    private static bool IsTrue(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.True;
}
