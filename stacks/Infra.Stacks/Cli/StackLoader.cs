using Infra.Core.Configuration;
using Infra.Core.Diagnostics;

namespace Infra.Stacks.Cli;

/// <summary>Where a stack's config comes from: its settings file (CLI) or Pulumi's environment (compiler mode).</summary>
public static class StackLoader
{
    public static StackConfig FromFile(ProjectFiles project, string stack)
    {
        var file = project.StackFile(stack);
        if (!File.Exists(file))
        {
            var known = project.Stacks;
            throw new InfraException(new Diagnostic
            {
                Code = "INFRA-STACK-001",
                Message = $"Unknown stack '{stack}': there is no {Path.GetFileName(file)}.{Suggest.DidYouMean(stack, known)}",
                File = Path.GetFileName(file),
                Value = stack,
                Rule = "a stack is a Pulumi.<stack>.yaml file beside Pulumi.yaml",
                Fix = known.Count == 0
                    ? "Create the stack with `pulumi stack init <stack>` and set its config."
                    : $"Use one of: {string.Join(", ", known)} — or create it with `pulumi stack init {stack}`.",
            });
        }

        return StackConfig.FromFile(file, project.Name, stack);
    }

    /// <summary>
    /// The environment Pulumi gives a compiler: <c>PULUMI_STACK</c>, <c>PULUMI_PROJECT</c>, <c>PULUMI_CONFIG</c>,
    /// <c>PULUMI_CONFIG_SECRET_KEYS</c>, <c>PULUMI_ROOT_DIRECTORY</c>.
    /// </summary>
    public static StackConfig FromEnvironment(ProjectFiles project, string stack, Func<string, string?> environment)
    {
        var root = environment("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } dir ? dir : project.Directory;
        return StackConfig.FromEnvironment(
            environment("PULUMI_PROJECT") is { Length: > 0 } name ? name : project.Name,
            stack,
            environment("PULUMI_CONFIG"),
            environment("PULUMI_CONFIG_SECRET_KEYS"),
            Path.Combine(root, $"Pulumi.{stack}.yaml"));
    }
}
