using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Components.Validation;

/// <summary>Rules for component names, which prefix every child's logical name and cloud resource name.</summary>
public static partial class ComponentNames
{
    /// <summary>Longest component name: with <see cref="PlatformSettings.MaxNamePrefixLength"/> it leaves room for resource suffixes.</summary>
    public const int MaxLength = 20;

    /// <summary>Records a problem when <paramref name="name"/> cannot prefix cloud resource names.</summary>
    public static void Check(Problems problems, string component, string name)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (name is null || name.Length > MaxLength || !Pattern().IsMatch(name) || name.EndsWith('-'))
        {
            problems.Add("INFRA-NAME-001", $"{component} name", name,
                $"'{name}' cannot be used in cloud resource names.",
                $"lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most {MaxLength} characters",
                "Use a short lower-case name such as main or data.");
        }
    }

    /// <summary>
    /// Shortens a cloud resource name to <paramref name="maxLength"/> characters: the start is kept and a short hash
    /// of the whole name is appended, so that different long names stay different and the result is stable.
    /// </summary>
    public static string Fit(string name, int maxLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..6];
        return $"{name[..(maxLength - 7)].TrimEnd('-')}-{hash}";
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
