using Infra.Core;
using Infra.Core.Diagnostics;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Collects every problem of a component's arguments, so that one exception reports them all.</summary>
internal sealed class ArgsProblems(SourceLocation declaredAt, string resource)
{
    /// <summary>The diagnostic code of invalid component arguments.</summary>
    public const string Code = "INFRA-K8S-001";

    private readonly List<Diagnostic> problems = [];

    public bool Any => problems.Count > 0;

    public void Add(string key, string? value, string message, string rule, string fix) =>
        problems.Add(Diagnostic.At(declaredAt, Code, message) with
        {
            Resource = resource,
            Key = key,
            Value = value,
            Rule = rule,
            Fix = fix,
        });

    public void ThrowIfAny()
    {
        if (problems.Count > 0)
        {
            throw new InfraException([.. problems]);
        }
    }
}
