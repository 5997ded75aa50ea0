namespace Infra.Tests.Cli;

public sealed class PreviewCommandTests : IDisposable
{
    private readonly SampleProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Preview_shows_the_tree_and_the_counts_without_credentials()
    {
        var (exitCode, output, error) = CliRunner.Run(project.Directory, "preview", "dev");
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("infra-dev (9 resources)", output);
        Assert.Contains("shop-assets aws:s3/bucket:Bucket", output);
        Assert.Matches(@"kubernetes:core/v1:Secret\s+│\s+1 │", output);
    }

    [Fact]
    public void Preview_of_an_unknown_stack_fails_with_exit_1()
    {
        Assert.Equal(1, CliRunner.Run(project.Directory, "preview", "qa").ExitCode);
    }
}
