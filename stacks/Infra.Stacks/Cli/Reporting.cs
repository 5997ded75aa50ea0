using Infra.Core.Diagnostics;
using Spectre.Console;

namespace Infra.Stacks.Cli;

/// <summary>Exit codes shared by every verb.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The program, its config or its checks found problems the user must fix.</summary>
    public const int Invalid = 1;

    /// <summary>Infra itself failed (a bug, or an environment problem such as an unreadable file).</summary>
    public const int EngineError = 2;
}

/// <summary>Prints problems to standard error, every one of them, one block each.</summary>
public static class Reporting
{
    public static int Report(TextWriter error, InfraException exception)
    {
        error.WriteLine($"infra: {exception.Diagnostics.Count} problem{(exception.Diagnostics.Count == 1 ? "" : "s")} found; nothing was written.");
        foreach (var diagnostic in exception.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        return ExitCodes.Invalid;
    }

    public static int ReportCrash(TextWriter error, Exception exception)
    {
        error.WriteLine($"infra: internal error ({exception.GetType().Name}): {exception.Message}; nothing was written.");
        error.WriteLine(exception.StackTrace);
        return ExitCodes.EngineError;
    }

    /// <summary>A console for tables and trees: colours only on a terminal; wide when written to a file or pipe.</summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        var terminal = output == System.Console.Out && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
