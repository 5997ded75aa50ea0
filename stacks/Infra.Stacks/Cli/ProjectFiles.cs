using Infra.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Cli;

/// <summary>The Pulumi project on disk: the folder holding <c>Pulumi.yaml</c> and its stack settings files.</summary>
public sealed class ProjectFiles
{
    private ProjectFiles(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    /// <summary>The project name from <c>Pulumi.yaml</c>.</summary>
    public string Name { get; }

    /// <summary>Stack names that have a <c>Pulumi.&lt;stack&gt;.yaml</c>, sorted.</summary>
    public IReadOnlyList<string> Stacks => System.IO.Directory.GetFiles(Directory, "Pulumi.*.yaml")
        .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
        .Where(s => s.Length > 0)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public string StackFile(string stack) => Path.Combine(Directory, $"Pulumi.{stack}.yaml");

    /// <summary>Finds <c>Pulumi.yaml</c> in <paramref name="start"/> or the nearest folder above it.</summary>
    public static ProjectFiles Locate(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "Pulumi.yaml");
            if (File.Exists(file))
            {
                return new ProjectFiles(directory.FullName, ReadName(file));
            }
        }

        throw new InfraException(new Diagnostic
        {
            Code = "INFRA-STACK-002",
            Message = $"No Pulumi.yaml in '{start}' or any folder above it.",
            Rule = "Infra runs inside a Pulumi project",
            Fix = "Run from the repository (or pass --project-dir with the folder holding Pulumi.yaml).",
        });
    }

    private static string ReadName(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root &&
            root.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        throw new InfraException(new Diagnostic
        {
            Code = "INFRA-STACK-003",
            Message = "Pulumi.yaml has no project name.",
            File = "Pulumi.yaml",
            Key = "name",
            Rule = "a Pulumi project needs a name",
            Fix = "Add `name: <project>` to Pulumi.yaml.",
        });
    }
}
