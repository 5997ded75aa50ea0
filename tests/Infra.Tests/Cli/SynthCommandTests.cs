namespace Infra.Tests.Cli;

public sealed class SynthCommandTests : IDisposable
{
    private readonly SampleProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Synth_prints_the_program_and_nothing_else()
    {
        var (exitCode, output, error) = CliRunner.Run(project.Directory, "synth", "--stack", "dev");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("# Pulumi YAML program synthesized by Infra for stack 'dev'.\n", output);
        Assert.Contains("\nresources:\n", output);
        Assert.Contains("DATABASE_PASSWORD:\n          fn::secret: ${infra:databasePassword}\n", output);
    }

    [Fact]
    public void Synth_writes_the_file_atomically_and_leaves_it_untouched_on_error()
    {
        var target = Path.Combine(project.Directory, "out", "Main.yaml");
        Assert.Equal(0, CliRunner.Run(project.Directory, "synth", "-s", "dev", "--out", "out/Main.yaml").ExitCode);
        var written = File.ReadAllText(target);
        Assert.Equal(CliRunner.Run(project.Directory, "synth", "-s", "dev").Out, written);

        project.Write("dev", "config:\n  aws:region: eu-west-1\n");
        var (exitCode, output, error) = CliRunner.Run(project.Directory, "synth", "-s", "dev", "--out", "out/Main.yaml");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("nothing was written", error);
        Assert.Equal(written, File.ReadAllText(target));
        Assert.Equal(["Main.yaml"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Missing_and_mistyped_config_gives_one_report_with_every_problem_and_exit_1()
    {
        project.Write("dev", "config:\n  aws:regoin: eu-west-1\n  infra:appNmae: shop\n");
        var (exitCode, output, error) = CliRunner.Run(project.Directory, "synth", "--stack", "dev");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("infra: 4 problems found; nothing was written.\n", error);
        Assert.Contains("Missing required configuration value 'infra:appName'.", error);
        Assert.Contains("Missing required configuration value 'infra:databasePassword'.", error);
        Assert.Contains("Missing required configuration value 'aws:region'.", error);
        Assert.Contains("Pulumi.dev.yaml:3: error INFRA-CONFIG-004: Unknown configuration key 'infra:appNmae'. Did you mean 'infra:appName'?", error);
        Assert.Contains("fix:      Run `pulumi config set infra:appName <value> --stack dev`", error);
    }

    [Fact]
    public void An_unknown_stack_is_an_error_naming_the_stacks_there_are()
    {
        var (exitCode, output, error) = CliRunner.Run(project.Directory, "synth", "--stack", "dve");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error INFRA-STACK-001: Unknown stack 'dve': there is no Pulumi.dve.yaml. Did you mean 'dev'?", error);
        Assert.Contains("fix:      Use one of: dev — or create it with `pulumi stack init dve`.", error);
    }

    [Fact]
    public void Synth_without_a_stack_outside_compiler_mode_is_an_error()
    {
        var (exitCode, _, error) = CliRunner.Run(project.Directory, "synth");
        Assert.Equal(1, exitCode);
        Assert.Contains("error INFRA-STACK-004: No stack given.", error);
    }

    [Fact]
    public void An_empty_program_never_reaches_pulumi()
    {
        project.Write("dev", "config:\n  aws:region: eu-west-1\n");
        var empty = new Infra.Stacks.Cli.ProgramDefinition("infra", () => { }, []);
        var (exitCode, output, error) = CliRunner.Run(project.Directory, empty, null, "synth", "--stack", "dev");
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("INFRA-PROGRAM-004", error);
    }

    [Fact]
    public void Help_lists_the_verbs()
    {
        var (exitCode, output, _) = CliRunner.Run(project.Directory, "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("synth", output);
        Assert.Contains("preview", output);
    }
}
