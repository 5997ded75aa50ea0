using System.Text.RegularExpressions;

namespace Infra.Core.Values;

internal static partial class SemVer
{
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string version) => Pattern().IsMatch(version);

    public static string Require(string version, string option) => IsValid(version)
        ? version
        : throw new ArgumentException($"Option '{option}' must be a semantic version such as 7.48.0, not '{version}'.", option);
}
