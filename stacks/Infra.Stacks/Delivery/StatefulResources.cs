namespace Infra.Stacks.Delivery;

/// <summary>
/// Resource types that hold data (losing one loses the data) and, for each, input properties whose change
/// the provider applies by replacing the resource. Used to flag dangerous changes loudly in `preview` and to
/// make `up` refuse them. Provider schemas as Infra reads them do not carry replace-on-change facts, so this
/// table is kept from the providers' documentation; a type that is missing here is treated as stateless.
/// </summary>
public static class StatefulResources
{
    private static readonly Dictionary<string, string[]> ReplacingProperties = new(StringComparer.Ordinal)
    {
        // AWS
        ["aws:rds/instance:Instance"] = ["engine", "identifier", "identifierPrefix", "dbName", "username", "storageEncrypted", "kmsKeyId", "availabilityZone", "dbSubnetGroupName"],
        ["aws:rds/cluster:Cluster"] = ["engine", "clusterIdentifier", "databaseName", "masterUsername", "storageEncrypted", "kmsKeyId", "dbSubnetGroupName", "availabilityZones"],
        ["aws:rds/clusterInstance:ClusterInstance"] = ["engine", "identifier", "clusterIdentifier"],
        ["aws:docdb/cluster:Cluster"] = ["clusterIdentifier", "masterUsername", "storageEncrypted", "kmsKeyId", "dbSubnetGroupName", "engine"],
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = ["replicationGroupId", "engine", "atRestEncryptionEnabled", "kmsKeyId", "subnetGroupName", "transitEncryptionEnabled"],
        ["aws:msk/cluster:Cluster"] = ["clusterName", "brokerNodeGroupInfo", "encryptionInfo"],
        ["aws:s3/bucket:Bucket"] = ["bucket", "bucketPrefix"],
        ["aws:s3/bucketV2:BucketV2"] = ["bucket", "bucketPrefix"],
        ["aws:kms/key:Key"] = ["customerMasterKeySpec", "keyUsage"],
        ["aws:ebs/volume:Volume"] = ["availabilityZone", "encrypted", "kmsKeyId", "snapshotId"],
        // GCP
        ["gcp:sql/databaseInstance:DatabaseInstance"] = ["name", "region", "databaseVersion", "encryptionKeyName", "project"],
        ["gcp:sql/database:Database"] = ["name", "instance"],
        ["gcp:redis/instance:Instance"] = ["name", "region", "tier", "authorizedNetwork", "customerManagedKey", "transitEncryptionMode"],
        ["gcp:memorystore/instance:Instance"] = ["instanceId", "location"],
        ["gcp:storage/bucket:Bucket"] = ["name", "location", "project"],
        ["gcp:managedkafka/cluster:Cluster"] = ["clusterId", "location"],
        ["gcp:kms/cryptoKey:CryptoKey"] = ["name", "keyRing", "purpose"],
        ["gcp:kms/keyRing:KeyRing"] = ["name", "location"],
        // Yandex (Terraform provider through the dynamic bridge)
        ["yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbPostgresqlClusterV2:MdbPostgresqlClusterV2"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbPostgresqlDatabase:MdbPostgresqlDatabase"] = ["name", "clusterId", "owner"],
        ["yandex:index/mdbMongodbCluster:MdbMongodbCluster"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbRedisCluster:MdbRedisCluster"] = ["environment", "networkId", "folderId", "sharded"],
        ["yandex:index/mdbRedisClusterV2:MdbRedisClusterV2"] = ["environment", "networkId", "folderId", "sharded"],
        ["yandex:index/mdbClickhouseCluster:MdbClickhouseCluster"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbKafkaCluster:MdbKafkaCluster"] = ["environment", "networkId", "folderId"],
        ["yandex:index/mdbKafkaTopic:MdbKafkaTopic"] = ["name", "clusterId"],
        ["yandex:index/storageBucket:StorageBucket"] = ["bucket", "bucketPrefix", "folderId"],
        ["yandex:index/kmsSymmetricKey:KmsSymmetricKey"] = ["folderId"],
        // Kubernetes
        ["kubernetes:core/v1:PersistentVolumeClaim"] = ["metadata.name", "metadata.namespace", "spec.storageClassName", "spec.accessModes"],
        ["kubernetes:apps/v1:StatefulSet"] = ["metadata.name", "metadata.namespace", "spec.volumeClaimTemplates", "spec.serviceName", "spec.selector"],
    };

    public static bool IsStateful(string type) => ReplacingProperties.ContainsKey(type);

    /// <summary>The property paths of <paramref name="type"/> whose change replaces the resource.</summary>
    public static IReadOnlyList<string> ReplacingPropertiesOf(string type) =>
        ReplacingProperties.TryGetValue(type, out var properties) ? properties : [];
}
