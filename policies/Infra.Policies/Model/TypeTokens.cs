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
}
