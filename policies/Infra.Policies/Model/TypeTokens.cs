namespace Infra.Policies;

/// <summary>
/// Canonical type tokens. Programs read from YAML may use Pulumi's short forms; Pulumi resolves
/// <c>pkg:Name</c> to <c>pkg:index/name:Name</c> and <c>pkg:mod:Name</c> to <c>pkg:mod/name:Name</c>
/// (first letter of the name lower-cased) and matches without regard to case. Tokens whose module already
/// holds a <c>/</c> (all canonical tokens, and every Kubernetes token) are kept.
/// </summary>
public static class TypeTokens
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <param name="token">The token as written.</param>
    /// <param name="resolver">Resolves tokens that do not follow the rule (e.g. from a package schema); null or a null answer falls back to the rule.</param>
    public static string Canonical(string token, Func<string, string?>? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (resolver?.Invoke(token) is { Length: > 0 } resolved)
        {
            return resolved;
        }

        if (IsCanonical(token))
        {
            return token;
        }

        var parts = token.Split(':');
        if (parts.Length == 2)
        {
            parts = [parts[0], "index", parts[1]];
        }

        if (parts.Length != 3 || parts[0] is "pulumi" or "kubernetes" || parts[1].Contains('/', StringComparison.Ordinal) || parts[2].Length == 0)
        {
            return token;
        }

        var name = parts[2];
        return $"{parts[0]}:{parts[1]}/{char.ToLowerInvariant(name[0])}{name[1..]}:{name}";
    }

    /// <summary>
    /// <c>package:module/name:Name</c> already (what synthesis writes for every resource), or a Kubernetes or Pulumi token,
    /// which the rule leaves alone: nothing to rewrite, so no need to split it.
    /// </summary>
    private static bool IsCanonical(string token)
    {
        var first = token.IndexOf(':', StringComparison.Ordinal);
        if (first <= 0)
        {
            return false;
        }

        if (token.AsSpan(0, first) is "kubernetes" or "pulumi")
        {
            return true;
        }

        var last = token.LastIndexOf(':');
        return last > first + 1 && last < token.Length - 1 && token.IndexOf(':', first + 1) == last &&
            token.AsSpan(first + 1, last - first - 1).Contains('/');
    }
}
