using System.Reflection;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;

namespace Infra.Policies;

/// <summary>The policy pack: its rules, and the calls the CLI, the synth gate and tests make.</summary>
public static class PolicyPack
{
    public const string ToolName = "infra-policy";

    /// <summary>Every rule, in catalogue order.</summary>
    public static IReadOnlyList<PolicyRule> Rules => RuleCatalog.All;

    public static string Version { get; } =
        typeof(PolicyPack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static PolicyRule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Evaluates every rule of the pack. Reads the program only; never changes it.</summary>
    public static PolicyReport Evaluate(ProgramDocument program, PolicyContext context) => Evaluate(program, context, Rules);

    /// <summary>Evaluates the given rules (the pack's, a subset, or your own).</summary>
    public static PolicyReport Evaluate(ProgramDocument program, PolicyContext context, IReadOnlyList<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        return PolicyEngine.Evaluate(program, context, rules);
    }
}

/// <summary>The synth gate: a program with mandatory violations is never handed to Pulumi.</summary>
public static class PolicyGate
{
    /// <summary>
    /// Evaluates and throws one <see cref="InfraException"/> listing every blocking finding and engine error
    /// (rule, resource, C# line, property, value and fix). Returns the report when nothing blocks, so
    /// advisory findings can still be shown.
    /// </summary>
    public static PolicyReport Enforce(ProgramDocument program, PolicyContext context)
    {
        var report = PolicyPack.Evaluate(program, context);
        var diagnostics = ToDiagnostics(report);
        return diagnostics.Count > 0 ? throw new InfraException(diagnostics) : report;
    }

    /// <summary>The blocking findings and engine errors as diagnostics, in report order.</summary>
    public static IReadOnlyList<Diagnostic> ToDiagnostics(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var diagnostics = report.Blocking.Select(f => new Diagnostic
        {
            Code = f.RuleId,
            Message = $"{f.RuleTitle}. {f.Resource.Label}: {f.Problem}.",
            File = f.Resource.File,
            Line = f.Resource.Line,
            Resource = f.Resource.LogicalName,
            Key = f.PropertyPath,
            Value = f.Value,
            Rule = $"{f.RuleTitle} [{f.Level.ToString().ToLowerInvariant()} in {report.Environment}]",
            Fix = f.Fix,
        }).ToList();
        diagnostics.AddRange(report.Errors.Select(e => new Diagnostic
        {
            Code = "INFRA-POLICY-000",
            Message = e.Message,
            Resource = e.Resource,
            Rule = "the policy engine must evaluate every rule",
            Fix = "Correct the policy configuration, or report the failing rule.",
        }));
        return diagnostics;
    }
}
