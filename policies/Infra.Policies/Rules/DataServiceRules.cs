namespace Infra.Policies.Rules;

/// <summary>INF-DATA: rules shared by every managed data service (relational, document, cache, analytics, Kafka).</summary>
internal static class DataServiceRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-DATA-001",
            Title = "No public endpoint on any database host or broker",
            Description = "A managed database, cache or broker reachable from the internet is one leaked password away from a breach. " +
                "Cloud SQL gets a public IPv4 address unless ipv4Enabled is false.",
            Help = "Keep data services on private addresses; reach them from the VPC, a VPN or a bastion.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_17", "CKV_GCP_60", "CKV_YC_12", "AVD-AWS-0180", "AVD-GCP-0017", "CIS GCP 6.6", "awsguard:rds-instance-public-access"],
            Checks =
            {
                {
                    [Aws.RdsInstance, Aws.RdsClusterInstance], (r, c) => c.RequireNotTrue(r["publiclyAccessible"], false,
                        "the database gets a public endpoint", "Set publiclyAccessible: false.")
                },
                {
                    Aws.MskCluster, (r, c) => c.RequireOneOf(r.Get("brokerNodeGroupInfo.connectivityInfo.publicAccess.type"), ["DISABLED"],
                        "DISABLED", "the brokers are reachable from the internet", "Set brokerNodeGroupInfo.connectivityInfo.publicAccess.type: DISABLED.")
                },
                {
                    Gcp.SqlInstance, (r, c) => c.RequireNotTrue(r.Get("settings.ipConfiguration.ipv4Enabled"), true,
                        "the instance gets a public IPv4 address",
                        "Set settings.ipConfiguration: { ipv4Enabled: false, privateNetwork: <VPC self link> }.")
                },
                { Yandex.HostedClusters, NoPublicHosts },
                {
                    Yandex.Kafka, (r, c) => c.RequireNotTrue(r["config"]["assignPublicIp"], false,
                        "the brokers get public IPs", "Set config.assignPublicIp: false.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-DATA-002",
            Title = "At-rest encryption on; customer-managed keys in production",
            Description = "Several AWS services leave storage unencrypted unless asked (RDS, Aurora provisioned, DocumentDB, ElastiCache): " +
                "that is mandatory everywhere. In production, data should be encrypted with a customer-managed key (advisory).",
            Help = "Turn storage encryption on and pass a KMS key you manage.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M (encryption switch); prod: A (customer-managed key)",
            Anchors = ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_74", "CKV_AWS_29", "AVD-AWS-0080", "CIS AWS 1.4 2.3.1", "awsguard:rds-storage-encrypted"],
            Checks =
            {
                { Aws.RdsInstance, RdsInstanceEncrypted },
                { [Aws.RdsCluster, Aws.DocDbCluster], ClusterEncrypted },
                {
                    Aws.ElastiCacheReplicationGroup, (r, c) =>
                    {
                        c.RequireTrue(r["atRestEncryptionEnabled"], false, "cached data is stored unencrypted", "Set atRestEncryptionEnabled: true.");
                        CustomerKey(c, r["kmsKeyId"]);
                    }
                },
                { Aws.MskCluster, (r, c) => CustomerKey(c, r["encryptionInfo"]["encryptionAtRestKmsKeyArn"]) },
                { Gcp.SqlInstance, (r, c) => CustomerKey(c, r["encryptionKeyName"]) },
                { Gcp.RedisInstance, (r, c) => CustomerKey(c, r["customerManagedKey"]) },
                { Gcp.MemorystoreInstance, (r, c) => CustomerKey(c, r["kmsKey"]) },
                { Gcp.KafkaCluster, (r, c) => CustomerKey(c, r["gcpConfig"]["kmsKey"]) },
                { Yandex.ManagedClusters, (r, c) => CustomerKey(c, r["diskEncryptionKeyId"]) },
            },
        },
        new ResourceRule
        {
            Id = "INF-DATA-003",
            Title = "Automated backups kept long enough",
            Description = "Backups must be on everywhere and kept at least parameters.minBackupRetentionDays days (7 by default) in production. " +
                "Cloud SQL also needs point-in-time recovery (PostgreSQL) or binary logs (MySQL).",
            Help = "Enable automated backups with enough retention.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_133", "CKV_GCP_14", "AVD-AWS-0077", "AVD-GCP-0024", "CIS GCP 6.7", "awsguard:rds-instance-backup-enabled"],
            Checks =
            {
                {
                    Aws.RdsInstance, (r, c) =>
                    {
                        if (r["replicateSourceDb"].IsAbsent)
                        {
                            Retention(c, r["backupRetentionPeriod"], 1);
                        }
                    }
                },
                { [Aws.RdsCluster, Aws.DocDbCluster], (r, c) => Retention(c, r["backupRetentionPeriod"], 1) },
                { Aws.ElastiCacheReplicationGroup, (r, c) => Retention(c, r["snapshotRetentionLimit"], 0) },
                { Gcp.SqlInstance, CloudSqlBackups },
                {
                    Gcp.RedisInstance, (r, c) => c.RequireOneOf(r["persistenceConfig"]["persistenceMode"], ["RDB"], "DISABLED",
                        "the instance keeps no snapshots", "Set persistenceConfig: { persistenceMode: RDB, rdbSnapshotPeriod: TWELVE_HOURS }.")
                },
                { [Yandex.Postgresql, Yandex.PostgresqlV2, Yandex.RedisV2], (r, c) => Retention(c, r["config"]["backupRetainPeriodDays"], 7) },
                { Yandex.Mongodb, (r, c) => Retention(c, r["clusterConfig"]["backupRetainPeriodDays"], 7) },
                { [Yandex.Clickhouse, Yandex.ClickhouseV2], (r, c) => Retention(c, r["backupRetainPeriodDays"], 7) },
            },
        },
        new ResourceRule
        {
            Id = "INF-DATA-004",
            Title = "Deletion protection on data services",
            Description = "A stateful service must survive a mistaken destroy or replace. Cloud SQL needs both Pulumi's deletionProtection " +
                "(on by default) and the API's settings.deletionProtectionEnabled.",
            Help = "Turn deletion protection on.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_293", "CKV_AWS_139", "AVD-AWS-0177"],
            Checks =
            {
                { [Aws.RdsInstance, Aws.RdsCluster, Aws.DocDbCluster], (r, c) => Protected(c, r["deletionProtection"], false) },
                {
                    Gcp.SqlInstance, (r, c) =>
                    {
                        Protected(c, r["deletionProtection"], true);
                        Protected(c, r["settings"]["deletionProtectionEnabled"], false);
                    }
                },
                { Yandex.ManagedClusters, (r, c) => Protected(c, r["deletionProtection"], false) },
            },
        },
        new ResourceRule
        {
            Id = "INF-DATA-005",
            Title = "Highly available data services in production",
            Description = "Production data services should survive a zone failure: Multi-AZ, REGIONAL, STANDARD_HA, or at least two hosts in distinct zones.",
            Help = "Spread the service over two or more zones.",
            Severity = Severity.Low,
            Enforcement = Enforcement.AdvisoryInProduction,
            Anchors = ["CKV_AWS_157", "awsguard:rds-instance-multi-az-enabled"],
            Checks =
            {
                { Aws.RdsInstance, (r, c) => c.RequireTrue(r["multiAz"], false, "the instance lives in one availability zone", "Set multiAz: true.") },
                {
                    Aws.ElastiCacheReplicationGroup, (r, c) =>
                    {
                        c.RequireTrue(r["automaticFailoverEnabled"], false, "a primary failure is not failed over", "Set automaticFailoverEnabled: true.");
                        c.RequireTrue(r["multiAzEnabled"], false, "replicas may share the primary's zone", "Set multiAzEnabled: true.");
                    }
                },
                {
                    Gcp.SqlInstance, (r, c) => c.RequireOneOf(r["settings"]["availabilityType"], ["REGIONAL"], "ZONAL",
                        "the instance lives in one zone", "Set settings.availabilityType: REGIONAL.")
                },
                {
                    Gcp.RedisInstance, (r, c) => c.RequireOneOf(r["tier"], ["STANDARD_HA"], "BASIC",
                        "the instance has no replica", "Set tier: STANDARD_HA.")
                },
                { Yandex.HostedClusters, HostsInTwoZones },
            },
        },
        new ResourceRule
        {
            Id = "INF-DATA-006",
            Title = "Yandex service access paths closed in production",
            Description = "WebSQL, DataLens, Data Transfer, serverless, Yandex Query and Metrica access each open a path to the data " +
                "that security groups do not control.",
            Help = "Turn the access flag off, or exempt the cluster with the reason the integration is needed.",
            Severity = Severity.Low,
            Enforcement = Enforcement.AdvisoryInProduction,
            Checks =
            {
                { [Yandex.Postgresql, Yandex.PostgresqlV2], (r, c) => AccessClosed(c, r["config"]["access"], "webSql", "dataLens", "dataTransfer", "serverless", "yandexQuery") },
                { Yandex.Mongodb, (r, c) => AccessClosed(c, r["clusterConfig"]["access"], "webSql", "dataLens", "dataTransfer") },
                { [Yandex.Clickhouse, Yandex.ClickhouseV2], (r, c) => AccessClosed(c, r["access"], "webSql", "dataLens", "metrika", "serverless", "yandexQuery", "dataTransfer") },
                { [Yandex.Redis, Yandex.RedisV2], (r, c) => AccessClosed(c, r["access"], "webSql", "dataLens") },
            },
        },
    ];

    /// <summary>Hosts of a Yandex cluster: a list (SDKv2) or a map keyed by host label (V2). Null when an expression.</summary>
    internal static IReadOnlyList<PropertyValue>? Hosts(PolicyResource cluster, RuleCheck c)
    {
        var hosts = cluster["hosts"];
        return c.Decidable(hosts) ? hosts.ItemsOrValues : null;
    }

    private static void NoPublicHosts(PolicyResource cluster, RuleCheck c)
    {
        foreach (var host in Hosts(cluster, c) ?? [])
        {
            c.RequireNotTrue(host["assignPublicIp"], false, "this host gets a public IP", "Set assignPublicIp: false on every host.");
        }
    }

    private static void RdsInstanceEncrypted(PolicyResource instance, RuleCheck c)
    {
        if (instance["replicateSourceDb"].IsAbsent)
        {
            c.RequireTrue(instance["storageEncrypted"], false, "storage is not encrypted at rest", "Set storageEncrypted: true (and kmsKeyId).");
        }

        CustomerKey(c, instance["kmsKeyId"]);
    }

    private static void ClusterEncrypted(PolicyResource cluster, RuleCheck c)
    {
        var serverlessV1 = cluster.Is(Aws.RdsCluster) && cluster["engineMode"].AsString() == "serverless";
        if (!serverlessV1)
        {
            c.RequireTrue(cluster["storageEncrypted"], false, "storage is not encrypted at rest", "Set storageEncrypted: true (and kmsKeyId).");
        }

        CustomerKey(c, cluster["kmsKeyId"]);
    }

    private static void CustomerKey(RuleCheck c, PropertyValue key) =>
        c.RequireSet(key, "data is encrypted with a provider-managed key, not one you control",
            $"Set {key.Path} to a customer-managed KMS key.", Enforcement.AdvisoryInProduction);

    private static void Retention(RuleCheck c, PropertyValue days, int providerDefault)
    {
        if (!c.Decidable(days))
        {
            return;
        }

        var minimum = c.IsProduction ? c.Parameters.MinBackupRetentionDays : 1;
        var actual = days.IsAbsent ? providerDefault : days.AsInteger() ?? 0;
        if (actual < minimum)
        {
            c.Violation(days, actual == 0 ? "automated backups are off" : $"backups are kept {actual} day(s), fewer than {minimum}",
                $"Set {days.Path}: {minimum} or more.", shown: days.IsAbsent ? $"(not set; defaults to {providerDefault})" : null);
        }
    }

    private static void CloudSqlBackups(PolicyResource instance, RuleCheck c)
    {
        var backups = instance["settings"]["backupConfiguration"];
        c.RequireTrue(backups["enabled"], false, "automated backups are off", "Set settings.backupConfiguration.enabled: true.");
        var version = instance["databaseVersion"].AsString() ?? "";
        if (version.StartsWith("POSTGRES", StringComparison.OrdinalIgnoreCase))
        {
            c.RequireTrue(backups["pointInTimeRecoveryEnabled"], false, "point-in-time recovery is off", "Set pointInTimeRecoveryEnabled: true.");
        }
        else if (version.StartsWith("MYSQL", StringComparison.OrdinalIgnoreCase))
        {
            c.RequireTrue(backups["binaryLogEnabled"], false, "binary logs are off, so point-in-time recovery is impossible", "Set binaryLogEnabled: true.");
        }

        Retention(c, backups["backupRetentionSettings"]["retainedBackups"], 7);
    }

    private static void Protected(RuleCheck c, PropertyValue flag, bool providerDefault) =>
        c.RequireTrue(flag, providerDefault, "the resource can be deleted by a mistaken destroy or replace", $"Set {flag.Path}: true.");

    private static void HostsInTwoZones(PolicyResource cluster, RuleCheck c)
    {
        if (Hosts(cluster, c) is not { } hosts)
        {
            return;
        }

        var zoneProperty = cluster.Is(Yandex.Mongodb) ? "zoneId" : "zone";
        var zones = hosts.Select(h => h[zoneProperty]).ToArray();
        if (zones.Any(z => z.IsUnknown))
        {
            c.CannotEvaluate(zones.First(z => z.IsUnknown));
            return;
        }

        var distinct = zones.Select(z => z.AsString()).Distinct(StringComparer.Ordinal).Count();
        if (hosts.Count < 2 || distinct < 2)
        {
            c.Violation(cluster["hosts"], $"{hosts.Count} host(s) in {distinct} zone(s): a zone failure takes the service down",
                "Add a host in a second availability zone.", shown: $"{hosts.Count} host(s), zones: {string.Join(", ", zones.Select(z => z.Display()))}");
        }
    }

    private static void AccessClosed(RuleCheck c, PropertyValue access, params string[] flags)
    {
        foreach (var flag in flags)
        {
            c.RequireNotTrue(access[flag], false, $"{flag} access bypasses the cluster's security groups", $"Set {access.Path}.{flag}: false.");
        }
    }
}
