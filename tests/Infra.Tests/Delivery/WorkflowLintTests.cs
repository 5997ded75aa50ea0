using System.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Delivery;

public class WorkflowLintTests
{
    [ExternalToolFact("yamllint", "yamllint")]
    public void Workflows_and_pulumi_files_pass_yamllint()
    {
        var yamllint = ExternalTool.Require("yamllint", "yamllint");
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, ".github", "workflows"), "*.yml")
            .Concat(Directory.GetFiles(RepositoryPaths.Root, "Pulumi*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(files.Length >= 5, "expected the workflows and the Pulumi project and stack files");
        var start = new ProcessStartInfo(yamllint) { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--strict", "-c", ".yamllint.yaml" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }

    [ExternalToolFact("yamllint", "yamllint")]
    public void Yamllint_catches_a_broken_workflow()
    {
        var yamllint = ExternalTool.Require("yamllint", "yamllint");
        var broken = Path.Combine(Directory.CreateTempSubdirectory("infra-lint-").FullName, "bad.yml");
        File.WriteAllText(broken, "on:\n  push:\njobs:\n  a:\n    steps:\n      - run: x\n      - run: x\n    steps: []\n");
        var start = new ProcessStartInfo(yamllint) { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--strict", "-c", ".yamllint.yaml", broken })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("duplication of key \"steps\"", output);
    }
}
