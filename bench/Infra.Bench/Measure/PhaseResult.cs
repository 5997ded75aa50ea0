namespace Infra.Bench.Measure;

/// <summary>One phase of one run: wall time and bytes allocated (all threads).</summary>
internal sealed record PhaseResult(string Name, double Milliseconds, long AllocatedBytes);

/// <summary>What one measuring process reports to the driver (one JSON line on standard output).</summary>
internal sealed record RunResult
{
    public required int Size { get; init; }

    public required int Resources { get; init; }

    public required string Shape { get; init; }

    public required IReadOnlyList<PhaseResult> Phases { get; init; }

    /// <summary>From the process's start (as the OS recorded it) to the end of the last phase.</summary>
    public required double ProcessMilliseconds { get; init; }

    /// <summary>Peak resident memory of the process (VmHWM).</summary>
    public required long PeakBytes { get; init; }

    public required int Gen0Collections { get; init; }

    public required int Gen2Collections { get; init; }

    /// <summary>Time the program was paused for garbage collection.</summary>
    public required double GcPauseMilliseconds { get; init; }

    public required int ProgramBytes { get; init; }

    public required int PolicyFindings { get; init; }

    /// <summary>Findings that would stop synthesis (the policy gate); a generated stack has none.</summary>
    public required int BlockingFindings { get; init; }

    /// <summary>Findings per rule and level, e.g. <c>5882 × INF-WL-012 (Advisory)</c>.</summary>
    public required string FindingsByRule { get; init; }

    public required int SchemaErrors { get; init; }

    public double PipelineMilliseconds => Phases.Sum(p => p.Milliseconds);

    public long AllocatedBytes => Phases.Sum(p => p.AllocatedBytes);
}
