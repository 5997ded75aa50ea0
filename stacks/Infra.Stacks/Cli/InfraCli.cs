using System.CommandLine;
using Infra.Core.Diagnostics;

namespace Infra.Stacks.Cli;

/// <summary>The <c>infra</c> command line: one verb per file, sharing options and error handling from here.</summary>
public sealed class InfraCli(ProgramDefinition definition, CliContext context)
{
    internal static readonly Option<string?> ProjectDirOption = new("--project-dir")
    {
        Description = "The folder holding Pulumi.yaml. Default: the current folder or the nearest one above it.",
        Recursive = true,
    };

    public ProgramDefinition Definition { get; } = definition;

    public CliContext Context { get; } = context;

    public int Run(string[] args)
    {
        var root = new RootCommand("Infra: describe a platform once in C#, deploy it to AWS, GCP or Yandex Cloud with Pulumi.");
        root.Options.Add(ProjectDirOption);
        root.Subcommands.Add(SynthCommand.Create(this));
        root.Subcommands.Add(PreviewCommand.Create(this));
        root.Subcommands.Add(SnapshotCommand.Create(this));
        root.Subcommands.Add(UpCommand.Create(this));
        root.Subcommands.Add(GraphCommand.Create(this));
        root.Subcommands.Add(CheckCommand.Create(this));
        root.Subcommands.Add(PolicyCommand.Create(this));
        var parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = Context.Out, Error = Context.Error });
    }

    /// <summary>Runs a verb's body with the shared error handling: every problem reported, nothing partial written.</summary>
    internal int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InfraException e)
        {
            return Reporting.Report(Context.Error, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Reporting.ReportCrash(Context.Error, e);
        }
    }

    internal SynthesisPipeline Pipeline() => new(Definition, Context.Today);

    internal ProjectFiles Project(ParseResult parsed) =>
        ProjectFiles.Locate(parsed.GetValue(ProjectDirOption) ?? Context.WorkingDirectory);
}
