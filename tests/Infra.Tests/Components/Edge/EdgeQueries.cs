using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

/// <summary>Lookups the edge tests share.</summary>
internal static class EdgeQueries
{
    /// <summary>The resource of <paramref name="type"/> whose program key is <paramref name="key"/>.</summary>
    public static ResourceDecl Single(this ProgramDocument program, string type, string key) =>
        Assert.Single(program.OfType(type), r => r.Key == key);

    /// <summary>The name of the built-in call a value is (<c>secret</c> for <c>fn::secret</c>), or null.</summary>
    public static string? Function(this Node? node) => node is FunctionNode f ? f.Name : null;

    /// <summary>Every resource whose type starts with the package prefix, e.g. <c>aws:</c>.</summary>
    public static IReadOnlyList<ResourceDecl> OfPackage(this ProgramDocument program, string prefix) =>
        [.. program.Resources.Where(r => r.Type.StartsWith(prefix, StringComparison.Ordinal))];
}
