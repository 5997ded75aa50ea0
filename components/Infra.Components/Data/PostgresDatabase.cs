using System.Runtime.CompilerServices;
using Infra.Core;

namespace Infra.Components.Data;

/// <summary>
/// A PostgreSQL database, private and encrypted, with TLS required, generated credentials kept as secrets and in the
/// cloud's secret store, automated backups with point-in-time recovery, and in production multi-zone failover,
/// deletion protection, <c>protect</c> and a final snapshot. AWS: RDS for PostgreSQL (or Aurora PostgreSQL, see the
/// AWS data options); Google Cloud: Cloud SQL for PostgreSQL with a private IP only; Yandex Cloud: Managed Service for
/// PostgreSQL.
/// </summary>
/// <example>
/// <code>
/// var orders = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = network, Version = "16" }, platform);
/// orders.AllowConnectionsFrom(cluster);   // the cluster's nodes, nothing else
/// </code>
/// </example>
public sealed class PostgresDatabase : DataService
{
    public const string TypeToken = "infra:index:PostgresDatabase";

    public PostgresDatabase(string name, PostgresDatabaseArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line)) =>
        Build(DataEngine.Postgres, args, () => platform.Cloud.PostgresRules, spec => platform.Cloud.CreatePostgres(this, spec));
}
