using System.CommandLine;
using Spectre.Console;

namespace Infra.Stacks.Cli;

/// <summary><c>infra preview &lt;stack&gt;</c>: what the stack would deploy, without cloud credentials.</summary>
internal static class PreviewCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to preview (its config is Pulumi.<stack>.yaml)." };
        var command = new Command("preview", "Show the resource tree of a stack by component, with counts. Needs no cloud credentials.");
        command.Arguments.Add(stack);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var project = cli.Project(parsed);
            var result = new SynthesisPipeline(cli.Definition).Run(StackLoader.FromFile(project, parsed.GetValue(stack)!));
            var console = Reporting.Console(cli.Context.Out);
            console.Write(ResourceTreeView.Build(result.Deployment));
            console.WriteLine();
            console.Write(ResourceTreeView.CountsByType(result.Deployment));
            return ExitCodes.Success;
        }));
        return command;
    }
}
