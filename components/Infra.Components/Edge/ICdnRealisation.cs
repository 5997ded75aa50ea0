using Infra.Core.Values;

namespace Infra.Components.Edge;

/// <summary>How a cloud builds a <see cref="Cdn"/>.</summary>
public interface ICdnRealisation
{
    /// <summary>
    /// Creates the distribution, its certificate, its DNS record and the grant that lets it (and nothing else) read
    /// the origin bucket, as children of <paramref name="cdn"/>.
    /// </summary>
    CdnOutputs CreateCdn(Cdn cdn, CdnSpec spec);
}

/// <summary>What a cloud's CDN gives callers.</summary>
public sealed record CdnOutputs
{
    /// <summary>The cloud's address of the CDN that the domain's record points to (a host name or an IP address).</summary>
    public required Output<string> Target { get; init; }
}
