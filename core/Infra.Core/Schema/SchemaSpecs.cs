using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>One property of a resource, object type or function.</summary>
public sealed record PropertySpec(string Name, SchemaType Type, bool Deprecated = false, bool Secret = false);

/// <summary>Named properties and which of them must be given: a resource's inputs or outputs, an object type, a function's arguments or result.</summary>
public sealed class ObjectSpec
{
    private string[]? sortedNames;

    public ObjectSpec(string token, IReadOnlyDictionary<string, PropertySpec> properties, IReadOnlyList<string> required)
    {
        Token = token;
        Properties = properties;
        Required = required;
    }

    public static ObjectSpec Empty(string token) => new(token, new Dictionary<string, PropertySpec>(StringComparer.Ordinal), []);

    public string Token { get; }

    public IReadOnlyDictionary<string, PropertySpec> Properties { get; }

    public IReadOnlyList<string> Required { get; }

    /// <summary>Property names in ordinal order, for messages.</summary>
    public IReadOnlyList<string> SortedNames
    {
        get
        {
            if (sortedNames is null)
            {
                var names = Properties.Keys.ToArray();
                Array.Sort(names, StringComparer.Ordinal);
                sortedNames = names;
            }

            return sortedNames;
        }
    }

    public PropertySpec? Find(string name) => Properties.TryGetValue(name, out var property) ? property : null;
}

/// <summary>An enum type: its underlying primitive and the allowed values.</summary>
public sealed class EnumSpec(string token, SchemaType underlying, IReadOnlyList<Node> values)
{
    public string Token { get; } = token;

    /// <summary>String, number, integer or boolean.</summary>
    public SchemaType Underlying { get; } = underlying;

    public IReadOnlyList<Node> Values { get; } = values;
}

/// <summary>A resource type (or a provider, <c>pulumi:providers:&lt;package&gt;</c>): inputs with required inputs, and outputs.</summary>
public sealed class ResourceSpec(string token, string package, ObjectSpec inputs, ObjectSpec outputs)
{
    /// <summary>The canonical token, as registered and used in URNs.</summary>
    public string Token { get; } = token;

    public string Package { get; } = package;

    public ObjectSpec Inputs { get; } = inputs;

    public ObjectSpec Outputs { get; } = outputs;

    public bool IsComponent { get; init; }

    public bool Deprecated { get; init; }

    public bool IsProvider { get; init; }

    /// <summary>An output (or, for a provider, an input, which providers mirror) by name; <c>id</c> and <c>urn</c> always exist.</summary>
    public SchemaType? OutputType(string name)
    {
        if (Outputs.Find(name) is { } output)
        {
            return output.Type;
        }

        if (name is "id" or "urn")
        {
            return SchemaType.String;
        }

        return IsProvider ? Inputs.Find(name)?.Type : null;
    }

    /// <summary>Every name <see cref="OutputType"/> accepts, for "did you mean".</summary>
    public IEnumerable<string> OutputNames()
    {
        foreach (var name in Outputs.SortedNames)
        {
            yield return name;
        }

        yield return "id";
        yield return "urn";
        if (IsProvider)
        {
            foreach (var name in Inputs.SortedNames)
            {
                yield return name;
            }
        }
    }
}

/// <summary>A provider function (invoke): its arguments and its result, an object or (rarely) a single value.</summary>
public sealed class FunctionSpec(string token, ObjectSpec inputs, ObjectSpec? outputs, SchemaType? returnType)
{
    public string Token { get; } = token;

    public ObjectSpec Inputs { get; } = inputs;

    /// <summary>The result object; null when the function returns a single value (<see cref="ReturnType"/>).</summary>
    public ObjectSpec? Outputs { get; } = outputs;

    public SchemaType? ReturnType { get; } = returnType;

    /// <summary>The type of the whole result.</summary>
    public SchemaType ResultType { get; } = outputs is not null ? SchemaType.ObjectOf(outputs) : returnType ?? SchemaType.Any;
}
