using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-REDIS, INF-CH and INF-KAFKA: caches, ClickHouse integrations and Kafka brokers.</summary>
internal static class CacheAndStreamingRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-REDIS-001",
            Title = "Redis and Valkey encrypt traffic in transit",
            Description = "Cache traffic carries session tokens and personal data; without TLS it is readable on the network. " +
                "The setting is usually fixed at creation.",
            Help = "Create the cache with in-transit encryption on.",
            Severity = Severity.High,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_30", "CKV_GCP_97", "AVD-AWS-0051"],
            Checks =
            {
                {
                    Aws.ElastiCacheReplicationGroup, (r, c) => c.RequireTrue(r["transitEncryptionEnabled"], false,
                        "clients talk to the cache in plain text", "Set transitEncryptionEnabled: true.")
                },
                {
                    Gcp.RedisInstance, (r, c) => c.RequireOneOf(r["transitEncryptionMode"], ["SERVER_AUTHENTICATION"], "DISABLED",
                        "clients talk to the cache in plain text", "Set transitEncryptionMode: SERVER_AUTHENTICATION.")
                },
                {
                    Gcp.MemorystoreInstance, (r, c) => c.RequireOneOf(r["transitEncryptionMode"], ["SERVER_AUTHENTICATION"],
                        "TRANSIT_ENCRYPTION_DISABLED", "clients talk to the cache in plain text", "Set transitEncryptionMode: SERVER_AUTHENTICATION.")
                },
                {
                    [Yandex.Redis, Yandex.RedisV2], (r, c) => c.RequireTrue(r["tlsEnabled"], false,
                        "clients talk to the cache in plain text", "Set tlsEnabled: true (at creation).")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-REDIS-002",
            Title = "Redis and Valkey require authentication",
            Description = "A cache without AUTH (or IAM/RBAC) lets anyone on the network read and write it.",
            Help = "Require a password or IAM/RBAC authentication.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_31", "CKV_GCP_95"],
            Checks =
            {
                { Aws.ElastiCacheReplicationGroup, ElastiCacheAuth },
                {
                    Gcp.RedisInstance, (r, c) => c.RequireTrue(r["authEnabled"], false, "the cache accepts unauthenticated clients",
                        "Set authEnabled: true.")
                },
                {
                    Gcp.MemorystoreInstance, (r, c) => c.RequireOneOf(r["authorizationMode"], ["IAM_AUTH"], "AUTH_DISABLED",
                        "the cache accepts unauthenticated clients", "Set authorizationMode: IAM_AUTH.")
                },
                { [Yandex.Redis, Yandex.RedisV2], YandexRedisPassword },
            },
        },
        new ResourceRule
        {
            Id = "INF-CH-001",
            Title = "ClickHouse integrations and admin access are secure",
            Description = "ClickHouse's Kafka integration must use SASL over TLS, and the admin and SASL passwords must be Pulumi secrets, " +
                "not plaintext in the program.",
            Help = "Use securityProtocol SECURITY_PROTOCOL_SASL_SSL and pass passwords with config secrets (fn::secret).",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Advisory,
            Checks = { { [Yandex.Clickhouse, Yandex.ClickhouseV2], ClickhouseIntegrations } },
        },
        new ResourceRule
        {
            Id = "INF-KAFKA-001",
            Title = "Kafka encrypts client and in-cluster traffic",
            Description = "MSK can be configured to accept plaintext clients (TLS_PLAINTEXT, PLAINTEXT) or to replicate in plain text.",
            Help = "Keep clientBroker TLS and inCluster true (the defaults).",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_81", "AVD-AWS-0073"],
            Checks = { { Aws.MskCluster, MskInTransit } },
        },
        new ResourceRule
        {
            Id = "INF-KAFKA-002",
            Title = "Kafka clients must authenticate",
            Description = "An MSK cluster without client authentication (or with unauthenticated access on) lets anyone on the network " +
                "produce and consume. Yandex Kafka must offer SCRAM-SHA-512 when SASL mechanisms are restricted.",
            Help = "Require IAM, SCRAM or mutual TLS authentication.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Checks =
            {
                { Aws.MskCluster, MskAuthentication },
                { Yandex.Kafka, YandexSaslMechanisms },
            },
        },
        new ResourceRule
        {
            Id = "INF-KAFKA-003",
            Title = "Kafka broker logs shipped",
            Description = "Broker logs record authentication failures and ACL denials.",
            Help = "Enable broker logs to CloudWatch Logs, Firehose or S3.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_80", "AVD-AWS-0074"],
            Checks = { { Aws.MskCluster, MskBrokerLogs } },
        },
    ];

    /// <summary>A credential written as a plain literal (not <c>fn::secret</c>, not a reference to a secret).</summary>
    internal static bool IsPlaintext(PropertyValue value) => value.Node is StringNode && !value.IsSecret;

    internal const string PlaintextShown = "(a plaintext literal)";

    private static void ElastiCacheAuth(PolicyResource group, RuleCheck c)
    {
        var token = group["authToken"];
        if (!token.IsAbsent || !group["authTokenWo"].IsAbsent || !group["userGroupIds"].IsAbsent)
        {
            return;
        }

        c.Violation(token, "the cache accepts unauthenticated clients",
            "Set authToken from a config secret, or userGroupIds for RBAC (both need transitEncryptionEnabled).");
    }

    private static void YandexRedisPassword(PolicyResource cluster, RuleCheck c)
    {
        var config = cluster["config"];
        if (config["password"].IsAbsent && config["passwordWo"].IsAbsent)
        {
            c.Violation(config["password"], "the cache has no password", "Set config.password from a config secret.");
        }
    }

    private static void ClickhouseIntegrations(PolicyResource cluster, RuleCheck c)
    {
        var admin = cluster["adminPassword"];
        if (IsPlaintext(admin))
        {
            c.Violation(admin, "the admin password is plaintext in the program and in state", "Pass it with config.requireSecret (fn::secret).",
                shown: PlaintextShown);
        }

        var kafka = cluster.Get("clickhouse.config.kafka");
        if (!c.Decidable(kafka) || kafka.IsAbsent)
        {
            return;
        }

        var protocol = kafka["securityProtocol"];
        if (c.Decidable(protocol) && protocol.AsString()?.EndsWith("SASL_SSL", StringComparison.OrdinalIgnoreCase) != true)
        {
            c.Violation(protocol, "the Kafka integration does not use SASL over TLS", "Set securityProtocol: SECURITY_PROTOCOL_SASL_SSL.");
        }

        if (IsPlaintext(kafka["saslPassword"]))
        {
            c.Violation(kafka["saslPassword"], "the SASL password is plaintext in the program and in state", "Pass it with fn::secret.", shown: PlaintextShown);
        }
    }

    private static void MskInTransit(PolicyResource cluster, RuleCheck c)
    {
        var transit = cluster.Get("encryptionInfo.encryptionInTransit");
        c.RequireOneOf(transit["clientBroker"], ["TLS"], "TLS", "clients may connect in plain text", "Set clientBroker: TLS.");
        c.RequireTrue(transit["inCluster"], true, "brokers replicate in plain text", "Set inCluster: true.");
    }

    private static void MskAuthentication(PolicyResource cluster, RuleCheck c)
    {
        var auth = cluster["clientAuthentication"];
        if (!c.Decidable(auth))
        {
            return;
        }

        c.RequireNotTrue(auth["unauthenticated"], false, "unauthenticated clients are admitted", "Set clientAuthentication.unauthenticated: false.");
        var sasl = auth["sasl"];
        if (sasl["iam"].AsBool() != true && sasl["scram"].AsBool() != true && auth["tls"].IsAbsent &&
            !sasl["iam"].IsUnknown && !sasl["scram"].IsUnknown && !auth["tls"].IsUnknown)
        {
            c.Violation(auth, "no client authentication method is configured, so clients connect unauthenticated",
                "Set clientAuthentication.sasl.iam: true (or scram, or tls with a private CA).");
        }
    }

    private static void YandexSaslMechanisms(PolicyResource cluster, RuleCheck c)
    {
        var mechanisms = cluster.Get("config.kafka.kafkaConfig.saslEnabledMechanisms");
        if (!c.Decidable(mechanisms) || mechanisms.IsAbsent)
        {
            return;
        }

        if (mechanisms.AsStrings()?.Any(m => m.Contains("SCRAM_SHA_512", StringComparison.OrdinalIgnoreCase)) != true)
        {
            c.Violation(mechanisms, "SCRAM-SHA-512 is not offered to clients", "Include SASL_MECHANISM_SCRAM_SHA_512 in saslEnabledMechanisms.");
        }
    }

    private static void MskBrokerLogs(PolicyResource cluster, RuleCheck c)
    {
        var logs = cluster.Get("loggingInfo.brokerLogs");
        var sinks = new[] { logs["cloudwatchLogs"]["enabled"], logs["firehose"]["enabled"], logs["s3"]["enabled"] };
        if (sinks.Any(s => s.IsUnknown))
        {
            c.CannotEvaluate(sinks.First(s => s.IsUnknown));
        }
        else if (!sinks.Any(s => s.AsBool() == true))
        {
            c.Violation(logs, "broker logs are not shipped anywhere", "Set loggingInfo.brokerLogs.cloudwatchLogs: { enabled: true, logGroup: … }.");
        }
    }
}
