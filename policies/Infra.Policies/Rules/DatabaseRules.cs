using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-DB: PostgreSQL, MySQL and MongoDB-compatible specifics.</summary>
internal static class DatabaseRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-DB-001",
            Title = "TLS enforced for database client connections",
            Description = "Clients must not be able to connect in plain text. AWS: the parameter group sets rds.force_ssl=1 (on by default " +
                "from PostgreSQL 15) or require_secure_transport=ON (MySQL/MariaDB); DocumentDB keeps tls enabled. GCP: sslMode " +
                "ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED. A parameter group outside the program cannot be checked.",
            Help = "Force TLS in the engine's parameters (AWS) or sslMode (Cloud SQL).",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV2_AWS_69", "CKV_AWS_90", "CKV_GCP_6", "AVD-GCP-0015", "CIS GCP 6.4"],
            Checks =
            {
                { [Aws.RdsParameterGroup, Aws.RdsClusterParameterGroup], ParameterGroupForcesTls },
                { Aws.DocDbClusterParameterGroup, DocDbTls },
                { Aws.RdsInstance, (r, c) => DefaultGroupForcesTls(r, c, r["engine"], r["engineVersion"], r["parameterGroupName"], Aws.RdsParameterGroup) },
                { Aws.RdsCluster, (r, c) => DefaultGroupForcesTls(r, c, r["engine"], r["engineVersion"], r["dbClusterParameterGroupName"], Aws.RdsClusterParameterGroup) },
                {
                    Gcp.SqlInstance, (r, c) => c.RequireOneOf(r.Get("settings.ipConfiguration.sslMode"),
                        ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"], "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
                        "unencrypted connections are accepted", "Set settings.ipConfiguration.sslMode: ENCRYPTED_ONLY.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-DB-002",
            Title = "Cloud SQL authorized networks never include the internet",
            Description = "An authorized network of 0.0.0.0/0, or any range wider than a /16, lets much of the internet reach the instance's public IP.",
            Help = "Use private IP, or authorize only the exact addresses that need access.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_GCP_11", "CIS GCP 6.5"],
            Checks = { { Gcp.SqlInstance, NarrowAuthorizedNetworks } },
        },
        new ResourceRule
        {
            Id = "INF-DB-003",
            Title = "Database query, connection and audit logs exported",
            Description = "Connection and audit logs are how a breach is investigated: RDS/DocumentDB log exports, Cloud SQL PostgreSQL " +
                "log_connections/log_disconnections flags, Yandex PostgreSQL log settings and MongoDB audit log.",
            Help = "Export the engine's connection and audit logs.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_129", "CKV_AWS_85", "CKV_GCP_52", "CKV_GCP_53", "AVD-AWS-0020", "CIS GCP 6.2"],
            Checks =
            {
                {
                    [Aws.RdsInstance, Aws.RdsCluster], (r, c) => c.RequireSet(r["enabledCloudwatchLogsExports"], "no engine logs are exported",
                        "Set enabledCloudwatchLogsExports (postgresql; or audit, error, slowquery for MySQL).")
                },
                { Aws.DocDbCluster, DocDbAuditLogs },
                { Gcp.SqlInstance, CloudSqlLogFlags },
                { [Yandex.Postgresql, Yandex.PostgresqlV2], YandexPostgresLogs },
                {
                    Yandex.Mongodb, (r, c) => c.RequireSet(r.Get("clusterConfig.mongod.auditLog"), "MongoDB audit logging is off",
                        "Set clusterConfig.mongod.auditLog (filter).")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-DB-004",
            Title = "Minor versions upgraded automatically; current CA certificates",
            Description = "Automatic minor upgrades bring security fixes; rds-ca-2015 and rds-ca-2019 certificates have expired.",
            Help = "Keep autoMinorVersionUpgrade on and use a current CA (rds-ca-rsa2048-g1 or later).",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_226", "CKV_AWS_211", "CIS AWS 2.3.2"],
            Checks = { { [Aws.RdsInstance, Aws.RdsCluster, Aws.RdsClusterInstance], UpgradesAndCertificates } },
        },
        new ResourceRule
        {
            Id = "INF-DB-005",
            Title = "Database IAM authentication on (AWS)",
            Description = "IAM authentication replaces long-lived database passwords with short-lived tokens tied to roles.",
            Help = "Set iamDatabaseAuthenticationEnabled: true and grant rds-db:connect to the application role.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_161", "CKV_AWS_162", "AVD-AWS-0176"],
            Checks =
            {
                {
                    [Aws.RdsInstance, Aws.RdsCluster], (r, c) => c.RequireTrue(r["iamDatabaseAuthenticationEnabled"], false,
                        "only password authentication is possible", "Set iamDatabaseAuthenticationEnabled: true.")
                },
            },
        },
    ];

    private static void ParameterGroupForcesTls(PolicyResource group, RuleCheck c)
    {
        var family = group["family"];
        if (!c.Decidable(family) || family.AsString() is not { } name)
        {
            return;
        }

        var parameters = group["parameters"];
        if (!c.Decidable(parameters))
        {
            return;
        }

        if (name.Contains("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var defaultOn = name.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && Versions.Major(name) >= 15;
            RequireParameter(c, parameters, "rds.force_ssl", ["1"], defaultOn ? "1" : "0");
        }
        else if (name.Contains("mysql", StringComparison.OrdinalIgnoreCase) || name.Contains("mariadb", StringComparison.OrdinalIgnoreCase))
        {
            RequireParameter(c, parameters, "require_secure_transport", ["1", "ON", "true"], "OFF");
        }
    }

    private static void DocDbTls(PolicyResource group, RuleCheck c)
    {
        var parameters = group["parameters"];
        if (c.Decidable(parameters) && Parameter(parameters, "tls") is { } tls && c.Decidable(tls) &&
            string.Equals(tls.AsString(), "disabled", StringComparison.OrdinalIgnoreCase))
        {
            c.Violation(tls, "DocumentDB accepts connections without TLS", "Set the tls parameter to enabled (or remove it).");
        }
    }

    private static void RequireParameter(RuleCheck c, PropertyValue parameters, string name, string[] allowed, string engineDefault)
    {
        var value = Parameter(parameters, name);
        if (value is { } set && !c.Decidable(set))
        {
            return;
        }

        var actual = value is { } given ? Text(given.Node) ?? given.Display() : engineDefault;
        if (!allowed.Contains(actual, StringComparer.OrdinalIgnoreCase))
        {
            c.Violation(value ?? parameters, $"{name} is {actual}, so clients may connect without TLS",
                $"Add the parameter {{ name: {name}, value: \"{allowed[0]}\" }}.", shown: value is null ? $"(no {name}; the engine default is {engineDefault})" : null);
        }
    }

    private static PropertyValue? Parameter(PropertyValue parameters, string name) =>
        parameters.Items.Where(p => p["name"].AsString() == name).Select(p => (PropertyValue?)p["value"]).FirstOrDefault();

    private static void DefaultGroupForcesTls(PolicyResource database, RuleCheck c, PropertyValue engine, PropertyValue version,
        PropertyValue groupName, string groupType)
    {
        if (!c.Decidable(engine) || engine.AsString() is not { } name)
        {
            return;
        }

        var postgres = name.Contains("postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !name.Contains("mysql", StringComparison.OrdinalIgnoreCase) && !name.Contains("mariadb", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (groupName.IsAbsent)
        {
            var major = version.AsString() is { } text ? Versions.Major(text) : null;
            var defaultForces = name.Equals("postgres", StringComparison.OrdinalIgnoreCase) && (version.IsAbsent || major >= 15);
            if (!defaultForces)
            {
                c.Violation(groupName, $"the default parameter group of {name} does not force TLS",
                    $"Create a {groupType} that forces TLS and set {groupName.Path} to it.");
            }

            return;
        }

        if (!c.Program.RefersToAny(groupName, groupType, "name"))
        {
            c.On(database).CannotFind(groupType, $"{groupName.Path} = {groupName.Display()} names a parameter group that is not in the program");
        }
    }

    private static void NarrowAuthorizedNetworks(PolicyResource instance, RuleCheck c)
    {
        var networks = instance.Get("settings.ipConfiguration.authorizedNetworks");
        if (!c.Decidable(networks))
        {
            return;
        }

        foreach (var network in networks.Items)
        {
            var value = network["value"];
            if (c.Decidable(value) && value.AsString() is { } cidr && NetworkMath.PrefixLength(cidr) is < 16)
            {
                c.Violation(value, "the range admits a large part of the internet", "Authorize single addresses or small ranges (/24 or narrower).");
            }
        }
    }

    private static void DocDbAuditLogs(PolicyResource cluster, RuleCheck c)
    {
        var exports = cluster["enabledCloudwatchLogsExports"];
        if (c.Decidable(exports) && exports.AsStrings()?.Contains("audit") != true)
        {
            c.Violation(exports, "audit logs are not exported", "Add audit to enabledCloudwatchLogsExports (and audit_logs=enabled in the parameter group).");
        }
    }

    private static void CloudSqlLogFlags(PolicyResource instance, RuleCheck c)
    {
        if (instance["databaseVersion"].AsString()?.StartsWith("POSTGRES", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        var flags = instance["settings"]["databaseFlags"];
        if (!c.Decidable(flags))
        {
            return;
        }

        foreach (var flag in new[] { "log_connections", "log_disconnections" })
        {
            var value = flags.Items.Where(f => f["name"].AsString() == flag).Select(f => f["value"].AsString()).FirstOrDefault();
            if (!string.Equals(value, "on", StringComparison.OrdinalIgnoreCase))
            {
                c.Violation(PropertyValue.Derived(flags.Node, $"{flags.Path}[\"{flag}\"]"), $"the {flag} flag is not on",
                    $"Add {{ name: {flag}, value: \"on\" }} to settings.databaseFlags.", shown: value is null ? $"(no {flag} flag)" : $"\"{value}\"");
            }
        }
    }

    private static void YandexPostgresLogs(PolicyResource cluster, RuleCheck c)
    {
        var settings = cluster["config"]["postgresqlConfig"];
        if (!c.Decidable(settings))
        {
            return;
        }

        foreach (var key in new[] { "log_connections", "log_disconnections" })
        {
            var value = settings.Key(key);
            if (c.Decidable(value) && value.AsBool() != true)
            {
                c.Violation(value, $"{key} is not on", $"Set config.postgresqlConfig.{key}: \"true\".");
            }
        }
    }

    private static void UpgradesAndCertificates(PolicyResource database, RuleCheck c)
    {
        c.RequireTrue(database["autoMinorVersionUpgrade"], true, "minor versions with security fixes are not applied", "Set autoMinorVersionUpgrade: true.");
        var certificate = database.Is(Aws.RdsCluster) ? database["caCertificateIdentifier"] : database["caCertIdentifier"];
        if (c.Decidable(certificate) && certificate.AsString() is "rds-ca-2015" or "rds-ca-2019")
        {
            c.Violation(certificate, "the CA certificate has expired", $"Set {certificate.Path}: rds-ca-rsa2048-g1.");
        }
    }

    /// <summary>Parameter values are strings in the schema, but YAML authors often write numbers (<c>value: 1</c>).</summary>
    private static string? Text(Node? node) => node switch
    {
        StringNode s => s.Value,
        IntegerNode i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
