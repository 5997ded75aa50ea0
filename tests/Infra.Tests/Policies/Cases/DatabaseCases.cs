using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class DatabaseCases
{
    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-DB-001", "aws", "PostgreSQL 16 forces TLS by default", """
            params:
              type: aws:rds/parameterGroup:ParameterGroup
              properties: { family: postgres16 }
            """),
        Pass("INF-DB-001", "aws", "MySQL with require_secure_transport", """
            params:
              type: aws:rds/parameterGroup:ParameterGroup
              properties: { family: mysql8.0, parameters: [{ name: require_secure_transport, value: "ON" }] }
            db:
              type: aws:rds/instance:Instance
              properties: { engine: mysql, instanceClass: db.t4g.small, parameterGroupName: "${params.name}" }
            """),
        Fail("INF-DB-001", "aws", "PostgreSQL 14 without rds.force_ssl", """
            params:
              type: aws:rds/parameterGroup:ParameterGroup
              properties: { family: postgres14 }
            """, "parameters"),
        Fail("INF-DB-001", "aws", "MySQL with require_secure_transport OFF", """
            params:
              type: aws:rds/parameterGroup:ParameterGroup
              properties: { family: mysql8.0, parameters: [{ name: require_secure_transport, value: "OFF" }] }
            """, "parameters[0].value"),
        Fail("INF-DB-001", "aws", "MySQL on the default parameter group", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: mysql, instanceClass: db.t4g.small }
            """, "parameterGroupName"),
        Fail("INF-DB-001", "aws", "DocumentDB with TLS disabled", """
            params:
              type: aws:docdb/clusterParameterGroup:ClusterParameterGroup
              properties: { family: docdb5.0, parameters: [{ name: tls, value: disabled }] }
            """, "parameters[0].value"),
        Pass("INF-DB-001", "gcp", "encrypted connections only", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, ipConfiguration: { sslMode: ENCRYPTED_ONLY } } }
            """),
        Fail("INF-DB-001", "gcp", "unencrypted connections allowed by default", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t } }
            """, "settings.ipConfiguration.sslMode"),

        Pass("INF-DB-002", "gcp", "one authorized address", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, ipConfiguration: { authorizedNetworks: [{ value: 203.0.113.10/32 }] } } }
            """),
        Fail("INF-DB-002", "gcp", "the whole internet authorized", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, ipConfiguration: { authorizedNetworks: [{ name: all, value: 0.0.0.0/0 }] } } }
            """, "settings.ipConfiguration.authorizedNetworks[0].value"),

        Pass("INF-DB-003", "aws", "PostgreSQL logs exported", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, enabledCloudwatchLogsExports: [postgresql] }
            """),
        Fail("INF-DB-003", "aws", "no log exports", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "enabledCloudwatchLogsExports"),
        Fail("INF-DB-003", "aws", "DocumentDB without audit logs", """
            docs:
              type: aws:docdb/cluster:Cluster
              properties: { enabledCloudwatchLogsExports: [profiler] }
            """, "enabledCloudwatchLogsExports"),
        Pass("INF-DB-003", "gcp", "connection logging flags on", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t, databaseFlags: [{ name: log_connections, value: "on" }, { name: log_disconnections, value: "on" }] } }
            """),
        Fail("INF-DB-003", "gcp", "no connection logging flags", """
            sql:
              type: gcp:sql/databaseInstance:DatabaseInstance
              properties: { databaseVersion: POSTGRES_16, settings: { tier: t } }
            """, "settings.databaseFlags[\"log_connections\"]"),
        Pass("INF-DB-003", "yandex", "connection logging on", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16", postgresqlConfig: { log_connections: "true", log_disconnections: "true" } } }
            """),
        Fail("INF-DB-003", "yandex", "no connection logging", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" } }
            """, "config.postgresqlConfig[\"log_connections\"]"),
        Fail("INF-DB-003", "yandex", "MongoDB without an audit log", """
            mongo:
              type: yandex:index/mdbMongodbCluster:MdbMongodbCluster
              properties: { environment: PRODUCTION, networkId: n, clusterConfig: { version: "7.0" } }
            """, "clusterConfig.mongod.auditLog"),

        Pass("INF-DB-004", "aws", "automatic minor upgrades and a current CA", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, autoMinorVersionUpgrade: true, caCertIdentifier: rds-ca-rsa2048-g1 }
            """),
        Fail("INF-DB-004", "aws", "minor upgrades off", """
            db:
              type: aws:rds/clusterInstance:ClusterInstance
              properties: { clusterIdentifier: c, engine: aurora-postgresql, instanceClass: db.r6g.large, autoMinorVersionUpgrade: false }
            """, "autoMinorVersionUpgrade"),
        Fail("INF-DB-004", "aws", "an expired CA", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, caCertIdentifier: rds-ca-2019 }
            """, "caCertIdentifier"),

        Pass("INF-DB-005", "aws", "IAM authentication on", """
            db:
              type: aws:rds/cluster:Cluster
              properties: { engine: aurora-postgresql, iamDatabaseAuthenticationEnabled: true }
            """),
        Fail("INF-DB-005", "aws", "passwords only", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small }
            """, "iamDatabaseAuthenticationEnabled"),
    ];
}
