namespace Infra.Policies.Rules;

/// <summary>INF-SEC: credentials in the program.</summary>
internal static class SecretRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-SEC-001",
            Title = "Credentials are Pulumi secrets, not plaintext literals",
            Description = "A password or token written as a literal sits in the source, the program and the state in clear text. " +
                "Values marked secret (fn::secret, config secrets) or taken from another resource (a generated password) pass.",
            Help = "Read credentials with config.requireSecret, or generate them (random:index/randomPassword:RandomPassword).",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_SECRET_*"],
            Checks =
            {
                { Aws.RdsInstance, (r, c) => NotPlaintext(c, r["password"]) },
                { [Aws.RdsCluster, Aws.DocDbCluster], (r, c) => NotPlaintext(c, r["masterPassword"]) },
                { Aws.ElastiCacheReplicationGroup, (r, c) => NotPlaintext(c, r["authToken"]) },
                { [Yandex.Postgresql, Yandex.Mongodb, Yandex.Kafka], (r, c) => UserPasswords(c, r["users"]) },
                { [Yandex.Redis, Yandex.RedisV2], (r, c) => NotPlaintext(c, r["config"]["password"]) },
                {
                    Yandex.Clickhouse, (r, c) =>
                    {
                        NotPlaintext(c, r["adminPassword"]);
                        UserPasswords(c, r["users"]);
                    }
                },
                { Yandex.ClickhouseV2, (r, c) => NotPlaintext(c, r["adminPassword"]) },
                { [Yandex.PostgresqlUser, Yandex.MongodbUser, Yandex.KafkaUser], (r, c) => NotPlaintext(c, r["password"]) },
            },
        },
    ];

    private static void NotPlaintext(RuleCheck c, PropertyValue credential)
    {
        if (CacheAndStreamingRules.IsPlaintext(credential))
        {
            c.Violation(credential, "the credential is plaintext in the source, the program and the state",
                "Pass it from a config secret (config.requireSecret) or a generated password, which Pulumi keeps encrypted.",
                shown: CacheAndStreamingRules.PlaintextShown);
        }
    }

    private static void UserPasswords(RuleCheck c, PropertyValue users)
    {
        foreach (var user in users.Items)
        {
            NotPlaintext(c, user["password"]);
        }
    }
}
