using System.Text;
using Spectre.Console;

namespace Infra.Stacks.Delivery;

/// <summary>Shows a diff in a terminal (Spectre) or as Markdown for a pull-request comment.</summary>
public static class DiffView
{
    public static string Summary(ProgramDiff diff) =>
        $"{diff.Count(ChangeKind.Create)} to create, {diff.Count(ChangeKind.Update)} to update, " +
        $"{diff.Count(ChangeKind.Replace)} to replace, {diff.Count(ChangeKind.Delete)} to delete";

    public static void Write(IAnsiConsole console, ProgramDiff diff, string against)
    {
        console.MarkupLine($"[bold]Changes against {Markup.Escape(against)}:[/] {Markup.Escape(Summary(diff))}");
        foreach (var change in diff.Changes)
        {
            var (symbol, color) = change.Kind switch
            {
                ChangeKind.Create => ("+", "green"),
                ChangeKind.Update => ("~", "yellow"),
                ChangeKind.Replace => ("+-", "magenta"),
                _ => ("-", "red"),
            };
            console.MarkupLine($"[{color}]{symbol} {Markup.Escape(change.Name)}[/] [grey]{Markup.Escape(change.Type)}[/]{Describe(change)}");
            foreach (var property in change.Properties)
            {
                console.MarkupLine($"    [grey]{Markup.Escape(property.Path)}:[/] {Markup.Escape(property.Before ?? "(absent)")} → {Markup.Escape(property.After ?? "(absent)")}" +
                    (property.ForcesReplacement ? " [magenta](forces replacement)[/]" : ""));
            }
        }

        foreach (var change in diff.Dangerous)
        {
            console.MarkupLine($"[bold red]DANGER[/] {Markup.Escape(Danger(change))}");
        }
    }

    public static string Markdown(ProgramDiff diff, string against)
    {
        var text = new StringBuilder();
        text.Append("**Changes against ").Append(against).Append(":** ").Append(Summary(diff)).Append("\n\n");
        foreach (var change in diff.Dangerous)
        {
            text.Append("> [!CAUTION]\n> ").Append(Danger(change)).Append("\n\n");
        }

        if (diff.IsEmpty)
        {
            return text.Append("No changes.\n").ToString();
        }

        text.Append("| change | resource | type | details |\n| --- | --- | --- | --- |\n");
        foreach (var change in diff.Changes)
        {
            var details = string.Join("<br>", change.Properties.Select(p => $"`{p.Path}`: {Cell(p.Before ?? "(absent)")} → {Cell(p.After ?? "(absent)")}"));
            text.Append("| ").Append(change.Kind.ToString().ToLowerInvariant()).Append(" | `").Append(change.Name).Append("` | `")
                .Append(change.Type).Append("` | ").Append(details).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The loud message of a dangerous change: what is lost, why, and how to avoid it.</summary>
    public static string Danger(ResourceChange change)
    {
        var what = (change.IsStateful, change.IsProtected) switch
        {
            (true, true) => "stateful, protected",
            (true, false) => "stateful",
            _ => "protected",
        };
        var action = change.Kind == ChangeKind.Delete ? "deleted" : "replaced (deleted and created again)";
        var text = $"'{change.Name}' ({change.Type}, {what}) would be {action}";
        if (change.Reason is not null)
        {
            text += $": {change.Reason}";
        }

        text += ".";
        if (change.AliasFix is not null)
        {
            text += $" To keep it, add `{change.AliasFix}` to its options.";
        }

        return text;
    }

    private static string Describe(ResourceChange change) => change.Kind switch
    {
        ChangeKind.Replace when change.PreviousName is not null => $" [magenta](replaces '{Markup.Escape(change.PreviousName)}')[/]",
        ChangeKind.Replace when change.PreviousType is not null => $" [magenta](replaces the {Markup.Escape(change.PreviousType)})[/]",
        _ => "",
    };

    private static string Cell(string value) => "`" + value.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal) + "`";
}
