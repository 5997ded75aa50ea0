using System.Diagnostics;
using Infra.Core.Diagnostics;
using Infra.Stacks.Cli;

namespace Infra.Stacks.Delivery;

/// <summary>Runs the Pulumi CLI found on PATH, passing through its output.</summary>
public sealed class PulumiCli(CliContext context, string projectDirectory)
{
    public const string InstallHint =
        "Install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/), e.g. `curl -fsSL https://get.pulumi.com | sh`, and make sure `pulumi` is on PATH.";

    public string Locate()
    {
        var path = context.Environment("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InfraException(new Diagnostic
        {
            Code = "INFRA-UP-001",
            Message = "The Pulumi CLI was not found on PATH.",
            Rule = "`infra up` deploys with `pulumi up`",
            Fix = InstallHint,
        });
    }

    /// <summary>Runs pulumi and returns its exit code and standard output (standard error goes to ours).</summary>
    public (int ExitCode, string Output) Run(IEnumerable<string> arguments, bool echoOutput)
    {
        var start = new ProcessStartInfo(Locate())
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = context.Environment("PATH") ?? "";
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                context.Error.WriteLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var output = new System.Text.StringBuilder();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            output.Append(line).Append('\n');
            if (echoOutput)
            {
                context.Out.WriteLine(line);
            }
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
