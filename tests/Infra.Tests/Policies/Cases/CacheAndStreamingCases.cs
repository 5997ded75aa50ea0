using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class CacheAndStreamingCases
{
    private const string YandexKafka = "config: { version: \"3.6\", kafka: { resources: { resourcePresetId: s2.micro, diskSize: 32, diskTypeId: network-ssd }";

    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-REDIS-001", "aws", "TLS in transit", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c, transitEncryptionEnabled: true }
            """),
        Fail("INF-REDIS-001", "aws", "plain text by default", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c }
            """, "transitEncryptionEnabled"),
        Pass("INF-REDIS-001", "gcp", "server authentication", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1, transitEncryptionMode: SERVER_AUTHENTICATION }
            """),
        Fail("INF-REDIS-001", "gcp", "Memorystore for Redis without TLS", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1 }
            """, "transitEncryptionMode"),
        Fail("INF-REDIS-001", "gcp", "Memorystore (Valkey) without TLS", """
            cache:
              type: gcp:memorystore/instance:Instance
              properties: { instanceId: v, location: europe-west1, shardCount: 1 }
            """, "transitEncryptionMode"),
        Pass("INF-REDIS-001", "yandex", "TLS enabled", """
            cache:
              type: yandex:index/mdbRedisCluster:MdbRedisCluster
              properties: { environment: PRODUCTION, networkId: n, tlsEnabled: true, config: { password: { "fn::secret": p } } }
            """),
        Fail("INF-REDIS-001", "yandex", "TLS off by default", """
            cache:
              type: yandex:index/mdbRedisCluster:MdbRedisCluster
              properties: { environment: PRODUCTION, networkId: n, config: {} }
            """, "tlsEnabled"),

        Pass("INF-REDIS-002", "aws", "an AUTH token from a secret", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c, transitEncryptionEnabled: true, authToken: { "fn::secret": "${infra:cacheToken}" } }
            """),
        Fail("INF-REDIS-002", "aws", "no authentication", """
            cache:
              type: aws:elasticache/replicationGroup:ReplicationGroup
              properties: { description: c }
            """, "authToken"),
        Pass("INF-REDIS-002", "gcp", "AUTH on", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1, authEnabled: true }
            """),
        Fail("INF-REDIS-002", "gcp", "AUTH off by default", """
            cache:
              type: gcp:redis/instance:Instance
              properties: { memorySizeGb: 1 }
            """, "authEnabled"),
        Fail("INF-REDIS-002", "gcp", "Memorystore (Valkey) without IAM auth", """
            cache:
              type: gcp:memorystore/instance:Instance
              properties: { instanceId: v, location: europe-west1, shardCount: 1 }
            """, "authorizationMode"),
        Pass("INF-REDIS-002", "yandex", "a password", """
            cache:
              type: yandex:index/mdbRedisClusterV2:MdbRedisClusterV2
              properties: { environment: PRODUCTION, networkId: n, config: { password: { "fn::secret": "${infra:cachePassword}" } } }
            """),
        Fail("INF-REDIS-002", "yandex", "no password", """
            cache:
              type: yandex:index/mdbRedisCluster:MdbRedisCluster
              properties: { environment: PRODUCTION, networkId: n, config: {} }
            """, "config.password"),

        Pass("INF-CH-001", "yandex", "secret passwords and SASL over TLS", """
            ch:
              type: yandex:index/mdbClickhouseCluster:MdbClickhouseCluster
              properties:
                environment: PRODUCTION
                networkId: n
                adminPassword: { "fn::secret": "${infra:chAdmin}" }
                clickhouse: { config: { kafka: { securityProtocol: SECURITY_PROTOCOL_SASL_SSL, saslMechanism: SASL_MECHANISM_SCRAM_SHA_512, saslPassword: "${kafkaPassword.result}" } } }
            """),
        Fail("INF-CH-001", "yandex", "Kafka integration in plain text", """
            ch:
              type: yandex:index/mdbClickhouseClusterV2:MdbClickhouseClusterV2
              properties: { environment: PRODUCTION, networkId: n, clickhouse: { config: { kafka: { securityProtocol: SECURITY_PROTOCOL_PLAINTEXT } } } }
            """, "clickhouse.config.kafka.securityProtocol"),
        Fail("INF-CH-001", "yandex", "a plaintext admin password", """
            ch:
              type: yandex:index/mdbClickhouseCluster:MdbClickhouseCluster
              properties: { environment: PRODUCTION, networkId: n, adminPassword: hunter2 }
            """, "adminPassword"),

        Pass("INF-KAFKA-001", "aws", "TLS by default", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] } }
            """),
        Fail("INF-KAFKA-001", "aws", "plaintext clients allowed", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] }, encryptionInfo: { encryptionInTransit: { clientBroker: TLS_PLAINTEXT } } }
            """, "encryptionInfo.encryptionInTransit.clientBroker"),

        Pass("INF-KAFKA-002", "aws", "IAM authentication", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] }, clientAuthentication: { sasl: { iam: true } } }
            """),
        Fail("INF-KAFKA-002", "aws", "no client authentication at all", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] } }
            """, "clientAuthentication"),
        Fail("INF-KAFKA-002", "aws", "unauthenticated access kept on", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] }, clientAuthentication: { unauthenticated: true, sasl: { iam: true } } }
            """, "clientAuthentication.unauthenticated"),
        Pass("INF-KAFKA-002", "yandex", "SCRAM-SHA-512 offered", $$"""
            kafka:
              type: yandex:index/mdbKafkaCluster:MdbKafkaCluster
              properties: { environment: PRODUCTION, networkId: n, {{YandexKafka}}, kafkaConfig: { saslEnabledMechanisms: [SASL_MECHANISM_SCRAM_SHA_512] } } } }
            """),
        Fail("INF-KAFKA-002", "yandex", "only SCRAM-SHA-256 offered", $$"""
            kafka:
              type: yandex:index/mdbKafkaCluster:MdbKafkaCluster
              properties: { environment: PRODUCTION, networkId: n, {{YandexKafka}}, kafkaConfig: { saslEnabledMechanisms: [SASL_MECHANISM_SCRAM_SHA_256] } } } }
            """, "config.kafka.kafkaConfig.saslEnabledMechanisms"),

        Pass("INF-KAFKA-003", "aws", "broker logs to CloudWatch", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] }, loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "${logs.name}" } } } }
            """),
        Fail("INF-KAFKA-003", "aws", "no broker logs", """
            kafka:
              type: aws:msk/cluster:Cluster
              properties: { kafkaVersion: 3.6.0, numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: kafka.m5.large, clientSubnets: [a, b, c] } }
            """, "loggingInfo.brokerLogs"),

        Pass("INF-SEC-001", "aws", "a password from a config secret", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, password: { "fn::secret": "${infra:dbPassword}" } }
            """),
        Pass("INF-SEC-001", "aws", "a generated password", """
            db:
              type: aws:rds/cluster:Cluster
              properties: { engine: aurora-postgresql, masterPassword: "${dbPassword.result}" }
            """),
        Fail("INF-SEC-001", "aws", "a plaintext password", """
            db:
              type: aws:rds/instance:Instance
              properties: { engine: postgres, instanceClass: db.t4g.small, password: hunter2 }
            """, "password"),
        Pass("INF-SEC-001", "yandex", "user passwords as secrets", """
            pg:
              type: yandex:index/mdbPostgresqlCluster:MdbPostgresqlCluster
              properties: { environment: PRODUCTION, networkId: n, config: { version: "16" }, users: [{ name: app, password: { "fn::secret": "${infra:appPassword}" } }] }
            """),
        Fail("INF-SEC-001", "yandex", "a plaintext Kafka user password", """
            user:
              type: yandex:index/mdbKafkaUser:MdbKafkaUser
              properties: { clusterId: c, name: app, password: hunter2 }
            """, "password"),
    ];
}
