using System.Diagnostics;

namespace Infra.Bench.Measure;

/// <summary>Times phases and counts what they allocate, on every thread (the schema check and policies may use several).</summary>
internal sealed class PhaseMeter
{
    private readonly List<PhaseResult> phases = [];

    public IReadOnlyList<PhaseResult> Phases => phases;

    public T Measure<T>(string name, Func<T> phase)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var result = phase();
        var elapsed = Stopwatch.GetElapsedTime(started);
        phases.Add(new PhaseResult(name, elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocated));
        return result;
    }
}
