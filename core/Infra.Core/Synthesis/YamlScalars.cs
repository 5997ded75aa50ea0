using System.Globalization;
using System.Text;

namespace Infra.Core.Synthesis;

/// <summary>
/// How a string is written so that every YAML reader (1.1 or 1.2) reads back exactly that string:
/// plain when it cannot be mistaken for anything else, double-quoted otherwise.
/// </summary>
public static class YamlScalars
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", ".inf", "-.inf", "+.inf", ".nan", "=", "<<",
    };

    public static void AppendString(StringBuilder output, string value)
    {
        if (CanBePlain(value))
        {
            output.Append(value);
        }
        else
        {
            AppendQuoted(output, value);
        }
    }

    public static bool CanBePlain(string value)
    {
        if (value.Length == 0 || Keywords.Contains(value))
        {
            return false;
        }

        var first = value[0];
        // Anything starting like a number (digits, sign, dot) could be read as an int, float, octal, date or sexagesimal.
        if (!(char.IsAsciiLetter(first) || first is '_' or '/' or '$'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '$' or '{' or '}' or '@' or '+' or '=' or '(' or ')' or '*'))
            {
                return false;
            }
        }

        // "a:" would be a mapping; "x: y" cannot occur (no spaces); a trailing ':' is the only hazard left.
        return value[^1] != ':';
    }

    public static void AppendQuoted(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF')
                    {
                        output.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    /// <summary>A multi-line string that a literal block (<c>|</c>) can hold exactly.</summary>
    public static bool FitsLiteralBlock(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value[0] is ' ' or '\n' || value.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        var lineStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] == '\n')
            {
                if (i > lineStart && value[i - 1] is ' ' or '\t')
                {
                    return false;
                }

                lineStart = i + 1;
            }
            else if ((char.IsControl(value[i]) && value[i] != '\t') || value[i] is '\uFEFF' or '\u2028' or '\u2029' or '\u0085')
            {
                return false;
            }
        }

        return true;
    }

    public static string FormatNumber(double value)
    {
        if (Math.Floor(value) == value && Math.Abs(value) < 9007199254740992d)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
