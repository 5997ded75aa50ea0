using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    public EngineRules MongoRules => new()
    {
        Service = "Amazon DocumentDB (MongoDB-compatible)",
        Versions = ["4.0", "5.0"],
        DefaultVersion = "5.0",
        ClassBySize = new Dictionary<DataSize, string>
        {
            [DataSize.Small] = "db.t4g.medium",
            [DataSize.Medium] = "db.r6g.large",
            [DataSize.Large] = "db.r6g.xlarge",
        },
        ClassPattern = DbClassPattern(),
        ClassDescription = "a DocumentDB instance class such as db.r6g.large",
        Storage = null,
        MaxBackupRetentionDays = 35,
    };

    /// <summary>
    /// Amazon DocumentDB, which is MongoDB-compatible (the MongoDB API of its compatibility version over the MongoDB wire
    /// protocol), not MongoDB: a cluster in the network's DB subnet group behind its own security group; storage
    /// encrypted (with the service's KMS key in production); TLS and audit logs on in the cluster parameter group;
    /// audit and profiler logs exported; backups kept for the retention (DocumentDB restores to any point in it); three
    /// instances across zones when highly available; deletion protection and a final snapshot when protected. The
    /// application uses the cluster's master user: DocumentDB creates further users only through the MongoDB API.
    /// </summary>
    public DataServiceOutputs CreateMongo(MongoDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var identifier = Identifier(database, 63);
        var key = DataKey(database, spec);
        var group = DataSecurityGroup(database);
        var password = DataCredentials.GeneratePassword(database);
        var parameters = new CustomResource("aws:docdb/clusterParameterGroup:ClusterParameterGroup", database.ChildResourceName("parameters"), new Props
        {
            ["name"] = identifier,
            ["family"] = $"docdb{spec.Version}",
            ["description"] = $"TLS required and auditing on for {identifier}",
            ["parameters"] = new Input[]
            {
                new Props { ["name"] = "tls", ["value"] = "enabled" },
                new Props { ["name"] = "audit_logs", ["value"] = "enabled" },
            },
            ["tags"] = NameTag(identifier),
        }, database.ChildResourceOptions);
        var (backupWindow, maintenanceWindow) = Windows(spec);
        var cluster = new CustomResource("aws:docdb/cluster:Cluster", database.ChildResourceName("cluster"), new Props
        {
            ["clusterIdentifier"] = identifier,
            ["engine"] = "docdb",
            ["engineVersion"] = $"{spec.Version}.0",
            ["allowMajorVersionUpgrade"] = false,
            ["masterUsername"] = spec.Username,
            ["masterPassword"] = password,
            ["port"] = 27017,
            ["dbSubnetGroupName"] = DatabaseSubnetGroup(database),
            ["vpcSecurityGroupIds"] = new Input[] { group.Id },
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = KeyArn(key),
            ["dbClusterParameterGroupName"] = parameters.GetOutput<string>("name"),
            ["enabledCloudwatchLogsExports"] = new[] { "audit", "profiler" },
            ["backupRetentionPeriod"] = spec.BackupRetentionDays,
            ["preferredBackupWindow"] = backupWindow,
            ["preferredMaintenanceWindow"] = maintenanceWindow,
            ["deletionProtection"] = spec.Protect,
            ["skipFinalSnapshot"] = !spec.Protect,
            ["finalSnapshotIdentifier"] = spec.Protect ? $"{identifier}-final" : null,
            ["tags"] = NameTag(identifier),
        }, database.StatefulChildResourceOptions);
        for (var i = 0; i < spec.Nodes(3); i++)
        {
            _ = new CustomResource("aws:docdb/clusterInstance:ClusterInstance", database.ChildResourceName($"instance-{i + 1}"), new Props
            {
                ["identifier"] = MemberIdentifier(identifier, i + 1),
                ["clusterIdentifier"] = cluster.Id,
                ["instanceClass"] = spec.MachineClass,
                ["availabilityZone"] = spec.Zones[i % spec.Zones.Count],
                ["autoMinorVersionUpgrade"] = true,
                ["caCertIdentifier"] = "rds-ca-rsa2048-g1",
                ["preferredMaintenanceWindow"] = maintenanceWindow,
                ["promotionTier"] = i,
                ["tags"] = NameTag(identifier),
            }, database.StatefulChildResourceOptions);
        }

        var host = cluster.GetOutput<string>("endpoint");
        const int port = 27017;

        // DocumentDB keeps its users in admin and refuses retryable writes.
        var connection = ConnectionStrings.Mongo(spec, host, port, password, "admin", "&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false");
        return new DataServiceOutputs
        {
            Host = host,
            Port = port,
            Username = spec.Username!,
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(database, spec, key, DataCredentials.SecretDocument(database, "documentdb", host, port, password, connection)),
            Cidrs = PrivateRanges(database.Network),
            Access = new SecurityGroupAccess(group, [port]),
        };
    }
}
