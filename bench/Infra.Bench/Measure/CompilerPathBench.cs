using System.Diagnostics;
using System.Text.Json;
using Infra.Core.Configuration;

namespace Infra.Bench.Measure;

/// <summary>
/// The compiler path as Pulumi runs it: <c>bash stacks/pulumi-compiler.sh</c> with the stack and its decrypted config
/// in the environment, timed from start until the program is on stdout and the process has exited. Warm: the first
/// (unmeasured) call builds if sources changed; the measured calls find the build up to date.
/// </summary>
internal static class CompilerPathBench
{
    public const string Script = "stacks/pulumi-compiler.sh";

    public static void Measure(int runs, string stack, TextWriter output)
    {
        var root = Repository.Root();
        var start = StartInfo(root, stack);
        var (warmup, program) = ChildProcess.Run(start);
        if (!program.Contains("\nresources:\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Script} printed no program:\n{program}");
        }

        var walls = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (wall, text) = ChildProcess.Run(StartInfo(root, stack));
            if (text != program)
            {
                throw new InvalidOperationException($"{Script} printed a different program on run {run + 1}.");
            }

            walls.Add(wall.TotalMilliseconds);
        }

        var resources = program.Split('\n').SkipWhile(l => l != "resources:").Skip(1).TakeWhile(l => l.StartsWith(' ')).Count(l => l.Length > 2 && l[2] != ' ');
        output.WriteLine($"Compiler path: bash {Script} (PULUMI_STACK={stack}, PULUMI_CONFIG from Pulumi.{stack}.yaml) runs the project's " +
            $"program (stacks/Infra.Stacks/ProjectProgram.cs): {resources} resources, {program.Length:N0} bytes.");
        output.WriteLine($"First call (publishes only if a source is newer than the ReadyToRun publish): {warmup.TotalMilliseconds:N0} ms.");
        output.WriteLine($"Warm, {runs} calls: median {SizeMeasurement.Median(walls):N0} ms, min {walls.Min():N0} ms, max {walls.Max():N0} ms " +
            $"(target ≤ 500 ms: {(SizeMeasurement.Median(walls) <= 500 ? "met" : "MISSED")}).");
    }

    private static ProcessStartInfo StartInfo(string root, string stack)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.Environment["PULUMI_STACK"] = stack;
        start.Environment["PULUMI_PROJECT"] = "infra";
        start.Environment["PULUMI_ROOT_DIRECTORY"] = root;
        start.Environment["PULUMI_CONFIG"] = ConfigAsPulumiPassesIt(root, stack);
        return start;
    }

    /// <summary>Every key of the stack file, secrets as stand-in plaintext (Pulumi passes them decrypted).</summary>
    private static string ConfigAsPulumiPassesIt(string root, string stack)
    {
        var config = StackConfig.FromFile(Path.Combine(root, $"Pulumi.{stack}.yaml"), "infra", stack);
        return JsonSerializer.Serialize(config.Keys.ToDictionary(k => k, k => config[k]!.IsSecret ? "stand-in-secret" : config[k]!.Text));
    }

}
