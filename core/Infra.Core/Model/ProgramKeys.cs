using System.Text;

namespace Infra.Core;

/// <summary>
/// The key of each resource in the program's <c>resources:</c> map. Keys are derived from logical names
/// (which Pulumi uses for URNs and which are written as <c>name:</c> when they differ), so they only need
/// to be unique, stable for the same code, and valid as the root of a <c>${…}</c> expression.
/// </summary>
internal static class ProgramKeys
{
    /// <param name="name">The logical name.</param>
    /// <param name="type">The type token.</param>
    /// <param name="taken">The keys allocated so far (only ever added to).</param>
    /// <param name="nextNumber">
    /// Per key-with-type, the number to try next: every smaller one is taken already, so many names that clean up to the
    /// same key (<c>a.b</c>, <c>a/b</c>, <c>a b</c>…) are numbered in linear, not quadratic, time.
    /// </param>
    public static string Allocate(string name, string type, HashSet<string> taken, Dictionary<string, int> nextNumber)
    {
        var key = Sanitize(name);
        if (!taken.Contains(key) && key != "pulumi")
        {
            return key;
        }

        var typeName = type[(type.LastIndexOf(':') + 1)..];
        var withType = $"{key}-{char.ToLowerInvariant(typeName[0])}{typeName[1..]}";
        if (!taken.Contains(withType))
        {
            return withType;
        }

        for (var n = nextNumber.GetValueOrDefault(withType, 2); ; n++)
        {
            var numbered = $"{withType}-{n}";
            if (!taken.Contains(numbered))
            {
                nextNumber[withType] = n + 1;
                return numbered;
            }
        }
    }

    /// <summary>Letters, digits, <c>_</c> and <c>-</c>; anything else becomes <c>-</c>.</summary>
    public static string Sanitize(string name)
    {
        var clean = true;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        }

        return builder.ToString();
    }
}
