using System.Runtime.CompilerServices;
using Infra.Core;

namespace Infra.Components.Data;

/// <summary>
/// A ClickHouse database. Yandex Cloud: Managed Service for ClickHouse (TLS ports only, SQL-managed users with the
/// generated admin password). AWS and Google Cloud, which have no managed ClickHouse: the fallback, an installation in
/// the cluster run by the Altinity operator (pinned Helm chart; the installation through a ConfigGroup, as Pulumi YAML
/// has no CustomResource) with encrypted persistent volumes, a password-protected user limited to its database, TLS
/// certificates from cert-manager, ClickHouse Keeper for replicas in production, and NetworkPolicies that admit only
/// granted clients to the TLS ports — pass <see cref="DataServiceArgs.KubernetesProvider"/>.
/// </summary>
public sealed class ClickHouseDatabase : DataService
{
    public const string TypeToken = "infra:index:ClickHouseDatabase";

    public ClickHouseDatabase(string name, ClickHouseDatabaseArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line)) =>
        Build(DataEngine.ClickHouse, args, () => platform.Cloud.ClickHouseRules, spec => platform.Cloud.CreateClickHouse(this, spec));
}
