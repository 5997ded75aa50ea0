namespace Infra.Policies.Rules;

/// <summary>INF-OBJ: object storage buckets (S3, Cloud Storage, Yandex Object Storage).</summary>
internal static class StorageRules
{
    private static readonly string[] PublicAcls = ["public-read", "public-read-write", "authenticated-read"];
    private static readonly string[] PublicMembers = ["allUsers", "allAuthenticatedUsers"];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-OBJ-001",
            Title = "Public access blocked on every bucket",
            Description = "AWS: every bucket needs an aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock with all four switches on. " +
                "GCP: publicAccessPrevention enforced. Yandex: no anonymous read, list or config read. Deliberate public hosting needs an exemption.",
            Help = "Block public access on the bucket; serve public content through a CDN with origin access control.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6", "CKV_GCP_114", "CIS AWS 1.4 2.1.5"],
            Checks =
            {
                { Aws.Buckets, (r, c) => RequireCompanion(r, c, [Aws.BucketPublicAccessBlock], "public access is not blocked", "with all four switches true") },
                { Aws.BucketPublicAccessBlock, PublicAccessBlockComplete },
                {
                    Gcp.Bucket, (r, c) => c.RequireOneOf(r["publicAccessPrevention"], ["enforced"], "inherited",
                        "the bucket can be made public", "Set publicAccessPrevention: enforced.")
                },
                { Yandex.StorageBucket, NoAnonymousAccess },
            },
        },
        new ResourceRule
        {
            Id = "INF-OBJ-002",
            Title = "No public ACLs or all-users grants on buckets",
            Description = "Canned ACLs public-read, public-read-write, authenticated-read, AllUsers/AuthenticatedUsers grants, and IAM " +
                "bindings to allUsers/allAuthenticatedUsers publish the bucket.",
            Help = "Remove the public ACL or binding; grant access to named principals only.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_20", "CKV_AWS_57", "CKV_GCP_28", "CKV_YC_17", "AVD-AWS-0092", "AVD-GCP-0001"],
            Checks =
            {
                { [Aws.BucketAcl, Aws.BucketAclV2], (r, c) => { NoPublicAcl(c, r["acl"]); NoPublicGrants(c, r.Get("accessControlPolicy.grants"), "grantee"); } },
                { [.. Aws.Buckets, Yandex.StorageBucket], (r, c) => { NoPublicAcl(c, r["acl"]); NoPublicGrants(c, r["grants"], null); } },
                { Gcp.BucketIamMember, (r, c) => NoPublicMember(c, r["member"]) },
                { Gcp.BucketIamBinding, BindingHasNoPublicMembers },
            },
        },
        new ResourceRule
        {
            Id = "INF-OBJ-003",
            Title = "Bucket policies grant nothing to everyone; TLS required in production",
            Description = "An Allow statement with Principal \"*\" and no restricting condition makes the bucket public (mandatory). " +
                "In production, S3 policies should deny requests without TLS (aws:SecureTransport = false) (advisory).",
            Help = "Name the principals in the policy, or add a condition that restricts them; add a Deny on aws:SecureTransport false.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            EnforcementNote = "M (wildcard principal); prod: A (TLS-only)",
            Anchors = ["CKV_AWS_70", "CIS AWS 1.4 2.1.2"],
            Checks =
            {
                { Aws.BucketPolicy, (r, c) => BucketPolicy(c, r["policy"], requireTls: true) },
                { Aws.Buckets, (r, c) => BucketPolicy(c, r["policy"], requireTls: !r["policy"].IsAbsent) },
                { Yandex.StorageBucket, (r, c) => BucketPolicy(c, r["policy"], requireTls: false) },
            },
        },
        new ResourceRule
        {
            Id = "INF-OBJ-004",
            Title = "Bucket default encryption with KMS",
            Description = "Objects should be encrypted with a KMS key (a customer-managed key in production). AWS and GCP encrypt with " +
                "provider keys anyway (advisory); Yandex buckets are not KMS-encrypted unless configured (mandatory in production).",
            Help = "Configure default server-side encryption with a KMS key.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Advisory,
            EnforcementNote = "A (AWS, GCP); prod: M (Yandex); customer-managed key in prod",
            Anchors = ["CKV_AWS_19", "CKV_AWS_145", "CKV_YC_3", "AVD-AWS-0088", "AVD-GCP-0066", "CIS AWS 1.4 2.1.1"],
            Checks =
            {
                { Aws.Bucket, (r, c) => AwsEncryption(r, c, r.Get("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault")) },
                { Aws.BucketV2, (r, c) => AwsEncryption(r, c, r.Get("serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0]")) },
                { [Aws.BucketEncryption, Aws.BucketEncryptionV2], AwsEncryptionRules },
                { Gcp.Bucket, (r, c) => c.RequireSet(r["encryption"]["defaultKmsKeyName"], "objects are encrypted with Google-managed keys", "Set encryption.defaultKmsKeyName.") },
                { Yandex.StorageBucket, YandexEncryption },
            },
        },
        new ResourceRule
        {
            Id = "INF-OBJ-005",
            Title = "Versioning on for data buckets",
            Description = "Versioning lets deleted or overwritten objects be recovered (and ransomware be undone).",
            Help = "Enable versioning (with a lifecycle rule for old versions).",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV_AWS_21", "CKV_GCP_78", "AVD-AWS-0090"],
            Checks =
            {
                { Aws.Bucket, (r, c) => AwsVersioning(r, c, r["versioning"]["enabled"]) },
                { Aws.BucketV2, (r, c) => AwsVersioning(r, c, r.Get("versionings[0].enabled")) },
                {
                    [Aws.BucketVersioning, Aws.BucketVersioningV2], (r, c) => c.RequireOneOf(r.Get("versioningConfiguration.status"), ["Enabled"], null,
                        "versioning is not enabled", "Set versioningConfiguration.status: Enabled.")
                },
                { [Gcp.Bucket, Yandex.StorageBucket], (r, c) => c.RequireTrue(r["versioning"]["enabled"], false, "versioning is off", "Set versioning.enabled: true.") },
            },
        },
        new ResourceRule
        {
            Id = "INF-OBJ-006",
            Title = "Object ACLs disabled (uniform bucket-level access)",
            Description = "Per-object ACLs let single objects become public; S3 BucketOwnerEnforced and GCS uniform bucket-level access turn them off.",
            Help = "Use BucketOwnerEnforced (S3) or uniformBucketLevelAccess: true (GCS).",
            Severity = Severity.Low,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV2_AWS_65", "CKV_GCP_29", "AVD-GCP-0002", "CIS GCP 5.2"],
            Checks =
            {
                {
                    Aws.BucketOwnershipControls, (r, c) => c.RequireOneOf(r.Get("rule.objectOwnership"), ["BucketOwnerEnforced"], null,
                        "object ACLs are honoured", "Set rule.objectOwnership: BucketOwnerEnforced.")
                },
                {
                    Gcp.Bucket, (r, c) => c.RequireTrue(r["uniformBucketLevelAccess"], false, "object ACLs are honoured",
                        "Set uniformBucketLevelAccess: true.")
                },
            },
        },
    ];

    /// <summary>S3 companion resources (public access block, versioning, encryption, logging) attached to a bucket.</summary>
    internal static PolicyResource[] Companions(PolicyResource bucket, RuleCheck c, IEnumerable<string> types) =>
        types.SelectMany(t => c.Program.Referencing(bucket, t, "bucket", bucket["bucket"].AsString())).ToArray();

    /// <summary>Reports a missing companion, or "cannot tell" when some companion's bucket is an expression.</summary>
    internal static bool RequireCompanion(PolicyResource bucket, RuleCheck c, string[] types, string problem, string how,
        Enforcement? enforcement = null)
    {
        if (Companions(bucket, c, types).Length > 0)
        {
            return true;
        }

        if (types.Any(t => c.Program.References(t, "bucket").HasUnresolved))
        {
            c.CannotFind(types[0], "a companion's bucket is an expression that may name this bucket", enforcement: enforcement);
        }
        else
        {
            c.Missing(types[0], problem, $"Add a {types[0]} with bucket: ${{{bucket.Key}.id}} {how}.", enforcement);
        }

        return false;
    }

    private static void PublicAccessBlockComplete(PolicyResource block, RuleCheck c)
    {
        foreach (var flag in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
        {
            c.RequireTrue(block[flag], false, "this part of public access is not blocked", $"Set {flag}: true.");
        }
    }

    private static void NoAnonymousAccess(PolicyResource bucket, RuleCheck c)
    {
        foreach (var flag in new[] { "read", "list", "configRead" })
        {
            c.RequireNotTrue(bucket["anonymousAccessFlags"][flag], false, "anonymous users can access the bucket",
                $"Set anonymousAccessFlags.{flag}: false.");
        }
    }

    private static void NoPublicAcl(RuleCheck c, PropertyValue acl)
    {
        if (c.Decidable(acl) && acl.AsString() is { } canned && PublicAcls.Contains(canned, StringComparer.OrdinalIgnoreCase))
        {
            c.Violation(acl, "the canned ACL publishes the bucket", "Remove the ACL (private is the default).");
        }
    }

    private static void NoPublicGrants(RuleCheck c, PropertyValue grants, string? granteeProperty)
    {
        if (!c.Decidable(grants))
        {
            return;
        }

        foreach (var grant in grants.Items)
        {
            var uri = granteeProperty is null ? grant["uri"] : grant[granteeProperty]["uri"];
            if (c.Decidable(uri) && uri.AsString() is { } text &&
                (text.EndsWith("/AllUsers", StringComparison.Ordinal) || text.EndsWith("/AuthenticatedUsers", StringComparison.Ordinal)))
            {
                c.Violation(uri, "the grant gives every (authenticated) user access", "Grant access to named accounts only.");
            }
        }
    }

    internal static void NoPublicMember(RuleCheck c, PropertyValue member)
    {
        if (Expressions.NamesResource(member.Node))
        {
            return;
        }

        if (c.Decidable(member) && member.AsString() is { } text && PublicMembers.Contains(text, StringComparer.Ordinal))
        {
            c.Violation(member, "the binding grants the role to everyone", "Bind the role to named users, groups or service accounts.");
        }
    }

    private static void BindingHasNoPublicMembers(PolicyResource binding, RuleCheck c)
    {
        var members = binding["members"];
        if (!c.Decidable(members))
        {
            return;
        }

        foreach (var member in members.Items)
        {
            NoPublicMember(c, member);
        }
    }

    private static void BucketPolicy(RuleCheck c, PropertyValue policy, bool requireTls)
    {
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
                c.Violation(statement.At, "the statement allows everyone (Principal \"*\") without a condition",
                    "Name the principals (e.g. the CloudFront distribution) or add a restricting Condition.");
            }
        }

        if (requireTls && !statements.Any(DeniesInsecureTransport))
        {
            c.Violation(policy, "requests without TLS are not denied",
                "Add { Effect: Deny, Principal: \"*\", Action: \"s3:*\", Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
                Enforcement.AdvisoryInProduction, "(no Deny on aws:SecureTransport = false)");
        }
    }

    private static bool DeniesInsecureTransport(PolicyStatement statement) =>
        !statement.IsAllow && statement.Condition?["Bool"] is Infra.Core.Values.MapNode condition &&
        PropertyValue.Derived(condition["aws:SecureTransport"], "").AsBool() == false;

    private static void AwsEncryption(PolicyResource bucket, RuleCheck c, PropertyValue inline)
    {
        if (!inline.IsAbsent)
        {
            KmsDefault(c, inline);
            return;
        }

        RequireCompanion(bucket, c, [Aws.BucketEncryption, Aws.BucketEncryptionV2], "objects are encrypted with S3-managed keys (SSE-S3), not KMS",
            "whose rule applies sseAlgorithm aws:kms with kmsMasterKeyId");
    }

    private static void AwsEncryptionRules(PolicyResource configuration, RuleCheck c)
    {
        var rules = configuration["rules"];
        if (!c.Decidable(rules))
        {
            return;
        }

        foreach (var rule in rules.Items)
        {
            var apply = configuration.Is(Aws.BucketEncryption) ? rule["applyServerSideEncryptionByDefault"] : rule["applyServerSideEncryptionByDefaults"][0];
            KmsDefault(c, apply);
        }
    }

    private static void KmsDefault(RuleCheck c, PropertyValue apply, Enforcement? enforcement = null)
    {
        var algorithm = apply["sseAlgorithm"];
        c.RequireOneOf(algorithm, ["aws:kms", "aws:kms:dsse"], null, "objects are not encrypted with KMS", $"Set {algorithm.Path}: aws:kms.", enforcement);
        if (algorithm.AsString()?.StartsWith("aws:kms", StringComparison.OrdinalIgnoreCase) == true)
        {
            c.RequireSet(apply["kmsMasterKeyId"], "objects are encrypted with the provider's default KMS key, not a customer-managed one",
                $"Set {apply.Path}.kmsMasterKeyId.", enforcement ?? Enforcement.AdvisoryInProduction);
        }
    }

    private static void YandexEncryption(PolicyResource bucket, RuleCheck c) =>
        KmsDefault(c, bucket.Get("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault"), Enforcement.MandatoryInProduction);

    private static void AwsVersioning(PolicyResource bucket, RuleCheck c, PropertyValue inline)
    {
        if (!inline.IsAbsent)
        {
            c.RequireTrue(inline, false, "versioning is off", $"Set {inline.Path}: true.");
            return;
        }

        RequireCompanion(bucket, c, [Aws.BucketVersioning, Aws.BucketVersioningV2], "versioning is off", "and versioningConfiguration.status: Enabled");
    }
}
