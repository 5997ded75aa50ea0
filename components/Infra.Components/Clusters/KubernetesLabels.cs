using System.Text.RegularExpressions;
using Infra.Components.Validation;

namespace Infra.Components.Clusters;

/// <summary>Kubernetes' rules for label (and taint) keys and values.</summary>
public static partial class KubernetesLabels
{
    /// <summary>True for <c>name</c> or <c>prefix/name</c>: a DNS-subdomain prefix and a name of at most 63 characters.</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        return name.Length is > 0 and <= 63 && NamePattern().IsMatch(name) &&
               (prefix is null || (prefix.Length <= 253 && PrefixPattern().IsMatch(prefix)));
    }

    /// <summary>True for an empty value or a name of at most 63 characters.</summary>
    public static bool IsValidValue(string? value) =>
        string.IsNullOrEmpty(value) || (value.Length <= 63 && NamePattern().IsMatch(value));

    /// <summary>Records a problem for an invalid key or value.</summary>
    public static void Check(Problems problems, string property, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsValidKey(key))
        {
            problems.Add("INFRA-K8S-011", property, key, $"'{key}' is not a valid Kubernetes label key.",
                "an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
                "Use a key such as workload or example.com/workload.");
        }

        if (!IsValidValue(value))
        {
            problems.Add("INFRA-K8S-011", property, value, $"'{value}' is not a valid Kubernetes label value.",
                "empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
                "Use a value such as batch.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex PrefixPattern();
}
