namespace Infra.Core.Schema;

/// <summary>How the schema directory was chosen.</summary>
public enum SchemaSource
{
    /// <summary>None was found (or the one configured does not exist: see <see cref="SchemaLocation.Problem"/>).</summary>
    None,

    /// <summary>Given explicitly (a command-line option).</summary>
    Explicit,

    /// <summary>The <c>INFRA_SCHEMA_DIR</c> environment variable.</summary>
    Environment,

    /// <summary>A <c>shared/provider-schemas</c> directory beside the current or the application directory or one of their ancestors.</summary>
    SharedFolder,
}

/// <summary>Where the provider schemas come from, and what is there.</summary>
public sealed class SchemaLocation
{
    private IReadOnlyList<SchemaFileInfo>? files;

    internal SchemaLocation(string? directory, SchemaSource source, string origin, string? problem, SchemaFileMap map)
    {
        Directory = directory;
        Source = source;
        Origin = origin;
        Problem = problem;
        Map = map;
    }

    public string? Directory { get; }

    public SchemaSource Source { get; }

    /// <summary>How the directory was found, for reports (e.g. <c>INFRA_SCHEMA_DIR</c>).</summary>
    public string Origin { get; }

    /// <summary>Why no usable directory was found; null when <see cref="Found"/>.</summary>
    public string? Problem { get; }

    public SchemaFileMap Map { get; }

    public bool Found => Directory is not null && Problem is null;

    /// <summary>The schema files of the directory (package and version read from each file).</summary>
    public IReadOnlyList<SchemaFileInfo> Files => files ??= Found ? Open().ListFiles() : [];

    /// <summary>The schemas to check with; <see cref="SchemaSet.Empty"/> when none were found.</summary>
    public SchemaSet Open() => Found ? SchemaSet.FromDirectory(Directory!, Map) : SchemaSet.Empty;

    /// <summary>Lines for a report: which directory, why, and each file's package and version.</summary>
    public IEnumerable<string> Describe()
    {
        if (!Found)
        {
            yield return $"No provider schemas found: {Problem}";
            yield return $"Set {SchemaLocator.EnvironmentVariable} (or pass a schema directory) to a folder of files made with " +
                "'pulumi package get-schema <package>@<version> > <package>.json'.";
            yield break;
        }

        yield return $"Provider schemas: {Directory} ({Origin})";
        foreach (var file in Files)
        {
            yield return file.Used
                ? $"  {file.Package} {file.Version} ({file.File})"
                : $"  ignored {file.File}: {file.Note}";
        }
    }
}

/// <summary>
/// Finds the provider schemas: an explicit directory, else <c>INFRA_SCHEMA_DIR</c>, else a
/// <c>shared/provider-schemas</c> directory found by walking up from the current directory and from the
/// application's directory (so <c>../shared/provider-schemas</c> next to a repository checkout is found).
/// A directory that is configured but missing is reported, never silently replaced by another.
/// </summary>
public static class SchemaLocator
{
    public const string EnvironmentVariable = "INFRA_SCHEMA_DIR";

    private static readonly string SharedFolder = Path.Combine("shared", "provider-schemas");

    public static SchemaLocation Locate(string? explicitDirectory = null, SchemaFileMap? map = null) =>
        Locate(explicitDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable),
            [Environment.CurrentDirectory, AppContext.BaseDirectory], map);

    /// <summary>The same search with its inputs given (tests).</summary>
    public static SchemaLocation Locate(string? explicitDirectory, string? environmentValue, IEnumerable<string> searchFrom, SchemaFileMap? map = null)
    {
        map ??= SchemaFileMap.Default;
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Configured(explicitDirectory, SchemaSource.Explicit, "given explicitly", map);
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Configured(environmentValue, SchemaSource.Environment, EnvironmentVariable, map);
        }

        var searched = new List<string>();
        foreach (var start in searchFrom)
        {
            if (string.IsNullOrEmpty(start))
            {
                continue;
            }

            searched.Add(start);
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, SharedFolder);
                if (System.IO.Directory.Exists(candidate))
                {
                    return new SchemaLocation(candidate, SchemaSource.SharedFolder, $"found walking up from {start}", null, map);
                }
            }
        }

        return new SchemaLocation(null, SchemaSource.None, "not found",
            $"{EnvironmentVariable} is not set and no {SharedFolder.Replace('\\', '/')} directory is beside {string.Join(" or ", searched)} or any of their parents.", map);
    }

    private static SchemaLocation Configured(string directory, SchemaSource source, string origin, SchemaFileMap map)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return System.IO.Directory.Exists(full)
            ? new SchemaLocation(full, source, origin, null, map)
            : new SchemaLocation(full, source, origin, $"the schema directory {full} ({origin}) does not exist.", map);
    }
}
