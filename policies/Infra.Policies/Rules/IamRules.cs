using Infra.Core.Values;

namespace Infra.Policies.Rules;

/// <summary>INF-IAM: administrator grants, public principals, trust policies and risky permissions.</summary>
internal static class IamRules
{
    private static readonly string[] AwsPolicies = [Aws.IamPolicy, Aws.IamRolePolicy];
    private static readonly string[] BasicGcpRoles = ["roles/owner", "roles/editor"];
    private static readonly string[] BasicYandexRoles = ["admin", "editor"];
    private static readonly string[] PublicMembers = ["allUsers", "allAuthenticatedUsers", "system:allUsers", "system:allAuthenticatedUsers"];

    private static readonly string[] EscalationActions =
    [
        "iam:PassRole", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachRolePolicy", "iam:AttachUserPolicy",
        "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:CreateAccessKey", "iam:UpdateAssumeRolePolicy", "iam:CreateLoginProfile",
    ];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-IAM-001",
            Title = "No full-admin grants or basic roles",
            Description = "Action \"*\" on Resource \"*\", the AdministratorAccess policy, GCP roles/owner and roles/editor, and Yandex " +
                "admin/editor grant everything; a single leaked credential then owns the account.",
            Help = "Grant the narrowest predefined or custom role the workload needs.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_62", "CKV_AWS_63", "CKV_GCP_117", "CKV_YC_13", "CKV_YC_23", "AVD-AWS-0057", "CIS AWS 1.4 1.16"],
            Checks =
            {
                { AwsPolicies, (r, c) => Statements(c, r["policy"], FullAdmin) },
                { Aws.IamRole, (r, c) => InlinePolicies(c, r, FullAdmin) },
                {
                    Aws.IamRolePolicyAttachment, (r, c) =>
                    {
                        var arn = r["policyArn"];
                        if (c.Decidable(arn) && arn.AsString() == "arn:aws:iam::aws:policy/AdministratorAccess")
                        {
                            c.Violation(arn, "the role gets full administrator access", "Attach a policy limited to the actions the role needs.");
                        }
                    }
                },
                { Gcp.ProjectIamMember, (r, c) => NotOneOf(c, r["role"], BasicGcpRoles, "basic roles grant nearly every permission in the project") },
                { Yandex.FolderIamMember, (r, c) => NotOneOf(c, r["role"], BasicYandexRoles, "primitive roles grant every permission in the folder") },
            },
        },
        new ResourceRule
        {
            Id = "INF-IAM-002",
            Title = "No public principals in IAM bindings",
            Description = "Binding a role to allUsers/allAuthenticatedUsers (GCP) or system:allUsers/system:allAuthenticatedUsers (Yandex) " +
                "gives it to anyone on the internet. Buckets, keys and AWS resource policies are judged by INF-OBJ-002, INF-KMS-002 and INF-IAM-003.",
            Help = "Bind roles to named users, groups or service accounts.",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_GCP_28", "CKV2_GCP_6"],
            Checks = { { [Gcp.ProjectIamMember, Gcp.ServiceAccountIamMember, Yandex.FolderIamMember], (r, c) => NotOneOf(c, r["member"], PublicMembers, "the role is granted to everyone") } },
        },
        new ResourceRule
        {
            Id = "INF-IAM-003",
            Title = "Role trust policies not open",
            Description = "A trust policy with Principal \"*\" and no condition lets any AWS account assume the role; a GitHub OIDC trust " +
                "without a condition on token.actions.githubusercontent.com:sub lets every repository on GitHub assume it.",
            Help = "Name the trusted principals; constrain OIDC trusts by subject (repo:org/repo:ref:refs/heads/main).",
            Severity = Severity.Critical,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_60", "CKV_AWS_61", "CKV_AWS_393"],
            Checks = { { Aws.IamRole, (r, c) => Statements(c, r["assumeRolePolicy"], OpenTrust) } },
        },
        new ResourceRule
        {
            Id = "INF-IAM-004",
            Title = "No service wildcards, escalation paths or long-lived keys",
            Description = "Service-wide wildcards (s3:*), privilege-escalation actions on Resource \"*\" (iam:PassRole, iam:PutRolePolicy…), " +
                "static access keys and passport (personal) accounts in folder bindings widen what a leak can do.",
            Help = "List specific actions and resources; use short-lived credentials and service accounts.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.Advisory,
            Anchors = ["CKV_AWS_355", "CKV_AWS_290", "CKV_AWS_289", "CKV_AWS_286", "CKV_YC_24"],
            Checks =
            {
                { AwsPolicies, (r, c) => Statements(c, r["policy"], BroadPermissions) },
                { Aws.IamRole, (r, c) => InlinePolicies(c, r, BroadPermissions) },
                {
                    Yandex.StaticAccessKey, (_, c) => c.Flag("<resource>", Yandex.StaticAccessKey, "a static access key never expires",
                        "Prefer IAM tokens or workload identity; if a key is unavoidable, store it in Lockbox (outputToLockbox) and rotate it.")
                },
                {
                    Yandex.FolderIamMember, (r, c) =>
                    {
                        var member = r["member"];
                        if ((KnownMemberKind(member) ?? (c.Decidable(member) ? member.AsString() : null))?.StartsWith("userAccount:", StringComparison.Ordinal) == true)
                        {
                            c.Violation(member, "a personal (passport) account is granted a role in code", "Grant roles to groups or service accounts.");
                        }
                    }
                },
            },
        },
    ];

    /// <summary>
    /// The literal start of a member written as <c>serviceAccount:${sa.id}</c>: only the id is unknown before deployment,
    /// the kind of member is not. Null for any other value.
    /// </summary>
    private static string? KnownMemberKind(PropertyValue member) =>
        member.Node is InterpolationNode { Parts: [StringNode { Value: var start }, ..] } && start.Contains(':', StringComparison.Ordinal) ? start : null;

    private static void Statements(RuleCheck c, PropertyValue policy, Action<RuleCheck, PolicyStatement> judge)
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
            judge(c, statement);
        }
    }

    private static void InlinePolicies(RuleCheck c, PolicyResource role, Action<RuleCheck, PolicyStatement> judge)
    {
        var inline = role["inlinePolicies"];
        if (!c.Decidable(inline))
        {
            return;
        }

        foreach (var policy in inline.Items)
        {
            Statements(c, policy["policy"], judge);
        }
    }

    private static void FullAdmin(RuleCheck c, PolicyStatement statement)
    {
        if (statement.Actions is null || statement.Resources is null)
        {
            if (statement.Actions?.Any(IsAllActions) != false)
            {
                c.CannotEvaluate(statement.At);
            }

            return;
        }

        if (statement.Actions.Any(IsAllActions) && statement.Resources.Contains("*"))
        {
            c.Violation(statement.At, "the statement allows every action on every resource", "List the actions and resources the principal needs.");
        }
    }

    private static bool IsAllActions(string action) => action is "*" or "*:*";

    private static void OpenTrust(RuleCheck c, PolicyStatement statement)
    {
        if (statement.Principals is null)
        {
            c.CannotEvaluate(statement.At);
            return;
        }

        if (statement.HasWildcardPrincipal && !statement.HasCondition)
        {
            c.Violation(statement.At, "any AWS principal may assume the role", "Name the trusted accounts, roles or services.");
        }

        var github = statement.Principals.Any(p => p.Kind == "Federated" && p.Value.Contains("token.actions.githubusercontent.com", StringComparison.Ordinal));
        var constrained = statement.Condition?.Entries.Any(op => op.Value is Infra.Core.Values.MapNode keys &&
            keys["token.actions.githubusercontent.com:sub"] is not null) == true;
        if (github && !constrained)
        {
            c.Violation(statement.Part("Condition"), "every GitHub repository's workflows may assume the role",
                "Add Condition: { StringLike: { \"token.actions.githubusercontent.com:sub\": \"repo:<org>/<repo>:ref:refs/heads/main\" } }.");
        }
    }

    private static void BroadPermissions(RuleCheck c, PolicyStatement statement)
    {
        if (statement.Actions is null)
        {
            c.CannotEvaluate(statement.At);
            return;
        }

        var wildcards = statement.Actions.Where(a => a.EndsWith(":*", StringComparison.Ordinal) && a != "*:*").ToArray();
        if (wildcards.Length > 0)
        {
            c.Violation(statement.Part("Action"), $"service-wide wildcard {string.Join(", ", wildcards)}", "List the specific actions.");
        }

        var onEverything = statement.Resources?.Contains("*") == true;
        var escalation = statement.Actions.Intersect(EscalationActions, StringComparer.OrdinalIgnoreCase).ToArray();
        if (onEverything && escalation.Length > 0)
        {
            c.Violation(statement.Part("Resource"), $"privilege-escalation action {string.Join(", ", escalation)} on Resource \"*\"",
                "Scope the resource to the specific roles or policies.");
        }
    }

    private static void NotOneOf(RuleCheck c, PropertyValue value, string[] forbidden, string problem)
    {
        if (Expressions.NamesResource(value.Node))
        {
            return;
        }

        if (c.Decidable(value) && value.AsString() is { } text && forbidden.Contains(text, StringComparer.Ordinal))
        {
            c.Violation(value, problem, "Grant a narrower predefined or custom role to named principals.");
        }
    }
}
