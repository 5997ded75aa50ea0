using System.Globalization;
using System.Text;

namespace Infra.Core.Values;

/// <summary>One step of a property access: <c>.name</c>, <c>["key"]</c> or <c>[0]</c>.</summary>
public readonly record struct PathSegment
{
    private PathSegment(string? key, int index)
    {
        Key = key;
        Index = index;
    }

    /// <summary>The property or map key; null for a list index.</summary>
    public string? Key { get; }

    public int Index { get; }

    public bool IsIndex => Key is null;

    public static PathSegment Property(string key) =>
        new(string.IsNullOrEmpty(key) ? throw new ArgumentException("A property name cannot be empty.", nameof(key)) : key, -1);

    public static PathSegment At(int index) =>
        new(null, index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "A list index cannot be negative."));

    public override string ToString() => IsIndex ? $"[{Index}]" : Key!;
}

/// <summary>Parses and formats the property-access grammar of Pulumi YAML expressions.</summary>
public static class PropertyPath
{
    /// <summary>Parses <c>a.b[0]["c d"]</c> (without a root) into segments.</summary>
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return [];
        }

        if (!TryParse(path, 0, allowLeadingName: true, out var segments, out var error))
        {
            throw new FormatException($"Invalid property path '{path}': {error}");
        }

        return segments;
    }

    /// <summary>
    /// Parses an expression body (<c>root.a[0]["k"]</c>) into a root name and a path.
    /// A root may contain any character except <c>.</c>, <c>[</c> and <c>}</c>; a root written as <c>["my.key"]</c> is allowed too.
    /// </summary>
    public static bool TryParseExpression(string text, out string root, out IReadOnlyList<PathSegment> path, out string error)
    {
        root = "";
        path = [];
        if (text.Length == 0)
        {
            error = "the expression is empty";
            return false;
        }

        var i = 0;
        if (text[0] == '[')
        {
            if (!TryReadBracket(text, ref i, out var first, out error) || first.IsIndex)
            {
                error = first.IsIndex ? "the root of an expression cannot be a list index" : error;
                return false;
            }

            root = first.Key!;
        }
        else
        {
            while (i < text.Length && text[i] != '.' && text[i] != '[')
            {
                if (text[i] == '}' || text[i] == '{' || char.IsWhiteSpace(text[i]))
                {
                    error = $"unexpected '{text[i]}' in the name '{text[..(i + 1)]}'";
                    return false;
                }

                i++;
            }

            root = text[..i];
            if (root.Length == 0)
            {
                error = "the expression has no root name";
                return false;
            }
        }

        if (!TryParse(text, i, allowLeadingName: false, out var segments, out error))
        {
            return false;
        }

        path = segments;
        return true;
    }

    private static bool TryParse(string text, int start, bool allowLeadingName, out List<PathSegment> segments, out string error)
    {
        segments = [];
        error = "";
        var i = start;
        var expectName = allowLeadingName;
        while (i < text.Length)
        {
            if (expectName || text[i] == '.')
            {
                if (!expectName)
                {
                    i++;
                }

                expectName = false;
                var begin = i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    if (text[i] is ']' or '"' or '}' || char.IsWhiteSpace(text[i]))
                    {
                        error = $"unexpected '{text[i]}' at position {i}";
                        return false;
                    }

                    i++;
                }

                if (i == begin)
                {
                    error = $"a property name is missing at position {begin}";
                    return false;
                }

                segments.Add(PathSegment.Property(text[begin..i]));
            }
            else if (text[i] == '[')
            {
                if (!TryReadBracket(text, ref i, out var segment, out error))
                {
                    return false;
                }

                segments.Add(segment);
            }
            else
            {
                error = $"expected '.' or '[' at position {i}";
                return false;
            }
        }

        return true;
    }

    private static bool TryReadBracket(string text, ref int i, out PathSegment segment, out string error)
    {
        segment = default;
        error = "";
        i++; // '['
        if (i < text.Length && text[i] == '"')
        {
            var key = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                key.Append(text[i]);
                i++;
            }

            if (i + 1 >= text.Length || text[i] != '"' || text[i + 1] != ']')
            {
                error = "an unterminated [\"key\"] access";
                return false;
            }

            i += 2;
            if (key.Length == 0)
            {
                error = "an empty [\"\"] key";
                return false;
            }

            segment = PathSegment.Property(key.ToString());
            return true;
        }

        var begin = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == begin || i >= text.Length || text[i] != ']')
        {
            error = "a list index must be a non-negative whole number in [ ]";
            return false;
        }

        segment = PathSegment.At(int.Parse(text.AsSpan(begin, i - begin), CultureInfo.InvariantCulture));
        i++;
        return true;
    }

    /// <summary>Formats a root and a path in the canonical form, quoting keys that need it.</summary>
    public static string Format(string root, IReadOnlyList<PathSegment> path)
    {
        var builder = new StringBuilder(root.Length + (path.Count * 8));
        if (IsPlainName(root, allowColon: true))
        {
            builder.Append(root);
        }
        else
        {
            AppendQuoted(builder, root);
        }

        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            if (segment.IsIndex)
            {
                builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (IsPlainName(segment.Key!, allowColon: false))
            {
                builder.Append('.').Append(segment.Key);
            }
            else
            {
                AppendQuoted(builder, segment.Key!);
            }
        }

        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string key)
    {
        builder.Append("[\"");
        foreach (var c in key)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append("\"]");
    }

    private static bool IsPlainName(string name, bool allowColon)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (allowColon && c == ':')))
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
