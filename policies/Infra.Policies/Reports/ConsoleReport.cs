using System.Globalization;
using Spectre.Console;

namespace Infra.Policies;

/// <summary>The human report: findings and exemptions as tables, then a one-line verdict.</summary>
public static class ConsoleReport
{
    public static void Write(PolicyReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var evaluated = report.Rules.Count(r => r.Level != EnforcementLevel.Disabled);
        console.Write(new Rule(Markup.Escape(
            $"infra policy · {report.Project}/{report.Stack} · {report.Environment}{(report.IsProduction ? " (production)" : "")} · " +
            $"{evaluated} of {report.Rules.Count} rules · {report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")).LeftJustified());

        if (report.Findings.Count > 0)
        {
            var findings = new Table().Border(TableBorder.Rounded).Expand();
            findings.AddColumns("Level", "Rule", "Resource", "Declared at", "Property", "Finding");
            foreach (var finding in report.Findings.OrderByDescending(f => f.IsBlocking).ThenBy(f => f.Status == FindingStatus.Exempted))
            {
                findings.AddRow(
                    new Markup(Level(finding)),
                    new Markup(Markup.Escape($"{finding.RuleId}\n{finding.RuleTitle}")),
                    new Markup(Markup.Escape($"{finding.Resource.LogicalName}\n{finding.Resource.Type}")),
                    new Markup(Markup.Escape(finding.Resource.Location)),
                    new Markup(Markup.Escape($"{finding.PropertyPath}\n= {finding.Value}")),
                    new Markup(Markup.Escape($"{finding.Problem}.\nFix: {finding.Fix}") +
                        (finding.Exemption is { } e ? $"\n[grey]{Markup.Escape(Exempted(e, finding.Status))}[/]" : "")));
            }

            console.Write(findings);
        }

        if (report.Exemptions.Count > 0)
        {
            var exemptions = new Table().Border(TableBorder.Simple).Title("Exemptions");
            exemptions.AddColumns("Rule", "Resource", "Owner", "Expires", "State", "Justification");
            foreach (var use in report.Exemptions)
            {
                var e = use.Exemption;
                exemptions.AddRow(Markup.Escape(e.RuleId), Markup.Escape(e.Resource), Markup.Escape(e.Owner),
                    e.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    use.State switch
                    {
                        ExemptionState.Expired => "[red]expired[/]",
                        ExemptionState.Unused => "[grey]unused[/]",
                        _ => $"applied ({use.CoveredFindings})",
                    },
                    Markup.Escape(e.Justification));
            }

            console.Write(exemptions);
        }

        foreach (var error in report.Errors)
        {
            console.MarkupLine($"[red]engine error[/] {Markup.Escape(error.Message)}");
        }

        console.MarkupLine(Verdict(report));
    }

    /// <summary>The report as plain text (no colours), e.g. for the synth gate's error output or logs.</summary>
    public static string Render(PolicyReport report, int width = 160)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        Write(report, console);
        return writer.ToString();
    }

    private static string Level(PolicyFinding finding) => finding.Status switch
    {
        FindingStatus.Exempted => "[grey]exempted[/]",
        FindingStatus.ExpiredExemption => finding.IsBlocking ? "[red bold]MANDATORY[/]\n[red]expired exemption[/]" : "[yellow]advisory[/]\n[yellow]expired exemption[/]",
        FindingStatus.CannotEvaluate => finding.IsBlocking ? "[red bold]MANDATORY[/]\n[red]unknown value[/]" : "[yellow]advisory[/]\n[yellow]unknown value[/]",
        _ => finding.IsBlocking ? "[red bold]MANDATORY[/]" : "[yellow]advisory[/]",
    };

    private static string Exempted(Exemption exemption, FindingStatus status) =>
        $"{(status == FindingStatus.Exempted ? "exempted" : "exemption expired")} until {exemption.Expires:yyyy-MM-dd} by {exemption.Owner}: {exemption.Justification}";

    private static string Verdict(PolicyReport report)
    {
        var blocking = report.Blocking.Count();
        var advisory = report.Warnings.Count();
        var exempted = report.Findings.Count(f => f.Status == FindingStatus.Exempted);
        var text = $"{blocking} mandatory, {advisory} advisory, {exempted} exempted, {report.Passes.Count} passed, {report.Errors.Count} engine errors → exit {report.ExitCode}";
        return report.ExitCode switch
        {
            PolicyExitCode.Clean => $"[green]✓[/] {Markup.Escape(text)}",
            PolicyExitCode.MandatoryViolations => $"[red]✗ blocked:[/] {Markup.Escape(text)}",
            _ => $"[red]✗ engine error:[/] {Markup.Escape(text)}",
        };
    }
}
