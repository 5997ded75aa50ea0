using Infra.Core.Synthesis;
using Infra.Policies;

namespace Infra.Tests.Policies;

/// <summary>Builds programs from Pulumi YAML snippets and evaluates them with a fixed date.</summary>
internal static class PolicyFixtures
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>A program from the body of a <c>resources:</c> block (indentation is added).</summary>
    public static ProgramDocument Program(string resources)
    {
        var indented = string.Join('\n', resources.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => "  " + l));
        return Infra.Core.Synthesis.ProgramReader.Read($"name: infra\nruntime: yaml\nresources:\n{indented}\n");
    }

    public static PolicyContext Context(string environment = "prod", IReadOnlyList<Exemption>? exemptions = null,
        IReadOnlyDictionary<string, EnforcementLevel>? overrides = null) => new()
        {
            Environment = environment,
            Today = Today,
            Stack = environment,
            Project = "infra",
            Exemptions = exemptions ?? [],
            Overrides = overrides ?? new Dictionary<string, EnforcementLevel>(),
            ProgramFile = "Main.yaml",
        };

    public static PolicyReport Evaluate(string resources, string environment = "prod") =>
        PolicyPack.Evaluate(Program(resources), Context(environment));

    public static PolicyReport Evaluate(ProgramDocument program, PolicyContext context, string ruleId) =>
        PolicyPack.Evaluate(program, context, [PolicyPack.Find(ruleId)!]);

    public static IReadOnlyList<PolicyFinding> Findings(this PolicyReport report, string ruleId) =>
        report.Findings.Where(f => f.RuleId == ruleId).ToArray();
}
