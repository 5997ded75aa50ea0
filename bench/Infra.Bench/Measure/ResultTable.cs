using System.Globalization;
using System.Runtime.InteropServices;

namespace Infra.Bench.Measure;

/// <summary>Prints the measurements as Markdown tables (pasteable into the README) and checks the issue's targets.</summary>
internal static class ResultTable
{
    private static readonly string[] PhaseNames = ["build", "lower", "schema load", "schema check", "policy", "yaml"];

    /// <summary>Process wall-time and peak-memory targets by size (issue 10).</summary>
    private static readonly Dictionary<int, (double Milliseconds, double Megabytes)> Targets = new()
    {
        [10_000] = (1200, 200),
        [50_000] = (4000, 500),
    };

    public static void Write(TextWriter output, IReadOnlyList<SizeMeasurement> sizes, int runs, string processes)
    {
        output.WriteLine($"Machine: {Machine.Describe()}");
        output.WriteLine($"Measuring processes: {processes}. Each figure is the median of {runs} separate processes. Stack composition per size:");
        foreach (var size in sizes)
        {
            output.WriteLine($"- {size.First.Shape}");
        }

        output.WriteLine();
        output.WriteLine("Time (ms): whole process (start to exit, as the driver sees it), the pipeline inside it, each phase, peak memory");
        output.WriteLine();
        output.WriteLine($"| resources | process | pipeline | {string.Join(" | ", PhaseNames)} | peak RSS | µs/resource | µs/added resource |");
        output.WriteLine($"|{string.Concat(Enumerable.Repeat("---:|", PhaseNames.Length + 6))}");
        SizeMeasurement? previous = null;
        foreach (var size in sizes)
        {
            var pipeline = size.Median(r => r.PipelineMilliseconds);

            // The marginal cost from the previous size: flat when no step grows faster than the program.
            var added = previous is null
                ? "–"
                : ((pipeline - previous.Median(r => r.PipelineMilliseconds)) * 1000 / (size.First.Resources - previous.First.Resources)).ToString("N1", CultureInfo.InvariantCulture);
            output.WriteLine($"| {size.First.Resources:N0} | {size.Wall:N0} | {pipeline:N0} | " +
                string.Join(" | ", PhaseNames.Select(p => Ms(size.Phase(p)))) +
                $" | {Megabytes(size.Median(r => r.PeakBytes)):N0} MB | {pipeline * 1000 / size.First.Resources:N1} | {added} |");
            previous = size;
        }

        output.WriteLine();
        output.WriteLine("Allocated (MB, all threads), garbage collections and program size");
        output.WriteLine();
        output.WriteLine($"| resources | {string.Join(" | ", PhaseNames)} | total | KB/resource | GCs gen0/gen2 | GC pause | YAML |");
        output.WriteLine($"|{string.Concat(Enumerable.Repeat("---:|", PhaseNames.Length + 6))}");
        foreach (var size in sizes)
        {
            var total = size.Median(r => r.AllocatedBytes);
            output.WriteLine($"| {size.First.Resources:N0} | " +
                string.Join(" | ", PhaseNames.Select(p => Megabytes(size.PhaseBytes(p)).ToString("N1", CultureInfo.InvariantCulture))) +
                $" | {Megabytes(total):N1} | {total / 1024 / size.First.Resources:N1} | " +
                $"{size.Median(r => r.Gen0Collections):N0}/{size.Median(r => r.Gen2Collections):N0} | {size.Median(r => r.GcPauseMilliseconds):N0} ms | " +
                $"{Megabytes(size.First.ProgramBytes):N1} MB |");
        }

        output.WriteLine();
        foreach (var size in sizes)
        {
            output.WriteLine($"{size.Size:N0}: {size.First.SchemaErrors} schema errors, {size.First.BlockingFindings} blocking policy findings" +
                (size.First.PolicyFindings > 0 ? $"; findings: {size.First.FindingsByRule}." : "."));

            if (Targets.TryGetValue(size.Size, out var target))
            {
                var peak = Megabytes(size.Median(r => r.PeakBytes));
                var met = size.Wall <= target.Milliseconds && peak <= target.Megabytes;
                output.WriteLine($"Target {size.Size:N0} resources ≤ {target.Milliseconds / 1000:0.0#} s and ≤ {target.Megabytes:N0} MB: " +
                    $"{(met ? "met" : "MISSED")} ({size.Wall / 1000:0.00} s, {peak:N0} MB).");
            }
        }
    }

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);

    private static double Megabytes(double bytes) => bytes / 1048576.0;
}

/// <summary>What the figures were measured on.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
            $"{memory:N0} GB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}{LoadAverage()}";
    }

    /// <summary>Other work on the machine slows every figure: the 1/5/15-minute load averages when the table was printed.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}"
        : "";
}
