using System.Diagnostics;
using System.Reflection;

namespace Infra.Bench.Measure;

/// <summary>Starts this program again as a fresh process and waits for it, timing it from start to exit.</summary>
internal static class ChildProcess
{
    public static (TimeSpan Wall, string Output) RunSelf(params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet Infra.Bench.dll`: start the children the same way.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
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
