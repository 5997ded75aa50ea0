using System.Text.Json;

namespace Infra.Bench.Measure;

/// <summary>A size measured in separate processes: the wall time of each, and what each reported about its phases.</summary>
internal sealed record SizeMeasurement(int Size, IReadOnlyList<double> WallMilliseconds, IReadOnlyList<RunResult> Runs)
{
    public double Wall => Median(WallMilliseconds);

    public RunResult First => Runs[0];

    /// <summary>The median over the processes of one figure.</summary>
    public double Median(Func<RunResult, double> figure) => Median(Runs.Select(figure).ToList());

    public double Phase(string name) => Median(r => r.Phases.Single(p => p.Name == name).Milliseconds);

    public double PhaseBytes(string name) => Median(r => r.Phases.Single(p => p.Name == name).AllocatedBytes);

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// The headline measurement: each size runs in <c>runs</c> fresh processes (this program with <c>--child</c>), so
/// every figure includes runtime start-up, JIT and a cold heap, as a real synth does. Figures are medians.
/// </summary>
internal static class WholeProcessBench
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IReadOnlyList<SizeMeasurement> Measure(ChildProcess child, IReadOnlyList<int> sizes, int runs, bool oneNamespace, TextWriter log)
    {
        // One unmeasured process first, so that the first measured one does not pay for a cold file cache.
        _ = child.Run("--child", "--size", "100");
        var results = new List<SizeMeasurement>();
        foreach (var size in sizes)
        {
            var walls = new List<double>();
            var reports = new List<RunResult>();
            for (var run = 0; run < runs; run++)
            {
                string[] arguments = ["--child", "--size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), .. oneNamespace ? ["--one-namespace"] : Array.Empty<string>()];
                var (wall, output) = child.Run(arguments);
                var report = JsonSerializer.Deserialize<RunResult>(output.Trim().Split('\n')[^1], Json)
                    ?? throw new InvalidOperationException($"Size {size}: the measuring process printed no result.");
                walls.Add(wall.TotalMilliseconds);
                reports.Add(report);
                log.WriteLine($"  size {size,6:N0} run {run + 1}/{runs}: {wall.TotalMilliseconds,7:F0} ms wall, peak {report.PeakBytes / 1048576.0,6:F0} MB");
            }

            results.Add(new SizeMeasurement(size, walls, reports));
        }

        return results;
    }
}
