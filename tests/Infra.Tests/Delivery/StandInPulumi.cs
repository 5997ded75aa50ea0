using System.Text.Json;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Delivery;

/// <summary>
/// A stand-in `pulumi` executable on a private PATH: it records its arguments, answers `stack export` with a
/// given deployed state and succeeds on `up`. It proves the orchestration, never that anything deployed.
/// </summary>
public sealed class StandInPulumi : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("infra-pulumi-").FullName;

    public StandInPulumi(ProgramDocument deployed, string stack)
    {
        File.WriteAllText(ExportFile, Export(deployed, stack));
        var script = Path.Combine(directory, "pulumi");
        File.WriteAllText(script, $$"""
            #!/usr/bin/env bash
            printf '%s\n' "$*" >> '{{LogFile}}'
            case "$1 $2" in
              "stack export") cat '{{ExportFile}}' ;;
              "up --stack") echo "Resources: updated" ;;
              *) echo "unexpected: $*" >&2; exit 3 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string PathVariable => directory + Path.PathSeparator + "/usr/bin" + Path.PathSeparator + "/bin";

    public string[] Calls => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    private string LogFile => Path.Combine(directory, "calls.log");

    private string ExportFile => Path.Combine(directory, "export.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The shape of `pulumi stack export` for the custom resources of a program (literal inputs only).</summary>
    private static string Export(ProgramDocument program, string stack)
    {
        var resources = program.Resources.Select(r => new Dictionary<string, object?>
        {
            ["urn"] = $"urn:pulumi:{stack}::infra::{r.Type}::{r.LogicalName}",
            ["custom"] = true,
            ["id"] = r.LogicalName + "-id",
            ["type"] = r.Type,
            ["inputs"] = ToJson(r.Properties ?? MapNode.Empty),
            ["protect"] = r.Options?["protect"] is BoolNode { Value: true },
        }).ToList();
        return JsonSerializer.Serialize(new { version = 3, deployment = new { manifest = new { }, resources } });
    }

    private static object? ToJson(Node node) => node switch
    {
        StringNode s => s.Value,
        IntegerNode i => i.Value,
        NumberNode n => n.Value,
        BoolNode b => b.Value,
        ListNode l => l.Items.Select(ToJson).ToList(),
        MapNode m => m.Entries.ToDictionary(e => e.Key, e => ToJson(e.Value)),
        FunctionNode { Name: "secret" } => new Dictionary<string, string> { ["4dabf18193072939515e22adb298388d"] = "1b47061264138c4ac30d75fd1eb44270", ["ciphertext"] = "x" },
        _ => "resolved-at-deploy",
    };
}
