using Infra.Core.Diagnostics;

namespace Infra.Core.Schema;

/// <summary>
/// "Did you mean" for schema names. Edit distance alone prefers short unrelated names ('cidr' → 'id'), so a
/// name that differs only in case wins, then a near-miss of one edit, then a name that starts with what was
/// written ('cidr' → 'cidrBlock'), then the closest by edit distance.
/// </summary>
internal static class NameSuggestions
{
    public static string? Best(string word, IEnumerable<string> candidates)
    {
        string? prefixMatch = null;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
                (prefixMatch is null || candidate.Length < prefixMatch.Length))
            {
                prefixMatch = candidate;
            }
        }

        var closest = Suggest.Closest(word, candidates);
        if (closest is not null && (prefixMatch is null || Suggest.Distance(word.ToLowerInvariant(), closest.ToLowerInvariant()) <= 1))
        {
            return closest;
        }

        return prefixMatch ?? closest;
    }
}
