using System.CommandLine;
using Infra.Core.Schema;

namespace Infra.Stacks.Cli;

/// <summary>
/// <c>infra check &lt;stack&gt;</c>: validates every resource of the stack's program against the provider schemas
/// (type tokens, property names at any depth, required inputs, value shapes, output references, invokes,
/// options) and says which schema versions it used — or that none were found.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to check." };
        var schemas = new Option<string?>("--schemas")
        {
            Description = $"Folder of provider schemas (<package>.json, made with `pulumi package get-schema`). Default: ${SchemaLocator.EnvironmentVariable}, else ../shared/provider-schemas.",
        };
        var command = new Command("check", "Check the stack's program against the real provider schemas.");
        command.Arguments.Add(stack);
        command.Options.Add(schemas);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var project = cli.Project(parsed);
            var result = cli.Pipeline().Run(StackLoader.FromFile(project, parsed.GetValue(stack)!), enforcePolicy: false);
            var location = Locate(cli, parsed.GetValue(schemas), project);
            foreach (var line in location.Describe())
            {
                cli.Context.Out.WriteLine(line);
            }

            if (!location.Found)
            {
                return ExitCodes.Invalid;
            }

            var check = SchemaCheck.Check(result.Program, location.Open());
            foreach (var line in check.Report())
            {
                (check.HasErrors ? cli.Context.Error : cli.Context.Out).WriteLine(line);
            }

            return check.HasErrors ? ExitCodes.Invalid : ExitCodes.Success;
        }));
        return command;
    }

    internal static SchemaLocation Locate(InfraCli cli, string? explicitDirectory, ProjectFiles project) =>
        SchemaLocator.Locate(
            explicitDirectory is null ? null : Path.Combine(cli.Context.WorkingDirectory, explicitDirectory),
            cli.Context.Environment(SchemaLocator.EnvironmentVariable),
            [project.Directory, cli.Context.WorkingDirectory, AppContext.BaseDirectory]);
}
