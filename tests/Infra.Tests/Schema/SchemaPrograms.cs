using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Schema;
using Infra.Core.Synthesis;

namespace Infra.Tests.Schema;

/// <summary>Builds programs with the C# model and checks them.</summary>
internal static class SchemaPrograms
{
    public static ProgramDocument Build(Action program, IReadOnlyDictionary<string, string>? config = null) =>
        Synthesizer.Synthesize(Deployment.Run(StackConfig.FromValues("infra", "dev", config), program));

    public static SchemaCheckResult Check(Action program) => SchemaCheck.Check(Build(program), TestSchemas.Set);

    /// <summary>The errors, one line each (code and message), for exact assertions.</summary>
    public static string[] Errors(SchemaCheckResult result) => [.. result.Diagnostics.Select(d => $"{d.Code} {d.Message}")];

    public static string Describe(SchemaCheckResult result) => string.Join("\n", result.Diagnostics.Concat(result.Warnings));
}
