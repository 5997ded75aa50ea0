using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

/// <summary>KMS, IAM and logging fixtures.</summary>
internal static class GovernanceCases
{
    private const string AdminPolicy = """'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'""";

    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-KMS-001", "aws", "rotation on", """
            key:
              type: aws:kms/key:Key
              properties: { enableKeyRotation: true }
            """),
        Pass("INF-KMS-001", "aws", "an asymmetric signing key (not rotatable)", """
            key:
              type: aws:kms/key:Key
              properties: { customerMasterKeySpec: RSA_2048, keyUsage: SIGN_VERIFY }
            """),
        Fail("INF-KMS-001", "aws", "rotation omitted (defaults to off)", """
            key:
              type: aws:kms/key:Key
              properties: { description: data }
            """, "enableKeyRotation"),
        Pass("INF-KMS-001", "gcp", "rotation every 90 days", """
            key:
              type: gcp:kms/cryptoKey:CryptoKey
              properties: { keyRing: "${ring.id}", rotationPeriod: 7776000s }
            """),
        Fail("INF-KMS-001", "gcp", "no rotation", """
            key:
              type: gcp:kms/cryptoKey:CryptoKey
              properties: { keyRing: "${ring.id}" }
            """, "rotationPeriod"),
        Fail("INF-KMS-001", "gcp", "rotation once a year", """
            key:
              type: gcp:kms/cryptoKey:CryptoKey
              properties: { keyRing: "${ring.id}", rotationPeriod: 31536000s }
            """, "rotationPeriod"),
        Pass("INF-KMS-001", "yandex", "yearly rotation", """
            key:
              type: yandex:index/kmsSymmetricKey:KmsSymmetricKey
              properties: { rotationPeriod: 8760h }
            """),
        Fail("INF-KMS-001", "yandex", "no rotation", """
            key:
              type: yandex:index/kmsSymmetricKey:KmsSymmetricKey
              properties: { defaultAlgorithm: AES_256 }
            """, "rotationPeriod"),

        Pass("INF-KMS-002", "aws", "a key policy naming the account", """
            key:
              type: aws:kms/key:Key
              properties: { enableKeyRotation: true, policy: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}]}' }
            """),
        Pass("INF-KMS-002", "aws", "a key policy naming the account found at deploy time", """
            key:
              type: aws:kms/key:Key
              properties:
                policy:
                  fn::toJSON:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: "arn:aws:iam::${account.accountId}:root" }
                        Action: "kms:*"
                        Resource: "*"
            """),
        Fail("INF-KMS-002", "aws", "the lockout safety check bypassed", """
            key:
              type: aws:kms/key:Key
              properties: { bypassPolicyLockoutSafetyCheck: true }
            """, "bypassPolicyLockoutSafetyCheck"),
        Fail("INF-KMS-002", "aws", "a key policy open to everyone", """
            policy:
              type: aws:kms/keyPolicy:KeyPolicy
              properties: { keyId: "${key.id}", policy: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}]}' }
            """, "policy.Statement[0]"),
        Pass("INF-KMS-002", "gcp", "a named key user", """
            user:
              type: gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember
              properties: { cryptoKeyId: "${key.id}", role: roles/cloudkms.cryptoKeyEncrypterDecrypter, member: "serviceAccount:app@p.iam.gserviceaccount.com" }
            """),
        Fail("INF-KMS-002", "gcp", "the key granted to allUsers", """
            user:
              type: gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember
              properties: { cryptoKeyId: "${key.id}", role: roles/cloudkms.cryptoKeyDecrypter, member: allUsers }
            """, "member"),
        Pass("INF-KMS-002", "yandex", "deletion protection on", """
            key:
              type: yandex:index/kmsSymmetricKey:KmsSymmetricKey
              properties: { rotationPeriod: 8760h, deletionProtection: true }
            """),
        Fail("INF-KMS-002", "yandex", "deletion protection omitted in production", """
            key:
              type: yandex:index/kmsSymmetricKey:KmsSymmetricKey
              properties: { rotationPeriod: 8760h }
            """, "deletionProtection"),

        Pass("INF-IAM-001", "aws", "a scoped policy", """
            read:
              type: aws:iam/policy:Policy
              properties: { policy: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::data/*"}]}' }
            """),
        Fail("INF-IAM-001", "aws", "Action * on Resource *", $"""
            admin:
              type: aws:iam/policy:Policy
              properties: {"{"} policy: {AdminPolicy} {"}"}
            """, "policy.Statement[0]"),
        Fail("INF-IAM-001", "aws", "an inline admin policy on a role", $"""
            role:
              type: aws:iam/role:Role
              properties: {"{"} assumeRolePolicy: '{"{"}"Statement": []{"}"}', inlinePolicies: [{"{"} name: all, policy: {AdminPolicy} {"}"}] {"}"}
            """, "inlinePolicies[0].policy.Statement[0]"),
        Fail("INF-IAM-001", "aws", "AdministratorAccess attached", """
            attach:
              type: aws:iam/rolePolicyAttachment:RolePolicyAttachment
              properties: { role: "${role.name}", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }
            """, "policyArn"),
        Pass("INF-IAM-001", "gcp", "a predefined role", """
            member:
              type: gcp:projects/iAMMember:IAMMember
              properties: { project: p, role: roles/cloudsql.client, member: "serviceAccount:app@p.iam.gserviceaccount.com" }
            """),
        Fail("INF-IAM-001", "gcp", "roles/editor", """
            member:
              type: gcp:projects/iAMMember:IAMMember
              properties: { project: p, role: roles/editor, member: "serviceAccount:app@p.iam.gserviceaccount.com" }
            """, "role"),
        Pass("INF-IAM-001", "yandex", "a service role", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "serviceAccount:aje1" }
            """),
        Fail("INF-IAM-001", "yandex", "admin on the folder", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: admin, member: "serviceAccount:aje1" }
            """, "role"),

        Pass("INF-IAM-002", "gcp", "a service account member", """
            member:
              type: gcp:serviceaccount/iAMMember:IAMMember
              properties: { serviceAccountId: "${sa.name}", role: roles/iam.workloadIdentityUser, member: "serviceAccount:p.svc.id.goog[ns/app]" }
            """),
        Fail("INF-IAM-002", "gcp", "a project role for allUsers", """
            member:
              type: gcp:projects/iAMMember:IAMMember
              properties: { project: p, role: roles/viewer, member: allUsers }
            """, "member"),
        Fail("INF-IAM-002", "gcp", "impersonation open to allAuthenticatedUsers", """
            member:
              type: gcp:serviceaccount/iAMMember:IAMMember
              properties: { serviceAccountId: "${sa.name}", role: roles/iam.serviceAccountTokenCreator, member: allAuthenticatedUsers }
            """, "member"),
        Pass("INF-IAM-002", "yandex", "a service account member", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "serviceAccount:aje1" }
            """),
        Fail("INF-IAM-002", "yandex", "system:allUsers", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "system:allUsers" }
            """, "member"),

        Pass("INF-IAM-003", "aws", "a service trust", """
            role:
              type: aws:iam/role:Role
              properties: { assumeRolePolicy: '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}' }
            """),
        Pass("INF-IAM-003", "aws", "a GitHub trust limited to one repository", """
            role:
              type: aws:iam/role:Role
              properties:
                assumeRolePolicy:
                  fn::toJSON:
                    Statement:
                      - Effect: Allow
                        Principal: { Federated: "${github.arn}" }
                        Action: sts:AssumeRoleWithWebIdentity
                        Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/infra:ref:refs/heads/main" } }
            github:
              type: aws:iam/openIdConnectProvider:OpenIdConnectProvider
              properties: { url: "https://token.actions.githubusercontent.com", clientIdLists: [sts.amazonaws.com] }
            """),
        Fail("INF-IAM-003", "aws", "any AWS principal", """
            role:
              type: aws:iam/role:Role
              properties: { assumeRolePolicy: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}' }
            """, "assumeRolePolicy.Statement[0]"),
        Fail("INF-IAM-003", "aws", "a GitHub trust without a subject condition", """
            role:
              type: aws:iam/role:Role
              properties: { assumeRolePolicy: '{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}' }
            """, "assumeRolePolicy.Statement[0].Condition"),

        Pass("INF-IAM-004", "aws", "specific actions", """
            read:
              type: aws:iam/rolePolicy:RolePolicy
              properties: { role: r, policy: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}]}' }
            """),
        Fail("INF-IAM-004", "aws", "a service wildcard", """
            all:
              type: aws:iam/policy:Policy
              properties: { policy: '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"}]}' }
            """, "policy.Statement[0].Action"),
        Fail("INF-IAM-004", "aws", "iam:PassRole on every role", """
            pass:
              type: aws:iam/policy:Policy
              properties: { policy: '{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}' }
            """, "policy.Statement[0].Resource"),
        Pass("INF-IAM-004", "yandex", "a service account member", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "serviceAccount:aje1" }
            """),
        Pass("INF-IAM-004", "yandex", "a service account member named by reference", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.uploader, member: "serviceAccount:${sa.id}" }
            """),
        Fail("INF-IAM-004", "yandex", "a personal account named by reference", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "userAccount:${user.id}" }
            """, "member"),
        Fail("INF-IAM-004", "yandex", "a static access key", """
            key:
              type: yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey
              properties: { serviceAccountId: "${sa.id}" }
            """, "<resource>"),
        Fail("INF-IAM-004", "yandex", "a personal account in a folder binding", """
            member:
              type: yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember
              properties: { folderId: f, role: storage.viewer, member: "userAccount:aje9" }
            """, "member"),

        Pass("INF-LOG-001", "aws", "a complete trail", """
            vpc:
              type: aws:ec2/vpc:Vpc
            trail:
              type: aws:cloudtrail/trail:Trail
              properties: { s3BucketName: audit, isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: "${key.arn}" }
            """),
        Fail("INF-LOG-001", "aws", "no trail in an AWS stack", """
            vpc:
              type: aws:ec2/vpc:Vpc
            """, "<aws:cloudtrail/trail:Trail>"),
        Fail("INF-LOG-001", "aws", "a trail without log file validation", """
            trail:
              type: aws:cloudtrail/trail:Trail
              properties: { s3BucketName: audit, isMultiRegionTrail: true, kmsKeyId: "${key.arn}" }
            """, "enableLogFileValidation"),
        Pass("INF-LOG-001", "gcp", "data-access audit logs configured", """
            data:
              type: gcp:storage/bucket:Bucket
            audit:
              type: gcp:projects/iAMAuditConfig:IAMAuditConfig
            """),
        Fail("INF-LOG-001", "gcp", "no audit config in a GCP stack", """
            data:
              type: gcp:storage/bucket:Bucket
            """, "<gcp:projects/iAMAuditConfig:IAMAuditConfig>"),
        Pass("INF-LOG-001", "yandex", "an audit trail", """
            data:
              type: yandex:index/storageBucket:StorageBucket
            trail:
              type: yandex:index/auditTrailsTrail:AuditTrailsTrail
            """),
        Fail("INF-LOG-001", "yandex", "no audit trail in a Yandex stack", """
            data:
              type: yandex:index/storageBucket:StorageBucket
            """, "<yandex:index/auditTrailsTrail:AuditTrailsTrail>"),

        Pass("INF-LOG-002", "aws", "a year of encrypted logs", """
            logs:
              type: aws:cloudwatch/logGroup:LogGroup
              properties: { retentionInDays: 400, kmsKeyId: "${key.arn}" }
            """),
        Fail("INF-LOG-002", "aws", "a month of logs in production", """
            logs:
              type: aws:cloudwatch/logGroup:LogGroup
              properties: { retentionInDays: 30, kmsKeyId: "${key.arn}" }
            """, "retentionInDays"),
        Fail("INF-LOG-002", "aws", "unencrypted log group", """
            logs:
              type: aws:cloudwatch/logGroup:LogGroup
              properties: { retentionInDays: 400 }
            """, "kmsKeyId"),
        Pass("INF-LOG-002", "yandex", "a year of logs", """
            logs:
              type: yandex:index/loggingGroup:LoggingGroup
              properties: { retentionPeriod: 8784h }
            """),
        Fail("INF-LOG-002", "yandex", "the three-day default in production", """
            logs:
              type: yandex:index/loggingGroup:LoggingGroup
              properties: { name: app }
            """, "retentionPeriod"),

        Pass("INF-LOG-003", "aws", "a bucket logging to a log bucket (which need not log itself)", """
            data:
              type: aws:s3/bucketV2:BucketV2
            logs:
              type: aws:s3/bucketV2:BucketV2
            dataLogging:
              type: aws:s3/bucketLogging:BucketLogging
              properties: { bucket: "${data.id}", targetBucket: "${logs.id}", targetPrefix: data/ }
            """),
        Fail("INF-LOG-003", "aws", "a bucket without access logs", """
            data:
              type: aws:s3/bucketV2:BucketV2
            """, "<aws:s3/bucketLogging:BucketLogging>"),
        Fail("INF-LOG-003", "aws", "a load balancer without access logs", """
            lb:
              type: aws:lb/loadBalancer:LoadBalancer
            """, "accessLogs.enabled"),
        Fail("INF-LOG-003", "aws", "a distribution without logging", """
            cdn:
              type: aws:cloudfront/distribution:Distribution
              properties: { enabled: true }
            """, "loggingConfig.bucket"),
        Pass("INF-LOG-003", "gcp", "a bucket logging to a log bucket", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU, logging: { logBucket: "${logs.name}" } }
            logs:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU }
            """),
        Fail("INF-LOG-003", "gcp", "a back end without request logs", """
            backend:
              type: gcp:compute/backendService:BackendService
            """, "logConfig.enable"),
        Pass("INF-LOG-003", "yandex", "a bucket logging to a log bucket", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, loggings: [{ targetBucket: "${logs.bucket}" }] }
            logs:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: logs }
            """),
        Fail("INF-LOG-003", "yandex", "an ALB with logging disabled", """
            alb:
              type: yandex:index/albLoadBalancer:AlbLoadBalancer
              properties: { networkId: n, logOptions: { disable: true } }
            """, "logOptions.disable"),
    ];
}
