using Infra.Core.Synthesis;

namespace Infra.Core.Schema;

/// <summary>
/// Checks a program against provider schemas and the rules of Pulumi YAML: type tokens, inputs (names,
/// required, shapes at any depth), references to outputs, invokes, options, refused types and unique names.
/// Every problem is collected; nothing is thrown. Reusable and thread-safe (each call is independent).
/// </summary>
public sealed class SchemaValidator(SchemaSet schemas)
{
    public SchemaSet Schemas { get; } = schemas ?? throw new ArgumentNullException(nameof(schemas));

    /// <param name="program">A synthesized program, or one read with <see cref="ProgramReader"/>.</param>
    /// <param name="programFile">The YAML file a read program came from, named in diagnostics of resources that have no C# location.</param>
    public SchemaCheckResult Validate(ProgramDocument program, string? programFile = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new ValidationRun(program, Schemas, programFile).Run();
    }
}
