using System.CommandLine;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;

namespace Infra.Stacks.Cli;

/// <summary>
/// <c>infra synth</c>: prints (or writes atomically) the Pulumi YAML program of a stack. With
/// <c>--pulumi-compiler</c> it is the compiler Pulumi runs: the stack and config come from Pulumi's
/// environment, and without a stack it prints the plugin-discovery program.
/// </summary>
internal static class SynthCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Option<string?>("--stack", "-s") { Description = "The stack to synthesize (its config is Pulumi.<stack>.yaml)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the program to this file (atomically) instead of standard output." };
        var compiler = new Option<bool>("--pulumi-compiler")
        {
            Description = "Run as the Pulumi YAML compiler: read PULUMI_STACK and PULUMI_CONFIG from the environment.",
        };
        var command = new Command("synth", "Synthesize the Pulumi YAML program of a stack.");
        command.Options.Add(stack);
        command.Options.Add(output);
        command.Options.Add(compiler);
        command.SetAction(parsed => cli.Guard(() => Run(cli, parsed.GetValue(stack), parsed.GetValue(output), parsed.GetValue(compiler), cli.Project(parsed))));
        return command;
    }

    private static int Run(InfraCli cli, string? stack, string? outputFile, bool compilerMode, ProjectFiles project)
    {
        var pipeline = cli.Pipeline();
        SynthesisResult? result = null;
        string? text = null;
        if (compilerMode)
        {
            var pulumiStack = cli.Context.Environment("PULUMI_STACK");
            if (string.IsNullOrEmpty(pulumiStack))
            {
                text = pipeline.DiscoveryProgram();
            }
            else
            {
                result = pipeline.Run(StackLoader.FromEnvironment(project, pulumiStack, cli.Context.Environment));
            }
        }
        else
        {
            if (string.IsNullOrEmpty(stack))
            {
                throw new InfraException(new Diagnostic
                {
                    Code = "INFRA-STACK-004",
                    Message = "No stack given.",
                    Rule = "synth needs a stack, except when Pulumi runs it as the compiler",
                    Fix = $"Pass --stack with one of: {string.Join(", ", project.Stacks)}.",
                });
            }

            result = pipeline.Run(StackLoader.FromFile(project, stack));
        }

        if (outputFile is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(cli.Context.WorkingDirectory, outputFile), text ?? result!.Text);
            return ExitCodes.Success;
        }

        // Every check has passed by now: the program is streamed, never held as one string.
        if (result is null)
        {
            cli.Context.Out.Write(text);
        }
        else
        {
            result.WriteTo(cli.Context.Out);
        }

        cli.Context.Out.Flush();

        return ExitCodes.Success;
    }
}
