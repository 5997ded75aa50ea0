namespace Infra.Policies.Rules;

/// <summary>INF-LOG: audit trails, log retention and access logs.</summary>
internal static class LoggingRules
{
    public static IEnumerable<PolicyRule> All =>
    [
        new StackRule
        {
            Id = "INF-LOG-001",
            Title = "Account audit trail on",
            Description = "Each cloud the stack uses needs an audit trail: AWS CloudTrail (multi-region, log file validation, KMS), " +
                "GCP IAM audit config, Yandex Audit Trails. It often lives in a landing-zone stack, so a missing trail is a warning.",
            Help = "Add the audit trail here, or exempt the stack and name the stack that owns it.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.AdvisoryInProduction,
            Anchors = ["CKV_AWS_67", "CKV_AWS_36", "CKV_AWS_35", "CKV2_GCP_5", "CIS AWS 1.4 3.1", "CIS AWS 1.4 3.2", "CIS AWS 1.4 3.7"],
            AppliesTo = ["aws", "gcp", "yandex"],
            Check = AuditTrails,
        },
        new ResourceRule
        {
            Id = "INF-LOG-002",
            Title = "Log retention set and logs encrypted",
            Description = "Production logs are kept at least parameters.minLogRetentionDays days (365 by default; a Yandex log group keeps " +
                "3 days unless told otherwise) and CloudWatch log groups are encrypted with KMS.",
            Help = "Set the retention and a KMS key on log groups.",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_158", "CKV_AWS_338"],
            Checks =
            {
                { Aws.LogGroup, LogGroup },
                { Yandex.LoggingGroup, YandexRetention },
            },
        },
        new ResourceRule
        {
            Id = "INF-LOG-003",
            Title = "Access logs for buckets, load balancers and CDNs in production",
            Description = "Access logs show who read what. Buckets that receive logs are not required to log themselves.",
            Help = "Turn on access logging to a dedicated log bucket or log group.",
            Severity = Severity.Low,
            Enforcement = Enforcement.AdvisoryInProduction,
            Anchors = ["CKV_AWS_18", "CKV_AWS_91", "CKV_AWS_86", "CKV_GCP_62", "CIS AWS 1.4 3.6", "awsguard:s3-bucket-logging-enabled"],
            Checks =
            {
                { Aws.Bucket, (r, c) => AwsBucketLogging(r, c, r["logging"]["targetBucket"]) },
                { Aws.BucketV2, (r, c) => AwsBucketLogging(r, c, r.Get("loggings[0].targetBucket")) },
                { Aws.LoadBalancer, (r, c) => c.RequireTrue(r["accessLogs"]["enabled"], false, "requests are not logged", "Set accessLogs: { bucket: …, enabled: true }.") },
                { Aws.CloudFrontDistribution, (r, c) => c.RequireSet(r["loggingConfig"]["bucket"], "requests are not logged", "Set loggingConfig.bucket.") },
                {
                    Gcp.Bucket, (r, c) =>
                    {
                        if (!IsLogTarget(r, c))
                        {
                            c.RequireSet(r["logging"]["logBucket"], "reads and writes are not logged", "Set logging.logBucket.");
                        }
                    }
                },
                { Gcp.BackendService, (r, c) => c.RequireTrue(r["logConfig"]["enable"], false, "requests are not logged", "Set logConfig: { enable: true }.") },
                {
                    Yandex.StorageBucket, (r, c) =>
                    {
                        if (!IsLogTarget(r, c))
                        {
                            c.RequireSet(r["loggings"], "reads and writes are not logged", "Set loggings: [{ targetBucket: … }].");
                        }
                    }
                },
                {
                    Yandex.AlbLoadBalancer, (r, c) => c.RequireNotTrue(r["logOptions"]["disable"], false, "requests are not logged",
                        "Remove logOptions.disable (and set logOptions.logGroupId).")
                },
            },
        },
    ];

