using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>What a cloud's data service gives the neutral component.</summary>
public sealed record DataServiceOutputs
{
    /// <summary>The host name clients connect to (the primary or cluster endpoint).</summary>
    public required Output<string> Host { get; init; }

    /// <summary>The TLS port clients connect to.</summary>
    public required int Port { get; init; }

    /// <summary>The application user; for Redis the AUTH user (<c>default</c>).</summary>
    public required string Username { get; init; }

    /// <summary>The application password, secret (a random password's <c>result</c> or a schema-secret output).</summary>
    public required Output<string> Password { get; init; }

    /// <summary>A complete connection URI with TLS required, secret.</summary>
    public required Output<string> ConnectionString { get; init; }

    /// <summary>
    /// Where the credentials are also kept for workloads: a Secrets Manager ARN, a Secret Manager secret ID, a
    /// Lockbox secret ID, or a Kubernetes Secret name for in-cluster services.
    /// </summary>
    public required Output<string> SecretReference { get; init; }

    /// <summary>The private ranges the service lives in, for clients' egress policies (empty when unknown before deployment).</summary>
    public IReadOnlyList<string> Cidrs { get; init; } = [];

    /// <summary>For in-cluster services: the namespace and labels of the serving pods.</summary>
    public InClusterSelector? InCluster { get; init; }

    /// <summary>How clients are let in.</summary>
    public required IDataAccess Access { get; init; }
}
