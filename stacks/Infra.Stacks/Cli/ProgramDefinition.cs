namespace Infra.Stacks.Cli;

/// <summary>
/// A Pulumi project's program as the CLI runs it: the project name (the config namespace) and the code
/// that declares the resources. The Pulumi packages it may use are listed so that, run without a stack
/// (Pulumi's plugin discovery), the compiler can still name them.
/// </summary>
public sealed record ProgramDefinition(string ProjectName, Action Program, IReadOnlyList<ProviderPackage> Packages);

/// <summary>A provider package and its pinned version; a parameterized package carries no plugin version here.</summary>
public sealed record ProviderPackage(string Name, string? Version);
