using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class DataServiceCases
{
    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-DATA-001", "aws", "a private database", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: false }
            """),
        Fail("INF-DATA-001", "aws", "a public database", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, publiclyAccessible: true }
            """, "publiclyAccessible"),
        Fail("INF-DATA-001", "aws", "public MSK brokers", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties:
                kafkaVersion: 3.6.0
                numberOfBrokerNodes: 3
                brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c], connectivityInfo: { publicAccess: { type: SERVICE_PROVIDED_EIPS } } }
            """, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type"),
        Pass("INF-DATA-001", "gcp", "private IP only", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: db-f1-micro, ipConfiguration: { ipv4Enabled: false, privateNetwork: "${vpc.id}" } } }
            """),
        Fail("INF-DATA-001", "gcp", "a public IPv4 address by default", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: db-f1-micro } }
            """, "settings.ipConfiguration.ipv4Enabled"),
        Pass("INF-DATA-001", "yandex", "hosts without public IPs", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" }, hosts: [{ zone: ru-central1-a, subnetId: s1 }, { zone: ru-central1-b, subnetId: s2, assignPublicIp: false }] }
            """),
        Fail("INF-DATA-001", "yandex", "a second host with a public IP", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" }, hosts: [{ zone: ru-central1-a, subnetId: s1 }, { zone: ru-central1-b, subnetId: s2, assignPublicIp: true }] }
            """, "hosts[1].assignPublicIp"),
        Fail("INF-DATA-001", "yandex", "a Valkey V2 host (hosts as a map) with a public IP", """
            cache:
              type: yandex:index/mdbRedisClusterV2:MdbRedisClusterV2
              properties: { environment: PRODUCTION, networkId: n, config: { version: 7.2-valkey }, hosts: { h1: { zone: ru-central1-a, assignPublicIp: true } } }
            """, "hosts[\"h1\"].assignPublicIp"),
        Fail("INF-DATA-001", "yandex", "public Kafka brokers", """
            kafka:
              type: yandex:index/mdbKafkaCluster:MdbKafkaCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "3.6", assignPublicIp: true, kafka: { resources: { resourcePresetId: s2.micro, diskSize: 32, diskTypeId: network-ssd } } } }
            """, "config.assignPublicIp"),

        Pass("INF-DATA-002", "aws", "encrypted with a customer key", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, storageEncrypted: true, kmsKeyId: "${key.arn}" }
            """),
        Fail("INF-DATA-002", "aws", "RDS without storageEncrypted (defaults to false)", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, kmsKeyId: "${key.arn}" }
            """, "storageEncrypted"),
        Fail("INF-DATA-002", "aws", "DocumentDB without storageEncrypted", """
            docs:
              type: aws:docdb/cluster:Cluster
              properties: { masterUsername: admin, kmsKeyId: "${key.arn}" }
            """, "storageEncrypted"),
        Fail("INF-DATA-002", "aws", "a production cache on the provider's key", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c, atRestEncryptionEnabled: true }
            """, "kmsKeyId"),
        Pass("INF-DATA-002", "gcp", "Cloud SQL with CMEK", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, encryptionKeyName: "${key.id}", settings: { tier: t } }
            """),
        Fail("INF-DATA-002", "gcp", "Cloud SQL on Google-managed keys in production", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t } }
            """, "encryptionKeyName"),
        Pass("INF-DATA-002", "yandex", "disks encrypted with a KMS key", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" }, diskEncryptionKeyId: "${key.id}" }
            """),
        Fail("INF-DATA-002", "yandex", "disks without a customer key in production", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" } }
            """, "diskEncryptionKeyId"),

        Pass("INF-DATA-003", "aws", "two weeks of backups", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, backupRetentionPeriod: 14 }
            """),
        Pass("INF-DATA-003", "aws", "the default day of backups outside production", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "dev"),
        Fail("INF-DATA-003", "aws", "the default single day in production", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "backupRetentionPeriod"),
        Fail("INF-DATA-003", "aws", "a cache without snapshots (defaults to 0)", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c }
            """, "snapshotRetentionLimit"),
        Pass("INF-DATA-003", "gcp", "PostgreSQL with backups and point-in-time recovery", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } } }
            """),
        Fail("INF-DATA-003", "gcp", "MySQL without binary logs", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: MYSQL_8_0, settings: { tier: t, backupConfiguration: { enabled: true } } }
            """, "settings.backupConfiguration.binaryLogEnabled"),
        Fail("INF-DATA-003", "gcp", "Memorystore without persistence", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1 }
            """, "persistenceConfig.persistenceMode"),
        Pass("INF-DATA-003", "yandex", "two weeks of PostgreSQL backups", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16", backupRetainPeriodDays: 14 } }
            """),
        Fail("INF-DATA-003", "yandex", "three days of MongoDB backups in production", """
            mongo:
              type: yandex:index/mdbMongodbCluster:MdbMongodbCluster
              properties: { environment: PRODUCTION, networkId: n, clusterConfig: { version: "7.0", backupRetainPeriodDays: 3 } }
            """, "clusterConfig.backupRetainPeriodDays"),

        Pass("INF-DATA-004", "aws", "deletion protection on", """
            db:
              type: aws:rds/cluster:Cluster
              properties: { engine: aurora-postgresql, deletionProtection: true }
            """),
        Fail("INF-DATA-004", "aws", "deletion protection omitted (defaults to false)", """
            db:
              type: aws:rds/cluster:Cluster
              properties: { engine: aurora-postgresql }
            """, "deletionProtection"),
        Pass("INF-DATA-004", "gcp", "both deletion protections", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, deletionProtectionEnabled: true } }
            """),
        Fail("INF-DATA-004", "gcp", "Pulumi-side protection turned off", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, deletionProtection: false, settings: { tier: t, deletionProtectionEnabled: true } }
            """, "deletionProtection"),
        Pass("INF-DATA-004", "yandex", "deletion protection on", """
            kafka:
              type: yandex:index/mdbKafkaCluster:MdbKafkaCluster
              properties: { environment: PRODUCTION, networkId: n, deletionProtection: true, config: { version: "3.6", kafka: { resources: { resourcePresetId: s2.micro, diskSize: 32, diskTypeId: network-ssd } } } }
            """),
        Fail("INF-DATA-004", "yandex", "deletion protection omitted", """
            kafka:
              type: yandex:index/mdbKafkaCluster:MdbKafkaCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "3.6", kafka: { resources: { resourcePresetId: s2.micro, diskSize: 32, diskTypeId: network-ssd } } } }
            """, "deletionProtection"),

        Pass("INF-DATA-005", "aws", "Multi-AZ", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, multiAz: true }
            """),
        Fail("INF-DATA-005", "aws", "single-AZ in production", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "multiAz"),
        Pass("INF-DATA-005", "gcp", "a regional instance", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, availabilityType: REGIONAL } }
            """),
        Fail("INF-DATA-005", "gcp", "a basic-tier cache", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1 }
            """, "tier"),
        Pass("INF-DATA-005", "yandex", "two hosts in two zones", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" }, hosts: [{ zone: ru-central1-a }, { zone: ru-central1-b }] }
            """),
        Fail("INF-DATA-005", "yandex", "one MongoDB host", """
            mongo:
              type: yandex:index/mdbMongodbCluster:MdbMongodbCluster
              properties: { environment: PRODUCTION, networkId: n, clusterConfig: { version: "7.0" }, hosts: [{ zoneId: ru-central1-a, subnetId: s1 }] }
            """, "hosts"),

        Pass("INF-DATA-006", "yandex", "every access path closed", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16", access: { webSql: false, dataLens: false } } }
            """),
        Fail("INF-DATA-006", "yandex", "WebSQL open on PostgreSQL", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16", access: { webSql: true } } }
            """, "config.access.webSql"),
        Fail("INF-DATA-006", "yandex", "DataLens open on ClickHouse", """
            ch:
              type: yandex:index/mdbClickhouseCluster:MdbClickhouseCluster
              properties: { environment: PRODUCTION, networkId: n, access: { dataLens: true } }
            """, "access.dataLens"),
    ];
}
