namespace Infra.Components.Aws;

/// <summary>
/// Data-service knobs only AWS has, set on the cloud: <c>new AwsCloud(settings, options) { Data = new AwsDataOptions { … } }</c>.
/// Filled from stack config with camelCase keys (<c>auroraPostgres</c>).
/// </summary>
public sealed record AwsDataOptions
{
    /// <summary>
    /// Build <c>PostgresDatabase</c> as an Aurora PostgreSQL cluster (a writer, and a reader in another zone when highly
    /// available; storage grows by itself) instead of an RDS for PostgreSQL instance. Default: false.
    /// </summary>
    public bool AuroraPostgres { get; init; }
}
