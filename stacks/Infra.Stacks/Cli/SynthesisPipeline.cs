using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Stacks.Cli;

/// <summary>The result of synthesizing one stack.</summary>
public sealed record SynthesisResult(Deployment Deployment, ProgramDocument Program, string Text);

/// <summary>Runs a program for a stack and produces the Pulumi YAML text, refusing anything unsafe to deploy.</summary>
public sealed class SynthesisPipeline(ProgramDefinition definition)
{
    public ProgramDefinition Definition { get; } = definition;

    public SynthesisResult Run(StackConfig config)
    {
        var deployment = Deployment.Run(config, Definition.Program);
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

        return new SynthesisResult(deployment, program, YamlWriter.Write(program, Header(config.StackName)));
    }

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
