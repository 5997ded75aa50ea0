using System.Text.RegularExpressions;
using Infra.Components.Data;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    private static readonly string[] PostgresVersions = ["13", "14", "15", "16", "17"];

    public EngineRules PostgresRules => Data.AuroraPostgres
        ? new EngineRules
        {
            Service = "Aurora PostgreSQL",
            Versions = PostgresVersions,
            DefaultVersion = "16",
            ClassBySize = new Dictionary<DataSize, string>
            {
                [DataSize.Small] = "db.t4g.medium",
                [DataSize.Medium] = "db.r7g.large",
                [DataSize.Large] = "db.r7g.xlarge",
            },
            ClassPattern = DbClassPattern(),
            ClassDescription = "an Aurora instance class such as db.r7g.large",
            Storage = null,
            MaxBackupRetentionDays = 35,
        }
        : new EngineRules
        {
            Service = "RDS for PostgreSQL",
            Versions = PostgresVersions,
            DefaultVersion = "16",
            ClassBySize = new Dictionary<DataSize, string>
            {
                [DataSize.Small] = "db.t4g.small",
                [DataSize.Medium] = "db.m7g.large",
                [DataSize.Large] = "db.m7g.xlarge",
            },
            ClassPattern = DbClassPattern(),
            ClassDescription = "an RDS instance class such as db.m7g.large",
            Storage = new StorageLimits(20, 65536, 20),
            MaxBackupRetentionDays = 35,
        };

    /// <summary>
    /// RDS for PostgreSQL (or Aurora PostgreSQL, see <see cref="AwsDataOptions.AuroraPostgres"/>): in the network's DB
    /// subnet group, not publicly accessible, behind its own security group; storage encrypted (with the service's KMS
    /// key in production); TLS forced by the parameter group (<c>rds.force_ssl</c>); connection logs exported; IAM
    /// authentication on; automated backups with point-in-time recovery; Multi-AZ when highly available; minor versions
    /// upgraded in the maintenance window; deletion protection and a final snapshot when protected.
    /// </summary>
    public DataServiceOutputs CreatePostgres(PostgresDatabase database, DataServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        var key = DataKey(database, spec);
        var group = DataSecurityGroup(database);
        var password = DataCredentials.GeneratePassword(database);
        var endpoint = Data.AuroraPostgres
            ? AuroraCluster(database, spec, key, group, password)
            : PostgresInstance(database, spec, key, group, password);
        const int port = 5432;
        var connection = ConnectionStrings.Postgres(spec, endpoint, port, password);
        return new DataServiceOutputs
        {
            Host = endpoint,
            Port = port,
            Username = spec.Username!,
            Password = password,
            ConnectionString = connection,
            SecretReference = StoreCredentials(database, spec, key,
                DataCredentials.SecretDocument(database, "postgres", endpoint, port, password, connection)),
            Cidrs = PrivateRanges(database.Network),
            Access = new SecurityGroupAccess(group, [port]),
        };
    }

    private static Input ForceTlsAndLogConnections() => new Input[]
    {
        new Props { ["name"] = "rds.force_ssl", ["value"] = "1" },
        new Props { ["name"] = "log_connections", ["value"] = "1" },
        new Props { ["name"] = "log_disconnections", ["value"] = "1" },
    };

    private static Output<string> PostgresInstance(PostgresDatabase database, DataServiceSpec spec, CustomResource? key, CustomResource group, Output<string> password)
    {
        var identifier = Identifier(database, 63);
        var parameters = new CustomResource("aws:rds/parameterGroup:ParameterGroup", database.ChildResourceName("parameters"), new Props
        {
            ["name"] = identifier,
            ["family"] = $"postgres{spec.Version}",
            ["description"] = $"TLS required and connections logged for {identifier}",
            ["parameters"] = ForceTlsAndLogConnections(),
            ["tags"] = NameTag(identifier),
        }, database.ChildResourceOptions);
        var (backupWindow, maintenanceWindow) = Windows(spec);
        var instance = new CustomResource("aws:rds/instance:Instance", database.ChildResourceName("instance"), new Props
        {
            ["identifier"] = identifier,
            ["engine"] = "postgres",
            ["engineVersion"] = spec.Version,
            ["autoMinorVersionUpgrade"] = true,
            ["allowMajorVersionUpgrade"] = false,
            ["instanceClass"] = spec.MachineClass,
            ["allocatedStorage"] = spec.StorageGb!.Value,
            ["maxAllocatedStorage"] = Math.Min(spec.StorageGb!.Value * 4, 65536),
            ["storageType"] = "gp3",
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = KeyArn(key),
            ["dbName"] = spec.DatabaseName,
            ["username"] = spec.Username,
            ["password"] = password,
            ["port"] = 5432,
            ["dbSubnetGroupName"] = DatabaseSubnetGroup(database),
            ["vpcSecurityGroupIds"] = new Input[] { group.Id },
            ["publiclyAccessible"] = false,
            ["multiAz"] = spec.HighAvailability,
            ["parameterGroupName"] = parameters.GetOutput<string>("name"),
            ["caCertIdentifier"] = "rds-ca-rsa2048-g1",
            ["iamDatabaseAuthenticationEnabled"] = true,
            ["enabledCloudwatchLogsExports"] = new[] { "postgresql", "upgrade" },
            ["backupRetentionPeriod"] = spec.BackupRetentionDays,
            ["backupWindow"] = backupWindow,
            ["maintenanceWindow"] = maintenanceWindow,
            ["copyTagsToSnapshot"] = true,
            ["deleteAutomatedBackups"] = !spec.Protect,
            ["deletionProtection"] = spec.Protect,
            ["skipFinalSnapshot"] = !spec.Protect,
            ["finalSnapshotIdentifier"] = spec.Protect ? $"{identifier}-final" : null,
            ["tags"] = NameTag(identifier),
        }, database.StatefulChildResourceOptions);
        return instance.GetOutput<string>("address");
    }

    private static Output<string> AuroraCluster(PostgresDatabase database, DataServiceSpec spec, CustomResource? key, CustomResource group, Output<string> password)
    {
        var identifier = Identifier(database, 63);
        var parameters = new CustomResource("aws:rds/clusterParameterGroup:ClusterParameterGroup", database.ChildResourceName("parameters"), new Props
        {
            ["name"] = identifier,
            ["family"] = $"aurora-postgresql{spec.Version}",
            ["description"] = $"TLS required and connections logged for {identifier}",
            ["parameters"] = ForceTlsAndLogConnections(),
            ["tags"] = NameTag(identifier),
        }, database.ChildResourceOptions);
        var (backupWindow, maintenanceWindow) = Windows(spec);
        var cluster = new CustomResource("aws:rds/cluster:Cluster", database.ChildResourceName("cluster"), new Props
        {
            ["clusterIdentifier"] = identifier,
            ["engine"] = "aurora-postgresql",
            ["engineVersion"] = spec.Version,
            ["allowMajorVersionUpgrade"] = false,
            ["databaseName"] = spec.DatabaseName,
            ["masterUsername"] = spec.Username,
            ["masterPassword"] = password,
            ["port"] = 5432,
            ["dbSubnetGroupName"] = DatabaseSubnetGroup(database),
            ["vpcSecurityGroupIds"] = new Input[] { group.Id },
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = KeyArn(key),
            ["dbClusterParameterGroupName"] = parameters.GetOutput<string>("name"),
            ["iamDatabaseAuthenticationEnabled"] = true,
            ["enabledCloudwatchLogsExports"] = new[] { "postgresql" },
            ["backupRetentionPeriod"] = spec.BackupRetentionDays,
            ["preferredBackupWindow"] = backupWindow,
            ["preferredMaintenanceWindow"] = maintenanceWindow,
            ["copyTagsToSnapshot"] = true,
            ["deleteAutomatedBackups"] = !spec.Protect,
            ["deletionProtection"] = spec.Protect,
            ["skipFinalSnapshot"] = !spec.Protect,
            ["finalSnapshotIdentifier"] = spec.Protect ? $"{identifier}-final" : null,
            ["tags"] = NameTag(identifier),
        }, database.StatefulChildResourceOptions);
        for (var i = 0; i < spec.Nodes(2); i++)
        {
            _ = new CustomResource("aws:rds/clusterInstance:ClusterInstance", database.ChildResourceName($"instance-{i + 1}"), new Props
            {
                ["identifier"] = MemberIdentifier(identifier, i + 1),
                ["clusterIdentifier"] = cluster.Id,
                ["engine"] = "aurora-postgresql",
                ["instanceClass"] = spec.MachineClass,
                ["availabilityZone"] = spec.Zones[i % spec.Zones.Count],
                ["publiclyAccessible"] = false,
                ["autoMinorVersionUpgrade"] = true,
                ["caCertIdentifier"] = "rds-ca-rsa2048-g1",
                ["preferredMaintenanceWindow"] = maintenanceWindow,
                ["promotionTier"] = i,
                ["tags"] = NameTag(identifier),
            }, database.StatefulChildResourceOptions);
        }

        return cluster.GetOutput<string>("endpoint");
    }

    /// <summary>The identifier of a cluster member: the cluster's, numbered.</summary>
    private static string MemberIdentifier(string identifier, int index) => ComponentNames.Fit($"{identifier}-{index}", 63);

    [GeneratedRegex(@"^db\.[a-z0-9]+\.[a-z0-9]+$")]
    private static partial Regex DbClassPattern();
}
