using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;

namespace Infra.Core.Schema;

/// <summary>A package schema a check used.</summary>
public sealed record SchemaUsage(string Package, string Version, string File);

/// <summary>
/// What a schema check found. <see cref="Diagnostics"/> are errors (the program would fail in Pulumi, or is
/// wrong); <see cref="Warnings"/> are not errors but must be shown: packages without a schema (their
/// resources were not checked) and deprecated types or properties.
/// </summary>
public sealed class SchemaCheckResult
{
    internal SchemaCheckResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Diagnostic> warnings,
        IReadOnlyDictionary<string, SchemaUsage> schemasUsed, IReadOnlyList<string> packagesWithoutSchema)
    {
        Diagnostics = diagnostics;
        Warnings = warnings;
        SchemasUsed = schemasUsed;
        PackagesWithoutSchema = packagesWithoutSchema;
    }

    /// <summary>Errors, in program order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Warning-level findings: <see cref="SchemaCodes.NoSchema"/> and <see cref="SchemaCodes.Deprecated"/>.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Package → the schema version and file used, in package order.</summary>
    public IReadOnlyDictionary<string, SchemaUsage> SchemasUsed { get; }

    /// <summary>Packages the program uses that have no schema; their resources were not checked.</summary>
    public IReadOnlyList<string> PackagesWithoutSchema { get; }

    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary>Report lines: the schema versions used, then packages that were not checked.</summary>
    public IEnumerable<string> Summary()
    {
        yield return SchemasUsed.Count == 0
            ? "Schemas used: none."
            : "Schemas used: " + string.Join(", ", SchemasUsed.Values.Select(s => $"{s.Package} {s.Version} ({s.File})")) + ".";
        foreach (var package in PackagesWithoutSchema)
        {
            yield return $"Not checked: package '{package}' has no schema.";
        }

        yield return $"{Diagnostics.Count} error{(Diagnostics.Count == 1 ? "" : "s")}, {Warnings.Count} warning{(Warnings.Count == 1 ? "" : "s")}.";
    }

    /// <summary>
    /// Everything for a terminal: the summary, then each error, then each warning (labelled <c>warning</c>,
    /// where <see cref="Diagnostic.ToString"/> would say <c>error</c>).
    /// </summary>
    public IEnumerable<string> Report()
    {
        foreach (var line in Summary())
        {
            yield return line;
        }

        foreach (var error in Diagnostics)
        {
            yield return error.ToString();
        }

        foreach (var warning in Warnings)
        {
            yield return FormatWarning(warning);
        }
    }

    /// <summary>A warning as <see cref="Diagnostic.ToString"/> formats it, labelled <c>warning</c>.</summary>
    public static string FormatWarning(Diagnostic warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var text = warning.ToString();
        var label = "error " + warning.Code;
        var at = text.IndexOf(label, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), "warning ", text.AsSpan(at + "error ".Length));
    }

    /// <summary>Raises every error at once.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new InfraException(Diagnostics);
        }
    }
}

/// <summary>The entry point of a schema check (<c>infra check</c>, tests).</summary>
public static class SchemaCheck
{
    /// <summary>
    /// Checks every resource of <paramref name="program"/> against <paramref name="schemas"/>, e.g.
    /// <c>SchemaCheck.Check(Synthesizer.Synthesize(deployment), SchemaLocator.Locate(dir).Open())</c>.
    /// </summary>
    public static SchemaCheckResult Check(ProgramDocument program, SchemaSet schemas, string? programFile = null) =>
        new SchemaValidator(schemas).Validate(program, programFile);
}
