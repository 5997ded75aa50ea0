using Infra.Components;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>The Google Cloud production defaults, checked against the policy catalogue rules they must satisfy.</summary>
public class GcpDataPolicyTests
{
    private static readonly ProgramDocument Prod = DataPlatformTests.AllEngines(CloudKind.Gcp, "prod");
    private static readonly ProgramDocument Dev = DataPlatformTests.AllEngines(CloudKind.Gcp, "dev");

    private static ResourceDecl Sql(ProgramDocument p) => p.One("orders", "gcp:sql/databaseInstance:DatabaseInstance");

    private static ResourceDecl Redis(ProgramDocument p) => p.One("sessions", "gcp:redis/instance:Instance");

    [Fact]
    public void INF_DATA_001_and_INF_DB_002_cloud_sql_has_a_private_ip_only_and_no_authorized_networks()
    {
        var ip = Sql(Prod).Properties.At("settings.ipConfiguration");
        Assert.False(ip.Bool("ipv4Enabled"));
        Assert.Equal("main-network.id", ((ReferenceNode)ip.At("privateNetwork")!).ToExpressionText());
        Assert.Null(ip.At("authorizedNetworks"));
        Assert.Equal("PRIVATE_SERVICE_ACCESS", Redis(Prod).Properties.Text("connectMode"));
        Assert.Contains(Sql(Prod).Options.Items("dependsOn"), d => ((ReferenceNode)d).Root == "main-private-services");
        Assert.Contains(Redis(Prod).Options.Items("dependsOn"), d => ((ReferenceNode)d).Root == "main-private-services");
    }

    [Fact]
    public void INF_DATA_002_production_uses_the_services_cloud_kms_key_which_the_service_agents_may_use()
    {
        Assert.True(Prod.References(Sql(Prod).Properties.At("encryptionKeyName"), "gcp:kms/cryptoKey:CryptoKey"));
        Assert.True(Prod.References(Redis(Prod).Properties.At("customerManagedKey"), "gcp:kms/cryptoKey:CryptoKey"));
        Assert.Equal(
            ["serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com", "serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com"],
            Prod.All("orders", "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").Select(m => m.Properties.Text("member")));
        Assert.Null(Sql(Dev).Properties.At("encryptionKeyName"));
    }

    [Fact]
    public void INF_DATA_003_backups_with_point_in_time_recovery_are_kept_at_least_seven_days()
    {
        var backup = Sql(Prod).Properties.At("settings.backupConfiguration");
        Assert.True(backup.Bool("enabled"));
        Assert.True(backup.Bool("pointInTimeRecoveryEnabled"));
        Assert.True(backup.Integer("backupRetentionSettings.retainedBackups") >= 7);
        Assert.Equal("RDB", Redis(Prod).Properties.Text("persistenceConfig.persistenceMode"));
    }

    [Fact]
    public void INF_DATA_004_deletion_protection_on_both_sides_protect_and_a_final_backup_in_production()
    {
        Assert.True(Sql(Prod).Properties.Bool("deletionProtection"));
        Assert.True(Sql(Prod).Properties.Bool("settings.deletionProtectionEnabled"));
        Assert.True(Sql(Prod).Properties.Bool("settings.finalBackupConfig.enabled"));
        Assert.True(Sql(Prod).Protected());
        Assert.True(Redis(Prod).Properties.Bool("deletionProtection"));
        Assert.False(Sql(Dev).Properties.Bool("deletionProtection"));
        Assert.Null(Sql(Dev).Properties.At("settings.finalBackupConfig"));
    }

    [Fact]
    public void INF_DATA_005_production_is_regional_and_development_zonal()
    {
        Assert.Equal("REGIONAL", Sql(Prod).Properties.Text("settings.availabilityType"));
        Assert.Equal("europe-west1-c", Sql(Prod).Properties.Text("settings.locationPreference.secondaryZone"));
        Assert.Equal("STANDARD_HA", Redis(Prod).Properties.Text("tier"));
        Assert.Equal("ZONAL", Sql(Dev).Properties.Text("settings.availabilityType"));
        Assert.Equal("BASIC", Redis(Dev).Properties.Text("tier"));
    }

    [Fact]
    public void INF_DB_001_and_INF_DB_003_tls_is_required_and_connections_are_logged()
    {
        Assert.Equal("ENCRYPTED_ONLY", Sql(Prod).Properties.Text("settings.ipConfiguration.sslMode"));
        var flags = Sql(Prod).Properties.Items("settings.databaseFlags").ToDictionary(f => f.Text("name")!, f => f.Text("value"));
        Assert.Equal("on", flags["log_connections"]);
        Assert.Equal("on", flags["log_disconnections"]);
        Assert.Equal("POSTGRES_16", Sql(Prod).Properties.Text("databaseVersion"));
        Assert.Equal("stable", Sql(Prod).Properties.Text("settings.maintenanceWindow.updateTrack"));
    }

    [Fact]
    public void INF_REDIS_001_and_002_memorystore_requires_tls_and_auth_and_its_auth_string_stays_secret()
    {
        Assert.Equal("SERVER_AUTHENTICATION", Redis(Prod).Properties.Text("transitEncryptionMode"));
        Assert.True(Redis(Prod).Properties.Bool("authEnabled"));
        var document = ((FunctionNode)Prod.One("sessions", "gcp:secretmanager/secretVersion:SecretVersion").Properties.At("secretData")!).Argument;
        var password = ((FunctionNode)document).Argument.At("password");
        Assert.Equal("sessions-instance.authString", Assert.IsType<ReferenceNode>(((FunctionNode)password!).Argument).ToExpressionText());
    }

    [Fact]
    public void INF_KMS_001_and_002_keys_rotate_within_90_days_and_only_service_agents_are_granted()
    {
        Assert.All(Prod.Resources.Where(r => r.Type == "gcp:kms/cryptoKey:CryptoKey" && DataPlatformTests.Components.Any(c => r.LogicalName.StartsWith(c, StringComparison.Ordinal))),
            key => Assert.Equal("7776000s", key.Properties.Text("rotationPeriod")));
        Assert.All(Prod.Resources.Where(r => r.Type == "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"),
            m => Assert.StartsWith("serviceAccount:service-123456789012@", m.Properties.Text("member"), StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_are_kept_in_secret_manager_in_the_region_with_the_key()
    {
        foreach (var component in DataPlatformTests.Components)
        {
            var secret = Prod.One(component, "gcp:secretmanager/secret:Secret");
            var replica = Assert.Single(secret.Properties.Items("replication.userManaged.replicas"));
            Assert.Equal("europe-west1", replica.Text("location"));
            Assert.True(Prod.References(replica.At("customerManagedEncryption.kmsKeyName"), "gcp:kms/cryptoKey:CryptoKey"), component);
            Assert.True(Prod.IsSecret(Prod.One(component, "gcp:secretmanager/secretVersion:SecretVersion").Properties.At("secretData")), component);
        }
    }
}
