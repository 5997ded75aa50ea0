using System.Diagnostics;
using System.Text.Json;
using Infra.Core.Configuration;
using Infra.Stacks.Cli;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Cli;

/// <summary>
/// `pulumi preview/up` run the compiler command of Pulumi.yaml with the stack in the environment. These tests
/// run that exact command in a subprocess, as Pulumi does, and compare its standard output with `infra synth`.
/// </summary>
public class CompilerModeTests
{
    private static readonly ProgramDefinition Platform = Infra.Stacks.ProjectProgram.Definition;

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_compiler_prints_exactly_what_synth_prints(string stack)
    {
        var expected = CliRunner.Run(RepositoryPaths.Root, Platform, null, "synth", "--stack", stack);
        Assert.Equal((0, ""), (expected.ExitCode, expected.Error));

        var (exitCode, output, error) = RunCompiler(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_PROJECT"] = "infra",
            ["PULUMI_ORGANIZATION"] = "organization",
            ["PULUMI_ROOT_DIRECTORY"] = RepositoryPaths.Root,
            ["PULUMI_CONFIG"] = DecryptedConfigAsPulumiPassesIt(stack),
        });
        Assert.True(exitCode == 0, error);
        Assert.Equal(expected.Out, output);
        Assert.DoesNotContain("plaintext-of-", output);
    }

    [Fact]
    public void Without_a_stack_the_compiler_prints_a_program_naming_every_provider_package()
    {
        var (exitCode, output, error) = RunCompiler(new Dictionary<string, string>());
        Assert.True(exitCode == 0, error);
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("resources")];
        var types = resources.Children.Values.Select(r => ((YamlScalarNode)((YamlMappingNode)r).Children[new YamlScalarNode("type")]).Value!).ToArray();
        Assert.Equal(["pulumi:providers:aws", "pulumi:providers:gcp", "pulumi:providers:kubernetes", "pulumi:providers:random", "pulumi:providers:yandex"], types);
        Assert.Contains("version: \"7.48.0\"", output);
    }

    /// <summary>PULUMI_CONFIG as Pulumi gives it: every key, secrets decrypted (here: stand-in plaintext Infra must never print).</summary>
    private static string DecryptedConfigAsPulumiPassesIt(string stack)
    {
        var config = StackConfig.FromFile(Path.Combine(RepositoryPaths.Root, $"Pulumi.{stack}.yaml"), "infra", stack);
        return JsonSerializer.Serialize(config.Keys.ToDictionary(k => k, k => config[k]!.IsSecret ? "plaintext-of-" + k : config[k]!.Text));
    }

    private static (int ExitCode, string Out, string Error) RunCompiler(Dictionary<string, string> environment)
    {
        var command = CompilerCommand().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "PULUMI_STACK", "PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_ORGANIZATION", "PULUMI_ROOT_DIRECTORY", "PULUMI_CONFIG_SECRET_KEYS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>The compiler command exactly as Pulumi.yaml declares it.</summary>
    private static string CompilerCommand()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root.Children[new YamlScalarNode("runtime")];
        Assert.Equal("yaml", ((YamlScalarNode)runtime.Children[new YamlScalarNode("name")]).Value);
        var options = (YamlMappingNode)runtime.Children[new YamlScalarNode("options")];
        return ((YamlScalarNode)options.Children[new YamlScalarNode("compiler")]).Value!;
    }
}
