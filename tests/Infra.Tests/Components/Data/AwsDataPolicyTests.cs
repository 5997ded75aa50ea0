using Infra.Components;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>The AWS production defaults, checked against the policy catalogue rules they must satisfy.</summary>
public class AwsDataPolicyTests
{
    private static readonly ProgramDocument Prod = DataPlatformTests.AllEngines(CloudKind.Aws, "prod");
    private static readonly ProgramDocument Aurora = DataPlatformTests.AllEngines(CloudKind.Aws, "prod", aurora: true);
    private static readonly ProgramDocument Dev = DataPlatformTests.AllEngines(CloudKind.Aws, "dev");

    private static ResourceDecl Rds(ProgramDocument p) => p.One("orders", "aws:rds/instance:Instance");

    private static ResourceDecl DocDb(ProgramDocument p) => p.One("catalog", "aws:docdb/cluster:Cluster");

    private static ResourceDecl Cache(ProgramDocument p) => p.One("sessions", "aws:elasticache/replicationGroup:ReplicationGroup");

    [Fact]
    public void INF_DATA_001_no_database_is_publicly_accessible_and_all_sit_in_private_subnets()
    {
        Assert.False(Rds(Prod).Properties.Bool("publiclyAccessible"));
        Assert.All(Aurora.All("orders", "aws:rds/clusterInstance:ClusterInstance"), i => Assert.False(i.Properties.Bool("publiclyAccessible")));
        Assert.Equal("main-db-subnets.name", ((ReferenceNode)Rds(Prod).Properties.At("dbSubnetGroupName")!).ToExpressionText());
        Assert.Equal("main-db-subnets.name", ((ReferenceNode)DocDb(Prod).Properties.At("dbSubnetGroupName")!).ToExpressionText());
        var cacheSubnets = Prod.One("sessions", "aws:elasticache/subnetGroup:SubnetGroup").Properties.Items("subnetIds");
        Assert.Equal(["main-private-eu-west-1a.id", "main-private-eu-west-1b.id", "main-private-eu-west-1c.id"],
            cacheSubnets.Select(n => ((ReferenceNode)n).ToExpressionText()));
    }

    [Fact]
    public void INF_DATA_002_storage_is_encrypted_with_the_services_own_key_in_production()
    {
        foreach (var (resource, flag) in new[] { (Rds(Prod), "storageEncrypted"), (DocDb(Prod), "storageEncrypted"), (Cache(Prod), "atRestEncryptionEnabled") })
        {
            Assert.True(resource.Properties.Bool(flag));
            Assert.True(Prod.References(resource.Properties.At("kmsKeyId"), "aws:kms/key:Key"), resource.Key);
        }

        Assert.True(Aurora.One("orders", "aws:rds/cluster:Cluster").Properties.Bool("storageEncrypted"));
        Assert.True(Rds(Dev).Properties.Bool("storageEncrypted"));
        Assert.Null(Rds(Dev).Properties.At("kmsKeyId"));
    }

    [Fact]
    public void INF_DATA_003_backups_are_kept_at_least_seven_days()
    {
        Assert.True(Rds(Prod).Properties.Integer("backupRetentionPeriod") >= 7);
        Assert.True(DocDb(Prod).Properties.Integer("backupRetentionPeriod") >= 7);
        Assert.True(Cache(Prod).Properties.Integer("snapshotRetentionLimit") >= 7);
        Assert.True(Aurora.One("orders", "aws:rds/cluster:Cluster").Properties.Integer("backupRetentionPeriod") >= 7);
    }

    [Fact]
    public void INF_DATA_004_production_databases_have_deletion_protection_protect_and_a_final_snapshot()
    {
        foreach (var resource in new[] { Rds(Prod), DocDb(Prod), Aurora.One("orders", "aws:rds/cluster:Cluster") })
        {
            Assert.True(resource.Properties.Bool("deletionProtection"), resource.Key);
            Assert.False(resource.Properties.Bool("skipFinalSnapshot"), resource.Key);
            Assert.Equal("acme-prod-", resource.Properties.Text("finalSnapshotIdentifier")?[..10]);
            Assert.True(resource.Protected(), resource.Key);
        }

        Assert.Equal("acme-prod-sessions-final", Cache(Prod).Properties.Text("finalSnapshotIdentifier"));
        Assert.True(Cache(Prod).Protected());
    }

    [Fact]
    public void Development_is_cheap_and_deletable()
    {
        Assert.False(Rds(Dev).Properties.Bool("multiAz"));
        Assert.False(Rds(Dev).Properties.Bool("deletionProtection"));
        Assert.True(Rds(Dev).Properties.Bool("skipFinalSnapshot"));
        Assert.False(Rds(Dev).Protected());
        Assert.Equal("db.t4g.small", Rds(Dev).Properties.Text("instanceClass"));
        Assert.Single(Dev.All("catalog", "aws:docdb/clusterInstance:ClusterInstance"));
        Assert.Equal(1, Cache(Dev).Properties.Integer("numCacheClusters"));
        Assert.DoesNotContain(Dev.ChildrenOf("orders"), r => r.Type == "aws:kms/key:Key");
    }

