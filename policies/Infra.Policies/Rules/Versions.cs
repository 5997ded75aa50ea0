using System.Globalization;

namespace Infra.Policies.Rules;

/// <summary>Compares dotted versions by their numeric parts (<c>1.29</c>, <c>1.30.2-gke.100</c>, <c>15.4</c>).</summary>
internal static class Versions
{
    /// <summary>Negative when <paramref name="version"/> is older than <paramref name="minimum"/>, comparing only the parts the minimum names.</summary>
    public static int Compare(string version, string minimum)
    {
        var have = Parts(version);
        var want = Parts(minimum);
        for (var i = 0; i < want.Count; i++)
        {
            var part = i < have.Count ? have[i] : 0;
            if (part != want[i])
            {
                return part.CompareTo(want[i]);
            }
        }

        return 0;
    }

    /// <summary>The leading number, e.g. 16 in <c>postgres16</c> or <c>16.2</c>; null when there is none.</summary>
    public static int? Major(string text)
    {
        var digits = new string(text.SkipWhile(ch => !char.IsAsciiDigit(ch)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    private static List<int> Parts(string version)
    {
        var parts = new List<int>();
        foreach (var piece in version.TrimStart('v', 'V').Split('.'))
        {
            var digits = new string(piece.TakeWhile(char.IsAsciiDigit).ToArray());
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                break;
            }

            parts.Add(number);
            if (digits.Length != piece.Length)
            {
                break;
            }
        }

        return parts;
    }
}
