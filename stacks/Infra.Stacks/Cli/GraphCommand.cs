using System.CommandLine;
using Infra.Core.Synthesis;
using Infra.Stacks.Delivery;

namespace Infra.Stacks.Cli;

/// <summary><c>infra graph &lt;stack&gt;</c>: a Mermaid flowchart of the stack's components and their connections.</summary>
internal static class GraphCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to draw." };
        var markdown = new Option<bool>("--markdown") { Description = "Wrap the chart in a ```mermaid block, ready for a Markdown file or a pull-request comment." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var command = new Command("graph", "Draw the stack's components and their connections as a Mermaid flowchart.");
        command.Arguments.Add(stack);
        command.Options.Add(markdown);
        command.Options.Add(output);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var result = cli.Pipeline().Run(StackLoader.FromFile(cli.Project(parsed), parsed.GetValue(stack)!));
            var chart = MermaidGraph.Build(result.Program);
            var text = parsed.GetValue(markdown) ? $"```mermaid\n{chart}```\n" : chart;
            if (parsed.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(Path.Combine(cli.Context.WorkingDirectory, file), text);
            }
            else
            {
                cli.Context.Out.Write(text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
