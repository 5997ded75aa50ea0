using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Components.Clusters;

/// <summary>
/// A Kubernetes minor version such as <c>1.30</c>. Patch versions are the cloud's choice, so they are not
/// accepted; which minor versions a cloud offers is its business, so no list is hard-coded here.
/// </summary>
public readonly partial record struct KubernetesVersion(int Major, int Minor)
{
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            version = default;
            return false;
        }

        version = new KubernetesVersion(
            int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
        return true;
    }

    public static KubernetesVersion Parse(string text) => TryParse(text, out var version)
        ? version
        : throw new FormatException($"'{text}' is not a Kubernetes minor version such as 1.30.");

    /// <summary>The version a mistyped text probably meant (<c>v1.30</c>, <c>1.30.2</c> → <c>1.30</c>), if any.</summary>
    public static KubernetesVersion? Suggest(string? text)
    {
        var match = text is null ? null : Loose().Match(text.Trim());
        return match is { Success: true } && TryParse($"{match.Groups[1].Value}.{match.Groups[2].Value}", out var version) ? version : null;
    }

    public override string ToString() => $"{Major}.{Minor}";

    [GeneratedRegex(@"^(1)\.(0|[1-9][0-9]?)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[vV]?(1)\.(0|[1-9][0-9]?)(\.[0-9]+)?([-+].*)?$")]
    private static partial Regex Loose();
}
