using System.CommandLine;
using Infra.Core.Schema;
using Infra.Core.Synthesis;
using Infra.Policies;
using Infra.Stacks.Delivery;
using Spectre.Console;

namespace Infra.Stacks.Cli;

/// <summary>
/// <c>infra preview &lt;stack&gt;</c>: what the stack would deploy, without cloud credentials — the resource tree by
/// component with counts, and the diff against the committed desired state, with data-losing changes shown loudly.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to preview (its config is Pulumi.<stack>.yaml)." };
        var against = new Option<string?>("--against") { Description = "Compare with this program file instead of .infra/<stack>.yaml (e.g. the base branch's copy)." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the preview as Markdown to this file (for a pull-request comment)." };
        var command = new Command("preview", "Show what a stack would deploy and what changes, without cloud credentials.");
        command.Arguments.Add(stack);
        command.Options.Add(against);
        command.Options.Add(markdown);
        command.SetAction(parsed => cli.Guard(() =>
        {
            var project = cli.Project(parsed);
            var name = parsed.GetValue(stack)!;
            var result = cli.Pipeline().Run(StackLoader.FromFile(project, name), enforcePolicy: false);
            var baseline = parsed.GetValue(against) is { } file ? Path.Combine(cli.Context.WorkingDirectory, file) : DesiredStateFile.PathOf(project, name);
            var diff = ProgramDiffer.Compare(DesiredStateFile.Read(baseline), result.Program);
            var baselineName = Path.GetRelativePath(project.Directory, baseline);

            var console = Reporting.Console(cli.Context.Out);
            console.Write(ResourceTreeView.Build(result.Deployment));
            console.WriteLine();
            console.Write(ResourceTreeView.CountsByType(result.Deployment));
            console.WriteLine();
            DiffView.Write(console, diff, baselineName);
            console.WriteLine();
            var schemaLines = SchemaSummary(cli, result, project);
            foreach (var line in schemaLines)
            {
                console.WriteLine(line);
            }

            var policyLine = PolicySummary(result.Policy);
            console.WriteLine(policyLine);
            foreach (var finding in result.Policy.Blocking)
            {
                console.MarkupLine($"[red]  {Markup.Escape(finding.RuleId)}[/] {Markup.Escape(finding.Resource.Label)}: {Markup.Escape(finding.Problem)}");
            }

            if (parsed.GetValue(markdown) is { } markdownFile)
            {
                var text = $"### `infra preview {name}`\n\n{result.Program.Resources.Count} resources. {policyLine} {string.Join(" ", schemaLines)}\n\n" +
                    DiffView.Markdown(diff, baselineName) + "\n```mermaid\n" + MermaidGraph.Build(result.Program) + "```\n";
                AtomicFile.WriteAllText(Path.Combine(cli.Context.WorkingDirectory, markdownFile), text);
            }

            return result.Policy.HasBlockingFindings ? ExitCodes.Invalid : ExitCodes.Success;
        }));
        return command;
    }

    private static string PolicySummary(PolicyReport report) =>
        $"Policy ({report.Environment}): {report.Blocking.Count()} blocking, {report.Warnings.Count()} advisory, {report.Exemptions.Count} exemptions.";

    private static IReadOnlyList<string> SchemaSummary(InfraCli cli, SynthesisResult result, ProjectFiles project)
    {
        var location = CheckCommand.Locate(cli, null, project);
        if (!location.Found)
        {
            return ["Schemas: none found, not checked (run `infra check` for details)."];
        }

        var check = SchemaCheck.Check(result.Program, location.Open());
        return [.. check.Summary(), .. check.Diagnostics.Select(d => "  " + d.Message)];
    }
}
