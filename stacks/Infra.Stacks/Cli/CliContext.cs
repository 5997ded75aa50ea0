namespace Infra.Stacks.Cli;

/// <summary>What a verb may touch: its output streams, the environment and the working directory — injectable for tests.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> Environment, string WorkingDirectory)
{
    /// <summary>Today's date (UTC) for policy exemptions' expiry; fixed in tests.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    public static CliContext FromProcess() =>
        new(System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory);
}
