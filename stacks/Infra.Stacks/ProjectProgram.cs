using Infra.Stacks.Cli;
using Infra.Stacks.Platform;

namespace Infra.Stacks;

/// <summary>The program of this repository's Pulumi project (Pulumi.yaml, project <c>infra</c>).</summary>
public static class ProjectProgram
{
    public static readonly ProgramDefinition Definition = new("infra", () => _ = new Infra.Stacks.Platform.PlatformStack(), ProviderPins.All);
}
