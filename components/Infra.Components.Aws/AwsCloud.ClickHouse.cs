using Infra.Components.Data;
using Infra.Components.Data.InCluster;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    public EngineRules ClickHouseRules => InClusterClickHouse.Rules("AWS");

    /// <summary>
    /// AWS has no managed ClickHouse, so this is the documented fallback (<see cref="InClusterClickHouse"/>) on the cluster
    /// of <see cref="DataServiceArgs.KubernetesProvider"/>, with volumes from the EBS CSI driver: gp3, encrypted, with the
    /// service's KMS key in production (the driver's role must be allowed to use it); the credentials are also kept in
    /// Secrets Manager. The cluster needs the <c>aws-ebs-csi-driver</c> add-on.
    /// </summary>
    public DataServiceOutputs CreateClickHouse(ClickHouseDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(database, spec);
        var parameters = new List<KeyValuePair<string, Input>> { new("type", "gp3"), new("encrypted", "true") };
        if (key is not null)
        {
            parameters.Add(new("kmsKeyId", key.GetOutput<string>("arn")));
        }

        var outputs = InClusterClickHouse.Create(database, spec, new EncryptedStorageClass("ebs.csi.aws.com", parameters));
        return outputs with
        {
            SecretReference = StoreCredentials(database, spec, key,
                DataCredentials.SecretDocument(database, "clickhouse", outputs.Host, outputs.Port, outputs.Password, outputs.ConnectionString)),
        };
    }
}
