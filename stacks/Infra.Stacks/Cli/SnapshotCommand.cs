using System.CommandLine;
using Infra.Stacks.Delivery;

namespace Infra.Stacks.Cli;

/// <summary><c>infra snapshot &lt;stack&gt;</c>: rewrites the stack's committed desired state (<c>.infra/&lt;stack&gt;.yaml</c>).</summary>
internal static class SnapshotCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack whose desired state to rewrite." };
        var command = new Command("snapshot", "Rewrite .infra/<stack>.yaml, the desired state reviewed in pull requests.");
        command.Arguments.Add(stack);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var project = cli.Project(parsed);
            var name = parsed.GetValue(stack)!;
            var result = cli.Pipeline().Run(StackLoader.FromFile(project, name));
            DesiredStateFile.Write(project, name, result.Text);
            cli.Context.Out.WriteLine($"Wrote {Path.GetRelativePath(project.Directory, DesiredStateFile.PathOf(project, name))} ({result.Program.Resources.Count} resources).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
