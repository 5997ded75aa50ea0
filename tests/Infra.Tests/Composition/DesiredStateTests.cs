using Infra.Tests.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.Composition;

/// <summary>The committed desired state (.infra/&lt;stack&gt;.yaml) must match the code, so every PR shows its infrastructure diff.</summary>
public class DesiredStateTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_committed_desired_state_is_up_to_date(string stack)
    {
        var path = Path.Combine(RepositoryPaths.Root, ".infra", $"{stack}.yaml");
        Assert.True(File.Exists(path), $".infra/{stack}.yaml is missing: run `dotnet run --project stacks/Infra.Stacks -- snapshot {stack}` and commit it.");
        var current = PlatformStacks.Synthesize("aws", stack).Text;
        Assert.True(File.ReadAllText(path) == current,
            $".infra/{stack}.yaml is stale: the code or Pulumi.{stack}.yaml changed. Run `dotnet run --project stacks/Infra.Stacks -- snapshot {stack}`, review the diff and commit it.");
    }

    [Fact]
    public void Switching_the_prod_database_engine_is_shown_as_a_replacement_of_a_protected_resource()
    {
        using var project = new PlatformProject("prod");
        Assert.Equal(0, CliRunner.Run(project.Directory, Infra.Stacks.ProjectProgram.Definition, null, "snapshot", "prod").ExitCode);
        project.AppendConfig("  infra:awsData:\n    auroraPostgres: true\n");

        var (exitCode, output, error) = CliRunner.Run(project.Directory, Infra.Stacks.ProjectProgram.Definition, null, "preview", "prod");
        Assert.True(exitCode == 0, error);
        Assert.Contains("DANGER 'orders-instance' (aws:rds/instance:Instance, stateful, protected) would be deleted", output);
        Assert.Matches(@"\d+ to create, \d+ to update, \d+ to replace, [1-9]\d* to delete", output);
    }

    [Fact]
    public void Renaming_nothing_and_changing_nothing_previews_no_changes()
    {
        using var project = new PlatformProject("dev");
        Assert.Equal(0, CliRunner.Run(project.Directory, Infra.Stacks.ProjectProgram.Definition, null, "snapshot", "dev").ExitCode);
        var (_, output, _) = CliRunner.Run(project.Directory, Infra.Stacks.ProjectProgram.Definition, null, "preview", "dev");
        Assert.Contains("0 to create, 0 to update, 0 to replace, 0 to delete", output);
        Assert.DoesNotContain("DANGER", output);
    }

    /// <summary>A copy of the repository's Pulumi project (Pulumi.yaml and one stack file) in a temporary folder.</summary>
    private sealed class PlatformProject : IDisposable
    {
        private readonly string stack;

        public PlatformProject(string stack)
        {
            this.stack = stack;
            Directory = System.IO.Directory.CreateTempSubdirectory("infra-platform-").FullName;
            File.Copy(Path.Combine(RepositoryPaths.Root, "Pulumi.yaml"), Path.Combine(Directory, "Pulumi.yaml"));
            File.Copy(Path.Combine(RepositoryPaths.Root, $"Pulumi.{stack}.yaml"), Path.Combine(Directory, $"Pulumi.{stack}.yaml"));
        }

        public string Directory { get; }

        public void AppendConfig(string yaml) => File.AppendAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), yaml);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
