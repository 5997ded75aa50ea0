using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>What can be said about an expression without its value.</summary>
internal static class Expressions
{
    /// <summary>
    /// True for an output of another resource (<c>${role.arn}</c>, <c>serviceAccount:${sa.email}</c>): it names that
    /// resource, so it is never a wildcard such as <c>*</c> or <c>allUsers</c>. Config values (<c>${infra:member}</c>) and
    /// built-in calls could be anything, so they are not.
    /// </summary>
    public static bool NamesResource(Node? node) => node switch
    {
        ReferenceNode reference => IsResourceRoot(reference),
        InterpolationNode interpolation => interpolation.Parts.OfType<ReferenceNode>().All(IsResourceRoot),
        _ => false,
    };

    /// <summary>The literal text after the last expression of an interpolation (e.g. <c>:1.4.2</c> in <c>${repo.url}:1.4.2</c>).</summary>
    public static string? TrailingText(Node? node) => node switch
    {
        StringNode text => text.Value,
        InterpolationNode { Parts: [.., StringNode last] } => last.Value,
        _ => null,
    };

    private static bool IsResourceRoot(ReferenceNode reference) => !reference.Root.Contains(':', StringComparison.Ordinal);
}
