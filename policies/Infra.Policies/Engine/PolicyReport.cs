namespace Infra.Policies;

/// <summary>The result of one evaluation: what every report format is written from.</summary>
public sealed class PolicyReport
{
    public required string Environment { get; init; }

    public required bool IsProduction { get; init; }

    public required string Stack { get; init; }

    public required string Project { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The YAML program file, when the program was read from one.</summary>
    public string? ProgramFile { get; init; }

    /// <summary>Every rule of the pack, with its level in this run (disabled ones included).</summary>
    public required IReadOnlyList<RuleOutcome> Rules { get; init; }

    /// <summary>Violations, unknowns, exempted findings and expired exemptions, in a stable order.</summary>
    public required IReadOnlyList<PolicyFinding> Findings { get; init; }

    /// <summary>Every (rule, resource) pair that was evaluated and passed.</summary>
    public required IReadOnlyList<RuleEvaluation> Passes { get; init; }

    /// <summary>Every exemption given, and what became of it.</summary>
    public required IReadOnlyList<ExemptionUse> Exemptions { get; init; }

    public required IReadOnlyList<PolicyError> Errors { get; init; }

    public IEnumerable<PolicyFinding> Blocking => Findings.Where(f => f.IsBlocking);

    public IEnumerable<PolicyFinding> Warnings => Findings.Where(f => f.Level == EnforcementLevel.Advisory && f.Status != FindingStatus.Exempted);

    public bool HasBlockingFindings => Findings.Any(f => f.IsBlocking);

    /// <summary>0 clean (advisory findings allowed), 1 mandatory violations, 2 engine error.</summary>
    public int ExitCode => PolicyExitCode.For(this);
}

/// <summary>The exit-code contract of <c>infra policy</c> and the synth gate.</summary>
public static class PolicyExitCode
{
    public const int Clean = 0;
    public const int MandatoryViolations = 1;
    public const int EngineError = 2;

    /// <summary>An engine error wins: a report with errors is incomplete, so it can neither pass nor only fail.</summary>
    public static int For(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Errors.Count > 0 ? EngineError : report.HasBlockingFindings ? MandatoryViolations : Clean;
    }
}
