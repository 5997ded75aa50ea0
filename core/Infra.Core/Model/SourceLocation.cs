namespace Infra.Core;

/// <summary>The C# file and line that declared a resource (from caller information).</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public static readonly SourceLocation Unknown = new("", 0);

    public bool IsKnown => File.Length > 0;

    /// <summary>Repository-relative path: the build maps the repository root to <c>./</c>; other absolute paths are made relative to the current directory when under it.</summary>
    public string RelativeFile
    {
        get
        {
            var file = File.Replace('\\', '/');
            if (file.StartsWith("./", StringComparison.Ordinal))
            {
                return file[2..];
            }

            var cwd = Environment.CurrentDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            return file.StartsWith(cwd, StringComparison.Ordinal) ? file[cwd.Length..] : file;
        }
    }

    public override string ToString() => IsKnown ? $"{RelativeFile}:{Line}" : "(unknown location)";
}
