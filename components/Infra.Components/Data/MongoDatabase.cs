using System.Runtime.CompilerServices;
using Infra.Core;

namespace Infra.Components.Data;

/// <summary>
/// A MongoDB database with the same secure defaults as every data service. AWS: Amazon DocumentDB, which is
/// MongoDB-compatible (the MongoDB API and wire protocol of its compatibility version), not MongoDB itself; Yandex
/// Cloud: Managed Service for MongoDB; Google Cloud, which has no managed MongoDB: the fallback, a replica set in the
/// cluster run by the Percona Operator for MongoDB (pinned Helm charts) with persistent volumes, SCRAM
/// authentication, TLS required, and NetworkPolicies that admit only granted clients — pass
/// <see cref="DataServiceArgs.KubernetesProvider"/>.
/// </summary>
public sealed class MongoDatabase : DataService
{
    public const string TypeToken = "infra:index:MongoDatabase";

    public MongoDatabase(string name, MongoDatabaseArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line)) =>
        Build(DataEngine.Mongo, args, () => platform.Cloud.MongoRules, spec => platform.Cloud.CreateMongo(this, spec));
}
