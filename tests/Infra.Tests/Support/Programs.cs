using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;

namespace Infra.Tests.Support;

/// <summary>Runs small programs for tests and gives back the synthesized program and its text.</summary>
public static class Programs
{
    public static StackConfig Config(string stack = "dev", IReadOnlyDictionary<string, string>? values = null, params string[] secretKeys) =>
        StackConfig.FromValues("infra", stack, values, secretKeys);

    public static ProgramDocument Synthesize(Action program, StackConfig? config = null) =>
        Synthesizer.Synthesize(Deployment.Run(config ?? Config(), program));

    public static string Yaml(Action program, StackConfig? config = null) => YamlWriter.Write(Synthesize(program, config));

    /// <summary>The YAML of one resource's block (from its key line to the next resource), for focused assertions.</summary>
    public static string ResourceYaml(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var start = Array.IndexOf(lines, $"  {key}:");
        Assert.True(start >= 0, $"resource '{key}' not found in:\n{yaml}");
        var end = start + 1;
        while (end < lines.Length && lines[end].StartsWith("    ", StringComparison.Ordinal))
        {
            end++;
        }

        return string.Join('\n', lines[start..end]) + "\n";
    }
}
