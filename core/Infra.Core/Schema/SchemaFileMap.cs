namespace Infra.Core.Schema;

/// <summary>
/// Which file of a schema directory holds which package. A package not in the table is read from
/// <c>&lt;package&gt;.json</c>, the name <c>pulumi package get-schema &lt;package&gt; &gt; &lt;package&gt;.json</c> gives it.
/// The default table maps <c>yandex</c> to <c>yandex-tf.json</c>: Yandex Cloud through Pulumi's dynamic Terraform
/// bridge. (A <c>yandex.json</c> beside it is the archived pulumi-yandex 0.13.0 and is never read.)
/// </summary>
public sealed class SchemaFileMap
{
    private readonly SortedDictionary<string, string> files;

    public SchemaFileMap(IEnumerable<KeyValuePair<string, string>> entries)
    {
        files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (package, file) in entries)
        {
            ArgumentException.ThrowIfNullOrEmpty(package);
            ArgumentException.ThrowIfNullOrEmpty(file);
            files[package] = file;
        }
    }

    public static SchemaFileMap Default { get; } = new([new("yandex", "yandex-tf.json")]);

    /// <summary>The packages named explicitly, with their files (relative to the schema directory, or absolute).</summary>
    public IReadOnlyDictionary<string, string> Entries => files;

    /// <summary>The file that holds <paramref name="package"/>.</summary>
    public string FileFor(string package) => files.TryGetValue(package, out var file) ? file : package + ".json";

    /// <summary>A copy with one package mapped to another file, e.g. <c>With("yandex", "yandex-0.230.json")</c>.</summary>
    public SchemaFileMap With(string package, string file)
    {
        var copy = new Dictionary<string, string>(files, StringComparer.Ordinal) { [package] = file };
        return new SchemaFileMap(copy);
    }

    /// <summary>A stable text of the table, e.g. <c>yandex=yandex-tf.json</c>.</summary>
    public override string ToString() => string.Join(",", files.Select(f => $"{f.Key}={f.Value}"));
}