    [Fact]
    public void INF_DATA_005_production_spans_zones_with_failover()
    {
        Assert.True(Rds(Prod).Properties.Bool("multiAz"));
        Assert.True(Cache(Prod).Properties.Bool("automaticFailoverEnabled"));
        Assert.True(Cache(Prod).Properties.Bool("multiAzEnabled"));
        Assert.Equal(2, Cache(Prod).Properties.Integer("numCacheClusters"));
        var zones = Prod.All("catalog", "aws:docdb/clusterInstance:ClusterInstance").Select(i => i.Properties.Text("availabilityZone")).ToList();
        Assert.Equal(3, zones.Distinct().Count());
        Assert.Equal(2, Aurora.All("orders", "aws:rds/clusterInstance:ClusterInstance").Select(i => i.Properties.Text("availabilityZone")).Distinct().Count());
    }

    [Fact]
    public void INF_DB_001_tls_is_required_by_the_parameter_groups_and_the_cache()
    {
        Assert.Contains(Prod.One("orders", "aws:rds/parameterGroup:ParameterGroup").Properties.Items("parameters"),
            p => p.Text("name") == "rds.force_ssl" && p.Text("value") == "1");
        Assert.Contains(Aurora.One("orders", "aws:rds/clusterParameterGroup:ClusterParameterGroup").Properties.Items("parameters"),
            p => p.Text("name") == "rds.force_ssl" && p.Text("value") == "1");
        Assert.Contains(Prod.One("catalog", "aws:docdb/clusterParameterGroup:ClusterParameterGroup").Properties.Items("parameters"),
            p => p.Text("name") == "tls" && p.Text("value") == "enabled");
        Assert.True(Prod.References(Rds(Prod).Properties.At("parameterGroupName"), "aws:rds/parameterGroup:ParameterGroup"));
    }

    [Fact]
    public void INF_DB_003_connection_and_audit_logs_are_exported()
    {
        Assert.Contains("postgresql", Rds(Prod).Properties.Strings("enabledCloudwatchLogsExports"));
        Assert.Contains("audit", DocDb(Prod).Properties.Strings("enabledCloudwatchLogsExports"));
        Assert.Contains(Prod.One("catalog", "aws:docdb/clusterParameterGroup:ClusterParameterGroup").Properties.Items("parameters"),
            p => p.Text("name") == "audit_logs" && p.Text("value") == "enabled");
    }

    [Fact]
    public void INF_DB_004_and_INF_DB_005_minor_versions_upgrade_and_iam_authentication_is_on()
    {
        Assert.True(Rds(Prod).Properties.Bool("autoMinorVersionUpgrade"));
        Assert.True(Cache(Prod).Properties.Bool("autoMinorVersionUpgrade"));
        Assert.All(Prod.All("catalog", "aws:docdb/clusterInstance:ClusterInstance"), i => Assert.True(i.Properties.Bool("autoMinorVersionUpgrade")));
        Assert.True(Rds(Prod).Properties.Bool("iamDatabaseAuthenticationEnabled"));
        Assert.Equal("16", Rds(Prod).Properties.Text("engineVersion"));
    }

    [Fact]
    public void INF_REDIS_001_and_002_the_cache_requires_tls_and_a_generated_auth_token()
    {
        Assert.True(Cache(Prod).Properties.Bool("transitEncryptionEnabled"));
        Assert.Equal("required", Cache(Prod).Properties.Text("transitEncryptionMode"));
        Assert.True(Prod.IsRandomPassword(Cache(Prod).Properties.At("authToken")));
        Assert.Equal("valkey", Cache(Prod).Properties.Text("engine"));
    }

    [Fact]
    public void INF_KMS_001_and_002_keys_rotate_and_only_the_account_administers_them()
    {
        var key = Prod.One("orders", "aws:kms/key:Key");
        Assert.True(key.Properties.Bool("enableKeyRotation"));
        Assert.True(key.Properties.Integer("rotationPeriodInDays") <= 365);
        Assert.True(key.Properties.Integer("deletionWindowInDays") >= 7);
        Assert.True(key.Protected());
        var statement = Assert.Single(((FunctionNode)key.Properties.At("policy")!).Argument.Items("Statement"));
        var principal = statement.At("Principal.AWS").Descendants().OfType<StringNode>().Select(s => s.Value);
        Assert.Equal(["", "arn:aws:iam::", "aws:index/getCallerIdentity:getCallerIdentity", "accountId", ":root"], principal);
        Assert.Null(key.Properties.At("bypassPolicyLockoutSafetyCheck"));
    }

    [Fact]
    public void Credentials_are_kept_in_secrets_manager_encrypted_with_the_key()
    {
        foreach (var component in DataPlatformTests.Components)
        {
            var secret = Prod.One(component, "aws:secretsmanager/secret:Secret");
            Assert.True(Prod.References(secret.Properties.At("kmsKeyId"), "aws:kms/key:Key"), component);
            var version = Prod.One(component, "aws:secretsmanager/secretVersion:SecretVersion");
            Assert.True(Prod.IsSecret(version.Properties.At("secretString")), component);
        }
    }
}
