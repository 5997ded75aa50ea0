using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Infra.Stacks.Platform;

/// <summary>
/// How stack config sections bind to component argument records: camelCase keys, enums by name, unknown
/// keys are errors. Members that hold resources or outputs (a namespace, a network, a provider) are not
/// config: they are left out of the binding and set by the stack. So the records' own defaults stay the
/// only defaults.
/// </summary>
public static class ConfigJson
{
    private static readonly ConcurrentDictionary<Type, bool> PlainTypes = new();

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepDataMembersOnly } },
    };

    private static void KeepDataMembersOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (!IsPlain(info.Properties[i].PropertyType))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>Strings, numbers, booleans, enums, and records or collections made only of them.</summary>
    private static bool IsPlain(Type type) => PlainTypes.GetOrAdd(type, static t =>
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly))
        {
            return true;
        }

        if (t.IsGenericType && t.GetGenericArguments() is { } arguments && typeof(IEnumerable).IsAssignableFrom(t))
        {
            return arguments.All(IsPlain);
        }

        if (t.IsArray)
        {
            return IsPlain(t.GetElementType()!);
        }

        // Records of the component libraries, as long as all their public members are plain (cycles count as not plain).
        if (t.Namespace?.StartsWith("Infra.Components", StringComparison.Ordinal) == true && t.IsClass && t.GetConstructor(Type.EmptyTypes) is not null)
        {
            PlainTypes[t] = false;
            var plain = t.GetProperties().Where(p => p.CanWrite).Any(p => IsPlain(p.PropertyType));
            PlainTypes[t] = plain;
            return plain;
        }

        return false;
    });
}
