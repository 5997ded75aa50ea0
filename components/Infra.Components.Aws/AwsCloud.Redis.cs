using System.Text.RegularExpressions;
using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    public EngineRules RedisRules => new()
    {
        Service = "ElastiCache for Valkey",
        Versions = ["7.2", "8.0"],
        DefaultVersion = "8.0",
        ClassBySize = new Dictionary<DataSize, string>
        {
            [DataSize.Small] = "cache.t4g.small",
            [DataSize.Medium] = "cache.m7g.large",
            [DataSize.Large] = "cache.m7g.xlarge",
        },
        ClassPattern = CacheClassPattern(),
        ClassDescription = "an ElastiCache node type such as cache.m7g.large",
        Storage = null,
        MaxBackupRetentionDays = 35,
    };

    /// <summary>
    /// An ElastiCache replication group running Valkey (Redis-compatible): in its own subnet group over the private
    /// subnets, behind its own security group; encrypted at rest (with the service's KMS key in production) and in
    /// transit (TLS required); AUTH with a generated token; daily snapshots kept for the retention; a replica in another
    /// zone with automatic failover when highly available; a final snapshot when protected.
    /// </summary>
    public DataServiceOutputs CreateRedis(RedisCache cache, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(spec);
        var identifier = Identifier(cache, 40);
        var key = DataKey(cache, spec);
        var group = DataSecurityGroup(cache);
        var token = DataCredentials.GeneratePassword(cache, "auth-token");
        var subnets = new CustomResource("aws:elasticache/subnetGroup:SubnetGroup", cache.ChildResourceName("subnets"), new Props
        {
            ["name"] = identifier,
            ["description"] = $"Private subnets of {cache.CloudResourceName()}",
            ["subnetIds"] = cache.Network.PrivateSubnetIds,
            ["tags"] = NameTag(identifier),
        }, cache.ChildResourceOptions);
        var (backupWindow, maintenanceWindow) = Windows(spec);
        var replication = new CustomResource("aws:elasticache/replicationGroup:ReplicationGroup", cache.ChildResourceName("replication-group"), new Props
        {
            ["replicationGroupId"] = identifier,
            ["description"] = $"Cache {cache.CloudResourceName()}",
            ["engine"] = "valkey",
            ["engineVersion"] = spec.Version,
            ["autoMinorVersionUpgrade"] = true,
            ["nodeType"] = spec.MachineClass,
            ["port"] = 6379,
            ["numCacheClusters"] = spec.Nodes(2),
            ["automaticFailoverEnabled"] = spec.HighAvailability,
            ["multiAzEnabled"] = spec.HighAvailability,
            ["preferredCacheClusterAzs"] = spec.Zones.Take(spec.Nodes(2)).ToArray(),
            ["subnetGroupName"] = subnets.GetOutput<string>("name"),
            ["securityGroupIds"] = new Input[] { group.Id },
            ["atRestEncryptionEnabled"] = true,
            ["kmsKeyId"] = KeyArn(key),
            ["transitEncryptionEnabled"] = true,
            ["transitEncryptionMode"] = "required",
            ["authToken"] = token,
            ["snapshotRetentionLimit"] = spec.BackupRetentionDays,
            ["snapshotWindow"] = backupWindow,
            ["maintenanceWindow"] = maintenanceWindow,
            ["finalSnapshotIdentifier"] = spec.Protect ? $"{identifier}-final" : null,
            ["tags"] = NameTag(identifier),
        }, cache.StatefulChildResourceOptions);
        var host = replication.GetOutput<string>("primaryEndpointAddress");
        const int port = 6379;
        var connection = ConnectionStrings.Redis("default", host, port, token);
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = "default",
            Password = token,
            ConnectionString = connection,
            SecretReference = StoreCredentials(cache, spec, key, DataCredentials.SecretDocument(cache, "valkey", host, port, token, connection)),
            Cidrs = PrivateRanges(cache.Network),
            Access = new SecurityGroupAccess(group, [port]),
        };
    }

    [GeneratedRegex(@"^cache\.[a-z0-9]+\.[a-z0-9]+$")]
    private static partial Regex CacheClassPattern();
}
