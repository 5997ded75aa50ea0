using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Infra.Bench.Measure;
using Infra.Bench.Micro;

return BenchCommand.Run(args);

/// <summary>
/// <c>dotnet run -c Release --project bench/Infra.Bench -- [--size N | --all] [--runs 3] [--jit] [--one-namespace] [--compiler] [--bdn ...]</c>.
/// </summary>
internal static class BenchCommand
{
    private static readonly int[] AllSizes = [100, 1_000, 10_000, 50_000];

    public static int Run(string[] args)
    {
        try
        {
            return Measure(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Measure(string[] args)
    {
        if (args.Contains("--child"))
        {
            // One measurement in this fresh process; the driver reads the last line.
            var result = PipelineRun.Once(IntAfter(args, "--size") ?? throw Usage("--child needs --size"), args.Contains("--one-namespace"));
            Console.Out.WriteLine(JsonSerializer.Serialize(result, WholeProcessBench.Json));
            return 0;
        }

        if (args.Length > 0 && args[0] == "--bdn")
        {
            // In process, short runs: phase costs for profiling, not the headline figures. Without a filter, all of them
            // (BenchmarkDotNet would otherwise ask on standard input).
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkSwitcher.FromAssembly(typeof(PhaseBenchmarks).Assembly).Run(args.Length > 1 ? args[1..] : ["--filter", "*"], config);
            return 0;
        }

        var runs = IntAfter(args, "--runs") ?? 3;
        var sizes = args.Contains("--all") ? AllSizes : IntAfter(args, "--size") is { } size ? [size] : [];
        var compiler = args.Contains("--compiler") || args.Contains("--all");
        if (sizes.Length == 0 && !compiler)
        {
            throw Usage("give --size N, --all, --compiler or --bdn");
        }

        if (sizes.Length > 0)
        {
            var child = args.Contains("--jit") ? ChildProcess.Self() : ChildProcess.ReadyToRun(Repository.Root());
            Console.Error.WriteLine($"Measuring {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} resources, {runs} processes each…");
            var measured = WholeProcessBench.Measure(child, sizes, runs, args.Contains("--one-namespace"), Console.Error);
            ResultTable.Write(Console.Out, measured, runs, child.Description);
        }

        if (compiler)
        {
            Console.Out.WriteLine();
            CompilerPathBench.Measure(IntAfter(args, "--compiler-runs") ?? 9, "dev", Console.Out);
        }

        return 0;
    }

    private static int? IntAfter(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Usage($"{name} needs a positive whole number");
    }

    private static ArgumentException Usage(string problem) => new(
        $"{problem}. Usage: Infra.Bench [--size N | --all] [--runs 3] [--jit] [--one-namespace] [--compiler] [--compiler-runs 9] | --bdn [BenchmarkDotNet options]");
}
