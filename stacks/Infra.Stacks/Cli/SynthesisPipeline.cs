using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;
using Infra.Policies;

namespace Infra.Stacks.Cli;

/// <summary>The result of synthesizing one stack, with the policy pack's verdict on it.</summary>
public sealed class SynthesisResult
{
    private readonly IReadOnlyList<string> header;
    private string? text;

    internal SynthesisResult(Deployment deployment, ProgramDocument program, IReadOnlyList<string> header, PolicyReport policy)
    {
        Deployment = deployment;
        Program = program;
        this.header = header;
        Policy = policy;
    }

    public Deployment Deployment { get; }

    public ProgramDocument Program { get; }

    public PolicyReport Policy { get; }

    /// <summary>The Pulumi YAML program, written on first use.</summary>
    public string Text => text ??= YamlWriter.Write(Program, header);

    /// <summary>Writes the program as it is produced (the compiler's standard output): a large program is never held as one string.</summary>
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (text is not null)
        {
            output.Write(text);
            return;
        }

        YamlWriter.Write(Program, output, header);
    }
}

/// <summary>
/// Runs a program for a stack and produces the Pulumi YAML text, refusing anything unsafe to deploy: an
/// empty program, and — the policy gate — any mandatory policy violation.
/// </summary>
public sealed class SynthesisPipeline(ProgramDefinition definition, Func<DateOnly>? today = null)
{
    public ProgramDefinition Definition { get; } = definition;

    /// <summary>Synthesizes; with <paramref name="enforcePolicy"/> a mandatory violation stops it with every finding listed.</summary>
    public SynthesisResult Run(StackConfig config, bool enforcePolicy = true)
    {
        var policy = PolicyConfig.Empty;
        var deployment = Deployment.Run(config, () =>
        {
            Definition.Program();
            policy = PolicyConfig.Load();
        });
        var program = Synthesizer.Synthesize(deployment);
        if (program.Resources.Count == 0)
        {
            // `pulumi up` with an empty program deletes every resource of the stack.
            throw new InfraException(new Diagnostic
            {
                Code = "INFRA-PROGRAM-004",
                Message = $"The program for stack '{config.StackName}' declares no resources; deploying it would delete everything in the stack.",
                File = config.Source,
                Rule = "a synthesized program must declare at least one resource",
                Fix = "Enable the stack's components in its config, or destroy the stack deliberately with `pulumi destroy`.",
            });
        }

        var context = PolicyContext.From(policy, EnvironmentOf(config), (today ?? UtcToday)(), config.StackName, config.ProjectName);
        var report = enforcePolicy ? PolicyGate.Enforce(program, context) : PolicyPack.Evaluate(program, context);
        return new SynthesisResult(deployment, program, Header(config.StackName), report);
    }

    /// <summary>The environment policies are judged for: <c>infra:environment</c> when set, else the stack name.</summary>
    public static string EnvironmentOf(StackConfig config) =>
        config[$"{config.ProjectName}:environment"]?.Text is { Length: > 0 } environment ? environment : config.StackName;

    private static DateOnly UtcToday() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// What the compiler prints when Pulumi runs it without a stack (plugin discovery): a valid program that
    /// names every provider package the project uses, and nothing else.
    /// </summary>
    public string DiscoveryProgram()
    {
        var resources = Definition.Packages.Select(package => new ResourceDecl
        {
            Key = package.Name,
            Type = "pulumi:providers:" + package.Name,
            Options = package.Version is null ? null : new MapNode([new("version", new StringNode(package.Version))]),
        }).ToArray();
        var program = new ProgramDocument { Name = Definition.ProjectName, Resources = resources };
        return YamlWriter.Write(program, ["Pulumi YAML program synthesized by Infra for plugin discovery (no stack selected)."]);
    }

    private static string[] Header(string stack) =>
    [
        $"Pulumi YAML program synthesized by Infra for stack '{stack}'.",
        $"Do not edit: change the C# code or Pulumi.{stack}.yaml and synthesize again.",
    ];
}
