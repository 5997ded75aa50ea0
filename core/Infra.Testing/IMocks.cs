using System.Collections.Immutable;

namespace Infra.Testing;

/// <summary>
/// Stands in for the cloud providers in unit tests, as Pulumi's <c>IMocks</c>: every resource registration
/// asks <see cref="NewResourceAsync"/> for an ID and output state, every invoke asks <see cref="CallAsync"/>.
/// Designed for Moq: <c>mocks.Setup(m =&gt; m.NewResourceAsync(It.IsAny&lt;MockResourceArgs&gt;()))…</c>.
/// </summary>
public interface IMocks
{
    /// <summary>Returns the provider ID (null for components) and the output state (a dictionary or an object whose public properties are the outputs).</summary>
    Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args);

    /// <summary>Returns the result of an invoke (a dictionary or an object).</summary>
    Task<object> CallAsync(MockCallArgs args);
}

/// <summary>A resource registration as the mock sees it. Inputs are evaluated (outputs of earlier resources resolved).</summary>
public sealed record MockResourceArgs
{
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required ImmutableDictionary<string, object?> Inputs { get; init; }

    /// <summary>The key of the explicit provider resource, if any.</summary>
    public string? Provider { get; init; }

    /// <summary>The ID of a resource that is read (<c>get</c>) or imported; null otherwise.</summary>
    public string? Id { get; init; }

    public bool IsComponent { get; init; }
}

public sealed record MockCallArgs
{
    public required string Token { get; init; }

    public required ImmutableDictionary<string, object?> Args { get; init; }

    public string? Provider { get; init; }
}