    private static void AuditTrails(PolicyProgram program, RuleCheck c)
    {
        var packages = program.Resources.Where(r => !r.IsRead).Select(r => r.Package).ToHashSet(StringComparer.Ordinal);
        var stack = c.On(null);
        if (packages.Contains("aws"))
        {
            var trails = program.OfType(Aws.CloudTrail).ToArray();
            if (trails.Length == 0)
            {
                stack.Missing(Aws.CloudTrail, "the stack deploys to AWS and has no CloudTrail trail",
                    "Add a multi-region trail with log file validation and a KMS key, or exempt the stack naming the stack that owns the trail.");
            }

            foreach (var trail in trails)
            {
                var check = c.On(trail);
                check.RequireTrue(trail["isMultiRegionTrail"], false, "only one region is audited", "Set isMultiRegionTrail: true.");
                check.RequireTrue(trail["enableLogFileValidation"], false, "log files can be altered undetected", "Set enableLogFileValidation: true.");
                check.RequireSet(trail["kmsKeyId"], "trail logs are not encrypted with KMS", "Set kmsKeyId.");
                check.RequireTrue(trail["enableLogging"], true, "the trail is switched off", "Remove enableLogging: false.");
            }
        }

        if (packages.Contains("gcp") && !program.OfType(Gcp.IamAuditConfig).Any())
        {
            stack.Missing(Gcp.IamAuditConfig, "the stack deploys to Google Cloud and configures no data-access audit logs",
                "Add an IAMAuditConfig for allServices with ADMIN_READ, DATA_READ and DATA_WRITE, or exempt the stack.");
        }

        if (packages.Contains("yandex") && !program.OfType(Yandex.AuditTrail).Any())
        {
            stack.Missing(Yandex.AuditTrail, "the stack deploys to Yandex Cloud and has no audit trail",
                "Add a yandex_audit_trails_trail for the folder or cloud, or exempt the stack.");
        }
    }

    private static void LogGroup(PolicyResource group, RuleCheck c)
    {
        c.RequireSet(group["kmsKeyId"], "log events are encrypted with a service key, not KMS", "Set kmsKeyId.");
        var days = group["retentionInDays"];
        if (c.IsProduction && c.Decidable(days) && days.AsInteger() is > 0 and var kept && kept < c.Parameters.MinLogRetentionDays)
        {
            c.Violation(days, $"logs are kept {kept} days, fewer than {c.Parameters.MinLogRetentionDays}",
                $"Set retentionInDays: {c.Parameters.MinLogRetentionDays} or more.");
        }
    }

    private static void YandexRetention(PolicyResource group, RuleCheck c)
    {
        var period = group["retentionPeriod"];
        if (!c.IsProduction || !c.Decidable(period))
        {
            return;
        }

        var kept = period.IsAbsent ? TimeSpan.FromHours(72) : period.AsString() is { } text ? GoDurations.Parse(text) : null;
        if (kept is { } span && span.TotalDays < c.Parameters.MinLogRetentionDays)
        {
            c.Violation(period, $"logs are kept {span.TotalDays:0.#} days, fewer than {c.Parameters.MinLogRetentionDays}",
                $"Set retentionPeriod: \"{c.Parameters.MinLogRetentionDays * 24}h\".", shown: period.IsAbsent ? "(not set; defaults to 72h)" : null);
        }
    }

    private static void AwsBucketLogging(PolicyResource bucket, RuleCheck c, PropertyValue inline)
    {
        if (!inline.IsAbsent || IsLogTarget(bucket, c))
        {
            return;
        }

        StorageRules.RequireCompanion(bucket, c, [Aws.BucketLogging, Aws.BucketLoggingV2], "reads and writes are not logged",
            "and a targetBucket for the logs");
    }

    /// <summary>True when some other resource sends its logs to this bucket (log buckets need not log themselves).</summary>
    private static bool IsLogTarget(PolicyResource bucket, RuleCheck c)
    {
        var name = (bucket.Is(Gcp.Bucket) ? bucket["name"] : bucket["bucket"]).AsString();
        var program = c.Program;
        IEnumerable<PropertyValue> targets =
        [
            .. program.OfType(Aws.BucketLogging, Aws.BucketLoggingV2).Select(r => r["targetBucket"]),
            .. program.OfType(Aws.Bucket).Select(r => r["logging"]["targetBucket"]),
            .. program.OfType(Aws.BucketV2).SelectMany(r => r["loggings"].Items.Select(l => l["targetBucket"])),
            .. program.OfType(Aws.LoadBalancer).Select(r => r["accessLogs"]["bucket"]),
            .. program.OfType(Aws.CloudFrontDistribution).Select(r => r["loggingConfig"]["bucket"]),
            .. program.OfType(Gcp.Bucket).Select(r => r["logging"]["logBucket"]),
            .. program.OfType(Yandex.StorageBucket).SelectMany(r => r["loggings"].Items.Select(l => l["targetBucket"])),
        ];
        return targets.Any(t => PolicyProgram.RefersTo(t, bucket, name));
    }
}
