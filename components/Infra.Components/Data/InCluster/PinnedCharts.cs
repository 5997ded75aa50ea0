namespace Infra.Components.Data.InCluster;

/// <summary>A Helm chart pinned to an exact version of a named repository.</summary>
public sealed record PinnedChart(string Name, string Version, string Repository);

/// <summary>
/// The exact charts and images the in-cluster fallbacks install, in one place so that an upgrade is one reviewed change.
/// </summary>
public static class PinnedCharts
{
    /// <summary>The Percona Operator for MongoDB (CRDs and controller).</summary>
    public static readonly PinnedChart PerconaMongoOperator = new("psmdb-operator", "1.22.0", "https://percona.github.io/percona-helm-charts/");

    /// <summary>A PerconaServerMongoDB resource (the replica set) rendered by Percona's chart.</summary>
    public static readonly PinnedChart PerconaMongoDatabase = new("psmdb-db", "1.22.0", "https://percona.github.io/percona-helm-charts/");

    /// <summary>The Altinity operator for ClickHouse (CRDs and controller).</summary>
    public static readonly PinnedChart AltinityClickHouseOperator = new("altinity-clickhouse-operator", "0.26.2", "https://helm.altinity.com");

    /// <summary>cert-manager, which issues the in-cluster ClickHouse TLS certificates.</summary>
    public static readonly PinnedChart CertManager = new("cert-manager", "v1.20.2", "https://charts.jetstack.io");

    /// <summary>Percona Server for MongoDB images by major version (the operator 1.22 supports both).</summary>
    public static readonly IReadOnlyDictionary<string, string> MongoImages = new Dictionary<string, string>
    {
        ["7.0"] = "percona/percona-server-mongodb:7.0.18-11",
        ["8.0"] = "percona/percona-server-mongodb:8.0.19-7",
    };

    /// <summary>ClickHouse server images by release line (long-term-support lines; the tag follows the line's patches).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClickHouseImages = new Dictionary<string, string>
    {
        ["24.8"] = "clickhouse/clickhouse-server:24.8",
        ["25.3"] = "clickhouse/clickhouse-server:25.3",
        ["25.8"] = "clickhouse/clickhouse-server:25.8",
    };

    /// <summary>The ClickHouse Keeper image of each release line.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeeperImages = new Dictionary<string, string>
    {
        ["24.8"] = "clickhouse/clickhouse-keeper:24.8",
        ["25.3"] = "clickhouse/clickhouse-keeper:25.3",
        ["25.8"] = "clickhouse/clickhouse-keeper:25.8",
    };
}
