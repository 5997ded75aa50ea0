using System.Text.RegularExpressions;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>The Kubernetes naming rules the components check before anything is declared.</summary>
internal static partial class KubernetesNames
{
    /// <summary>RFC 1035 label: what Services and namespaces need (lower-case, starts with a letter, at most 63).</summary>
    public const string LabelRule = "lower-case letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters";

    public static bool IsLabel(string? name) => name is { Length: > 0 and <= 63 } && Label().IsMatch(name);

    /// <summary>An environment variable prefix from an endpoint name: <c>orders-db</c> → <c>ORDERS_DB</c>.</summary>
    public static string EnvPrefix(string name) => name.Replace('-', '_').ToUpperInvariant();

    public static bool IsEnvName(string name) => EnvName().IsMatch(name);

    [GeneratedRegex("^[a-z]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
