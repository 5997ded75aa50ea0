using System.Text.RegularExpressions;

namespace Infra.Components.Kubernetes;

/// <summary>Checks that a container image is pinned: a version tag other than <c>latest</c>, or a digest (INF-WL-011).</summary>
public static partial class ImageReference
{
    public const string Rule = "images are pinned by a version tag or a digest, never 'latest' or no tag (INF-WL-011)";

    /// <summary>Why <paramref name="image"/> is not pinned, or null when it is.</summary>
    public static string? Problem(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return "is empty";
        }

        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return Digest().IsMatch(image[(at + 1)..]) ? null : $"has a malformed digest '{image[(at + 1)..]}'";
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        if (colon < 0)
        {
            return "has no tag or digest, so every pull may get a different image";
        }

        var tag = image[(colon + 1)..];
        if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return "uses the tag 'latest', which moves with every push";
        }

        return Tag().IsMatch(tag) ? null : $"has a malformed tag '{tag}'";
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Tag();
}
