using System.Collections.Concurrent;
using System.Reflection;

namespace Infra.Core.Values;

/// <summary>Marks a property of a <see cref="ResourceArgs"/> class with its schema (wire) name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Typed resource arguments in the Pulumi .NET style: properties marked <see cref="InputAttribute"/>
/// become the resource's properties, in declaration order; null properties are left out.
/// </summary>
public abstract class ResourceArgs
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Shapes = new();

    public Props ToProps()
    {
        var props = new Props();
        foreach (var (property, name) in Shapes.GetOrAdd(GetType(), Describe))
        {
            props.Add(name, Input.From(property.GetValue(this)));
        }

        return props;
    }

    public static implicit operator Props(ResourceArgs args) => args.ToProps();

    private static (PropertyInfo, string)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => (p.Property, p.Attribute!.Name))
            .ToArray();
}
