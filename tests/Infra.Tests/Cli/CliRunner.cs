using Infra.Stacks.Cli;
using Infra.Stacks.Platform;
using Infra.Stacks.Samples;

namespace Infra.Tests.Cli;

/// <summary>Runs the infra CLI in-process against a project folder, capturing what it prints.</summary>
public sealed class CliRunner
{
    public static readonly ProgramDefinition Sample = new("infra", () => _ = new SampleStack(), ProviderPins.All);

    public static (int ExitCode, string Out, string Error) Run(string projectDirectory, ProgramDefinition program, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, name => environment?.GetValueOrDefault(name), projectDirectory);
        var exitCode = new InfraCli(program, context).Run(args);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static (int ExitCode, string Out, string Error) Run(string projectDirectory, params string[] args) =>
        Run(projectDirectory, Sample, null, args);
}
