using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Infra.Core.Values;
using Infra.Tests.Support;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>Runs <c>promtool check rules</c> (Debian package <c>prometheus</c>) on rule groups taken from a program.</summary>
internal static class Promtool
{
    public const string NotFound = "promtool not found; install the Debian package prometheus";

    /// <summary>The promtool executable on PATH, or null.</summary>
    public static string? Executable { get; } = ExternalTool.Find("promtool");

    /// <summary>Writes <c>{"groups": …}</c> (JSON is YAML) to a temporary rule file and checks it.</summary>
    public static (int ExitCode, string Output) CheckRules(Node groups)
    {
        var path = Path.Combine(Path.GetTempPath(), $"infra-rules-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(path, ToJson(new MapNode([new("groups", groups)])));
            return Run(["check", "rules", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Runs <c>promtool test rules</c>: <paramref name="tests"/> is the YAML of a unit-test file without
    /// <c>rule_files</c>, which is set to the given groups.
    /// </summary>
    public static (int ExitCode, string Output) TestRules(Node groups, string tests)
    {
        var directory = Directory.CreateTempSubdirectory("infra-promtool-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "rules.yml"), ToJson(new MapNode([new("groups", groups)])));
            var testFile = Path.Combine(directory.FullName, "tests.yml");
            File.WriteAllText(testFile, "rule_files: [rules.yml]\n" + tests);
            return Run(["test", "rules", testFile]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(NotFound), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static string ToJson(Node node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, Node node)
    {
        switch (node)
        {
            case StringNode s:
                writer.WriteStringValue(s.Value);
                break;
            case IntegerNode i:
                writer.WriteNumberValue(i.Value);
                break;
            case NumberNode n:
                writer.WriteNumberValue(n.Value);
                break;
            case BoolNode b:
                writer.WriteBooleanValue(b.Value);
                break;
            case ListNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case MapNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"A rule file holds only literals, not {node.GetType().Name}.");
        }
    }
}
