using System.Text;

namespace Infra.Core.Diagnostics;

/// <summary>
/// One problem found while building or checking a program. Every field a user needs to fix it is
/// carried separately: where (file and line), what (key or property and the bad value), the rule and a fix.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>A stable identifier, e.g. <c>INFRA-CONFIG-001</c> or <c>INF-NET-001</c>.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>The file to look at: a stack config file or a C# file.</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    /// <summary>The config key or property path concerned.</summary>
    public string? Key { get; init; }

    /// <summary>The offending value, as given.</summary>
    public string? Value { get; init; }

    /// <summary>The resource concerned (its logical name), when there is one.</summary>
    public string? Resource { get; init; }

    /// <summary>What is allowed.</summary>
    public string? Rule { get; init; }

    /// <summary>How to fix it.</summary>
    public string? Fix { get; init; }

    public static Diagnostic At(SourceLocation location, string code, string message) => new()
    {
        Code = code,
        Message = message,
        File = location.IsKnown ? location.RelativeFile : null,
        Line = location.IsKnown ? location.Line : null,
    };

    /// <summary>One line per field, for terminals and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
            if (Line is not null)
            {
                text.Append(':').Append(Line.Value);
            }

            text.Append(": ");
        }

        text.Append("error ").Append(Code).Append(": ").Append(Message);
        if (Resource is not null)
        {
            text.Append("\n    resource: ").Append(Resource);
        }

        if (Key is not null)
        {
            text.Append("\n    key:      ").Append(Key);
        }

        if (Value is not null)
        {
            text.Append("\n    value:    ").Append(Value);
        }

        if (Rule is not null)
        {
            text.Append("\n    rule:     ").Append(Rule);
        }

        if (Fix is not null)
        {
            text.Append("\n    fix:      ").Append(Fix);
        }

        return text.ToString();
    }
}

/// <summary>Raised with every problem found at once; nothing is written when it is raised.</summary>
public class InfraException : Exception
{
    public InfraException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public InfraException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        $"{diagnostics.Count} problem{(diagnostics.Count == 1 ? "" : "s")}:\n" + string.Join("\n", diagnostics);
}
