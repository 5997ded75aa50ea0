using Infra.Core.Synthesis;
using Infra.Stacks.Cli;

namespace Infra.Stacks.Delivery;

/// <summary>
/// The committed desired state of a stack: <c>.infra/&lt;stack&gt;.yaml</c>, the synthesized program (which
/// holds no secret values, only references). Pull requests change it together with the code, so every
/// infrastructure change is reviewed as a diff; a test fails when it is stale.
/// </summary>
public static class DesiredStateFile
{
    public static string PathOf(ProjectFiles project, string stack) => Path.Combine(project.Directory, ".infra", $"{stack}.yaml");

    /// <summary>The committed program, or an empty one when the stack has none yet (everything is a create).</summary>
    public static ProgramDocument Read(string path) =>
        File.Exists(path) ? ProgramReader.ReadFile(path) : new ProgramDocument { Resources = [] };

    public static void Write(ProjectFiles project, string stack, string programText) =>
        AtomicFile.WriteAllText(PathOf(project, stack), programText);
}
