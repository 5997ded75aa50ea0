using System.CommandLine;
using Infra.Core.Diagnostics;
using Infra.Stacks.Delivery;

namespace Infra.Stacks.Cli;

/// <summary>
/// <c>infra up &lt;stack&gt;</c>: synthesizes and checks the stack, compares it with what is deployed
/// (<c>pulumi stack export</c>), refuses to delete or replace stateful or protected resources unless each is
/// named with <c>--allow-replace</c>, then runs <c>pulumi up --stack &lt;stack&gt;</c>.
/// </summary>
internal static class UpCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to deploy." };
        var allow = new Option<string[]>("--allow-replace")
        {
            Description = "A stateful or protected resource (logical name) that may be deleted or replaced. Repeat for each.",
            AllowMultipleArgumentsPerToken = false,
        };
        var yes = new Option<bool>("--yes", "-y") { Description = "Pass --yes to pulumi up (no interactive confirmation)." };
        var command = new Command("up", "Check the stack, refuse data-losing changes unless allowed, then run `pulumi up`.");
        command.Arguments.Add(stack);
        command.Options.Add(allow);
        command.Options.Add(yes);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var project = cli.Project(parsed);
            var name = parsed.GetValue(stack)!;
            var result = cli.Pipeline().Run(StackLoader.FromFile(project, name));
            var pulumi = new PulumiCli(cli.Context, project.Directory);

            var export = pulumi.Run(["stack", "export", "--stack", name], echoOutput: false);
            if (export.ExitCode != 0)
            {
                throw new InfraException(new Diagnostic
                {
                    Code = "INFRA-UP-002",
                    Message = $"Could not read what stack '{name}' has deployed (`pulumi stack export` exited with {export.ExitCode}).",
                    Rule = "`infra up` compares the program with the deployed state before deploying",
                    Fix = $"Log in to the stack's backend (`pulumi login`) and create the stack if it is new (`pulumi stack init {name}`).",
                });
            }

            var diff = ProgramDiffer.Compare(DeployedState.FromExport(export.Output), result.Program);
            var allowed = new HashSet<string>(parsed.GetValue(allow) ?? [], StringComparer.Ordinal);
            var refused = diff.Dangerous.Where(c => !allowed.Contains(c.Name) && (c.PreviousName is null || !allowed.Contains(c.PreviousName))).ToArray();
            if (refused.Length > 0)
            {
                throw new InfraException(refused.Select(change => new Diagnostic
                {
                    Code = "INFRA-UP-003",
                    Message = "Refusing to deploy: " + DiffView.Danger(change),
                    Resource = change.Name,
                    Rule = "stateful or protected resources are never deleted or replaced without an explicit allow",
                    Fix = change.AliasFix is null
                        ? $"Undo the change, or allow it with `infra up {name} --allow-replace {change.Name}` after making sure the data is backed up."
                        : $"Keep the resource with `{change.AliasFix}`, or allow the replacement with `--allow-replace {change.Name}`.",
                }).ToArray());
            }

            cli.Context.Out.WriteLine($"infra: {DiffView.Summary(diff)} compared with the deployed state; running pulumi up.");
            var arguments = new List<string> { "up", "--stack", name };
            if (parsed.GetValue(yes))
            {
                arguments.Add("--yes");
            }

            var up = pulumi.Run(arguments, echoOutput: true);
            return up.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Invalid;
        }));
        return command;
    }
}
