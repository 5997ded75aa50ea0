using System.Collections.Concurrent;
using System.Text.Json;

namespace Infra.Core.Schema;

/// <summary>What looking for a package's schema found.</summary>
public sealed record PackageLookup(string Package, PackageSchema? Schema, string ExpectedFile, string? Problem)
{
    public bool Found => Schema is not null;
}

/// <summary>A schema file of a directory, as listed for reports.</summary>
public sealed record SchemaFileInfo(string File, string? Package, string? Version, bool Used, string? Note);

/// <summary>
/// The package schemas available to a check: a directory of schema files, read lazily (a package is loaded
/// the first time a program uses it) and cached per directory for the life of the process, thread-safely.
/// </summary>
public sealed class SchemaSet
{
    private static readonly ConcurrentDictionary<string, SchemaSet> ByDirectory = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<PackageLookup>> packages = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, PackageSchema>? given;

    private SchemaSet(string? directory, SchemaFileMap files, IReadOnlyDictionary<string, PackageSchema>? given)
    {
        Directory = directory;
        Files = files;
        this.given = given;
    }

    /// <summary>No schemas: every package is reported as missing.</summary>
    public static SchemaSet Empty { get; } = new(null, SchemaFileMap.Default, null);

    /// <summary>The directory the files come from; null for <see cref="Empty"/> and <see cref="FromPackages"/>.</summary>
    public string? Directory { get; }

    public SchemaFileMap Files { get; }

    /// <summary>The schemas of <paramref name="directory"/>; the same instance (and its loaded packages) for the same directory and map.</summary>
    public static SchemaSet FromDirectory(string directory, SchemaFileMap? files = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        files ??= SchemaFileMap.Default;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return ByDirectory.GetOrAdd(full + "|" + files, _ => new SchemaSet(full, files, null));
    }

    /// <summary>Schemas already loaded (tests, embedded schemas), by package name.</summary>
    public static SchemaSet FromPackages(params PackageSchema[] schemas) =>
        new(null, SchemaFileMap.Default, schemas.ToDictionary(s => s.Name, StringComparer.Ordinal));

    /// <summary>The schema of a package, loading it on first use; the reason when there is none.</summary>
    public PackageLookup Find(string package)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        return packages.GetOrAdd(package, name => new Lazy<PackageLookup>(() => Load(name))).Value;
    }

    /// <summary>Every <c>*.json</c> file of the directory, with the package and version it declares and whether the map uses it.</summary>
    public IReadOnlyList<SchemaFileInfo> ListFiles()
    {
        if (given is not null)
        {
            return given.Values.OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new SchemaFileInfo(s.File, s.Name, s.Version, true, null)).ToArray();
        }

        if (Directory is null || !System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var list = new List<SchemaFileInfo>();
        var paths = System.IO.Directory.GetFiles(Directory, "*.json");
        Array.Sort(paths, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            try
            {
                var (package, version) = SchemaFileHeader.Read(path);
                if (package is null)
                {
                    list.Add(new SchemaFileInfo(file, null, null, false, "not a package schema (no \"name\")"));
                    continue;
                }

                var used = string.Equals(Path.GetFileName(Files.FileFor(package)), file, StringComparison.Ordinal);
                list.Add(new SchemaFileInfo(file, package, version ?? "unknown", used,
                    used ? null : $"not used: package '{package}' is read from {Files.FileFor(package)}"));
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                list.Add(new SchemaFileInfo(file, null, null, false, $"unreadable: {e.Message}"));
            }
        }

        return list;
    }

    private PackageLookup Load(string package)
    {
        if (given is not null)
        {
            return given.TryGetValue(package, out var schema)
                ? new PackageLookup(package, schema, schema.File, null)
                : new PackageLookup(package, null, Files.FileFor(package), $"no schema for package '{package}' was given");
        }

        var file = Files.FileFor(package);
        if (Directory is null)
        {
            return new PackageLookup(package, null, file, "no provider schemas were found");
        }

        var path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            return new PackageLookup(package, null, file, $"no schema file {file} in {Directory}");
        }

        try
        {
            var loaded = PackageSchema.Load(path);
            return loaded.Name == package
                ? new PackageLookup(package, loaded, file, null)
                : new PackageLookup(package, null, file, $"{file} holds package '{loaded.Name}', not '{package}'");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new PackageLookup(package, null, file, e.Message);
        }
    }
}
