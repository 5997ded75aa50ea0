using Infra.Core;
using Infra.Core.Diagnostics;

namespace Infra.Components.Validation;

/// <summary>
/// Collects every problem found in a component's inputs, then throws them together as one
/// <see cref="InfraException"/>. Each problem names the property, the bad value, the rule and a fix,
/// and points at the C# line that declared the component.
/// </summary>
public sealed class Problems
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly string? resource;
    private readonly SourceLocation declaredAt;

    /// <param name="resource">The component's logical name, when known.</param>
    /// <param name="declaredAt">Where the component was declared.</param>
    public Problems(string? resource, SourceLocation declaredAt)
    {
        this.resource = resource;
        this.declaredAt = declaredAt;
    }

    public int Count => diagnostics.Count;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>
    /// Records one problem. The message is written as <c>"{property}: {message}"</c> so that it reads on its own.
    /// </summary>
    public void Add(string code, string property, string? value, string message, string rule, string fix) =>
        diagnostics.Add(Diagnostic.At(declaredAt, code, $"{property}: {message}") with
        {
            Resource = resource,
            Key = property,
            Value = value,
            Rule = rule,
            Fix = fix,
        });

    /// <summary>Throws every problem recorded so far, if any.</summary>
    public void ThrowIfAny()
    {
        if (diagnostics.Count > 0)
        {
            throw new InfraException([.. diagnostics]);
        }
    }
}
