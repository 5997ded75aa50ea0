using Infra.Components.Data;
using Infra.Components.Data.InCluster;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    public EngineRules MongoRules => InClusterMongo.Rules("Google Cloud");

    public EngineRules ClickHouseRules => InClusterClickHouse.Rules("Google Cloud");

    /// <summary>
    /// Google Cloud has no managed MongoDB, so this is the documented fallback (<see cref="InClusterMongo"/>) on the GKE
    /// cluster of <see cref="DataServiceArgs.KubernetesProvider"/>, with SSD persistent disks encrypted by the service's
    /// Cloud KMS key in production, and the credentials also kept in Secret Manager.
    /// </summary>
    public DataServiceOutputs CreateMongo(MongoDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var keyed = DataKey(database, spec, "compute-system", "gcp-sa-secretmanager");
        var outputs = InClusterMongo.Create(database, spec, DiskStorage(keyed));
        return WithStoredCredentials(database, spec, keyed, outputs, "mongodb");
    }

    /// <summary>
    /// Google Cloud has no managed ClickHouse, so this is the documented fallback (<see cref="InClusterClickHouse"/>),
    /// with disks and credentials as for <see cref="CreateMongo"/>.
    /// </summary>
    public DataServiceOutputs CreateClickHouse(ClickHouseDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var keyed = DataKey(database, spec, "compute-system", "gcp-sa-secretmanager");
        var outputs = InClusterClickHouse.Create(database, spec, DiskStorage(keyed));
        return WithStoredCredentials(database, spec, keyed, outputs, "clickhouse");
    }

    /// <summary>SSD persistent disks from the GKE PD CSI driver, with the service's key (usable by Compute Engine's agent) when it has one.</summary>
    private static EncryptedStorageClass DiskStorage((CustomResource Key, IReadOnlyList<Resource> Grants)? keyed)
    {
        var parameters = new List<KeyValuePair<string, Input>> { new("type", "pd-ssd") };
        if (keyed is { } k)
        {
            parameters.Add(new("disk-encryption-kms-key", k.Key.Id));
        }

        return new EncryptedStorageClass("pd.csi.storage.gke.io", parameters, keyed?.Grants);
    }

    private DataServiceOutputs WithStoredCredentials(DataService service, DataServiceSpec spec,
        (CustomResource Key, IReadOnlyList<Resource> Grants)? keyed, DataServiceOutputs outputs, string engine) =>
        outputs with
        {
            SecretReference = StoreCredentials(service, spec, keyed?.Key, keyed?.Grants ?? [],
                DataCredentials.SecretDocument(service, engine, outputs.Host, outputs.Port, outputs.Password, outputs.ConnectionString)),
        };
}
