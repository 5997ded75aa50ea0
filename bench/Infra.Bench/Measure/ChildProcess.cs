using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Infra.Bench.Measure;

/// <summary>Starts measuring processes: this program again, as built or as a ReadyToRun publish of it.</summary>
internal sealed class ChildProcess
{
    private readonly string executable;
    private readonly string? assembly;

    private ChildProcess(string executable, string? assembly, string description)
    {
        this.executable = executable;
        this.assembly = assembly;
        Description = description;
    }

    /// <summary>How the measuring processes run, for the report.</summary>
    public string Description { get; }

    /// <summary>This very build of the program (JIT-compiled at run time).</summary>
    public static ChildProcess Self()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var viaHost = Path.GetFileNameWithoutExtension(self) == "dotnet";
        return new ChildProcess(self, viaHost ? Assembly.GetEntryAssembly()!.Location : null, "JIT (dotnet build, as `dotnet run` starts it)");
    }

    /// <summary>
    /// The program published with ReadyToRun code, as the compiler script runs the infra CLI: the measuring processes then
    /// start like a synth does, without JIT-compiling Infra's code first. Publish output goes to standard error.
    /// </summary>
    public static ChildProcess ReadyToRun(string repositoryRoot)
    {
        var project = Path.Combine(repositoryRoot, "bench", "Infra.Bench", "Infra.Bench.csproj");
        var output = Path.Combine(repositoryRoot, "bench", "Infra.Bench", "bin", "ReadyToRun");
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet",
        })
        {
            publish.ArgumentList.Add(argument);
        }

        var (_, log) = Run(publish);
        Console.Error.Write(log);
        return new ChildProcess(Path.Combine(output, "Infra.Bench"), null, "ReadyToRun (dotnet publish -p:PublishReadyToRun=true, as stacks/pulumi-compiler.sh runs the CLI)");
    }

    public (TimeSpan Wall, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        if (assembly is not null)
        {
            start.ArgumentList.Add(assembly);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Run(start);
    }

    /// <summary>Runs a process to its end, reading all of its standard output; stderr passes through.</summary>
    public static (TimeSpan Wall, string Output) Run(ProcessStartInfo start)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.");
        }

        return (wall, output);
    }
}
