namespace Infra.Policies.Rules;

/// <summary>INF-KMS: key rotation, key policies and key deletion.</summary>
internal static class KmsRules
{
    private static readonly TimeSpan MaxGcpRotation = TimeSpan.FromDays(90);

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-KMS-001",
            Title = "Automatic rotation on symmetric keys",
            Description = "Symmetric keys must rotate automatically (AWS at most yearly, GCP at most every 90 days, Yandex at any period). " +
                "Asymmetric, HMAC, imported and external keys are not judged.",
            Help = "Turn on automatic key rotation.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_7", "CKV_GCP_43", "CKV_YC_9", "AVD-AWS-0065", "AVD-GCP-0065", "CIS AWS 1.4 3.8", "CIS GCP 1.10"],
            Checks =
            {
                { Aws.KmsKey, AwsRotation },
                { Gcp.CryptoKey, GcpRotation },
                {
                    Yandex.KmsSymmetricKey, (r, c) => c.RequireSet(r["rotationPeriod"], "the key never rotates",
                        "Set rotationPeriod (e.g. \"8760h\").")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-KMS-002",
            Title = "Key policies grant nothing to everyone; keys protected from deletion",
            Description = "A key policy or IAM binding open to everyone, or a bypassed lockout safety check, hands the key away (mandatory). " +
                "In production, AWS keys keep a deletion window of at least 7 days and Yandex keys have deletion protection (advisory).",
            Help = "Name the principals that may use the key; keep the lockout check; protect production keys from deletion.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M (public principal, lockout bypass); prod: A (deletion window, deletion protection)",
            Anchors = ["CKV_AWS_33", "CKV2_GCP_6", "CKV_GCP_112"],
            Checks =
            {
                {
                    Aws.KmsKey, (r, c) =>
                    {
                        KeyPolicy(r, c);
                        var window = r["deletionWindowInDays"];
                        if (c.Decidable(window, Enforcement.AdvisoryInProduction) && window.AsInteger() is < 7)
                        {
                            c.Violation(window, "a deleted key is destroyed too soon to recover from a mistake", "Set deletionWindowInDays: 30.",
                                Enforcement.AdvisoryInProduction);
                        }
                    }
                },
                { Aws.KmsKeyPolicy, KeyPolicy },
                { Gcp.CryptoKeyIamMember, (r, c) => StorageRules.NoPublicMember(c, r["member"]) },
                {
                    Yandex.KmsSymmetricKey, (r, c) => c.RequireTrue(r["deletionProtection"], false, "the key can be deleted by mistake",
                        "Set deletionProtection: true.", Enforcement.AdvisoryInProduction)
                },
            },
        },
    ];

    private static void AwsRotation(PolicyResource key, RuleCheck c)
    {
        var spec = key["customerMasterKeySpec"].AsString();
        var external = !key["customKeyStoreId"].IsAbsent || !key["xksKeyId"].IsAbsent;
        if ((spec is not null && spec != "SYMMETRIC_DEFAULT") || key["keyUsage"].AsString() == "GENERATE_VERIFY_MAC" || external)
        {
            return;
        }

        c.RequireTrue(key["enableKeyRotation"], false, "the key never rotates", "Set enableKeyRotation: true.");
        var period = key["rotationPeriodInDays"];
        if (c.Decidable(period) && period.AsInteger() is > 365)
        {
            c.Violation(period, "the key rotates less than once a year", "Set rotationPeriodInDays: 365 or less.");
        }
    }

    private static void GcpRotation(PolicyResource key, RuleCheck c)
    {
        if ((key["purpose"].AsString() ?? "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT" || key["importOnly"].AsBool() == true)
        {
            return;
        }

        var period = key["rotationPeriod"];
        if (!c.Decidable(period))
        {
            return;
        }

        if (period.IsAbsent)
        {
            c.Violation(period, "the key never rotates", "Set rotationPeriod: \"7776000s\" (90 days).");
        }
        else if (period.AsString() is { } text && GoDurations.Parse(text) is { } span && span > MaxGcpRotation)
        {
            c.Violation(period, "the key rotates less often than every 90 days", "Set rotationPeriod: \"7776000s\" or less.");
        }
    }

    private static void KeyPolicy(PolicyResource key, RuleCheck c)
    {
        c.RequireNotTrue(key["bypassPolicyLockoutSafetyCheck"], false, "the lockout safety check is bypassed, so the policy can lock everyone out",
            "Remove bypassPolicyLockoutSafetyCheck.");
        var policy = key["policy"];
        if (policy.IsAbsent)
        {
            return;
        }

        if (PolicyDocuments.Read(policy) is not { } statements)
        {
            c.CannotEvaluate(policy);
            return;
        }

        foreach (var statement in statements.Where(s => s.IsAllow))
        {
            if (statement.Principals is null)
            {
                c.CannotEvaluate(statement.At);
            }
            else if (statement.HasWildcardPrincipal && !statement.HasCondition)
            {
                c.Violation(statement.At, "the key policy lets everyone (Principal \"*\") use the key", "Name the account or roles allowed to use the key.");
            }
        }
    }
}
