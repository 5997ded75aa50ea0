using static Infra.Tests.Policies.Cases.RuleCase;

namespace Infra.Tests.Policies.Cases;

internal static class StorageCases
{
    private const string PrivateBucketPolicy = """'{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/app"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}, {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}'""";

    private const string PublicBucketPolicy = """'{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}]}'""";

    public static IEnumerable<RuleCase> All =>
    [
        Pass("INF-OBJ-001", "aws", "a bucket with a complete public access block", """
            data:
              type: aws:s3/bucketV2:BucketV2
            dataPublicAccess:
              type: aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock
              properties: { bucket: "${data.id}", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }
            """),
        Fail("INF-OBJ-001", "aws", "a bucket without a public access block", """
            data:
              type: aws:s3/bucket:Bucket
            """, "<aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock>"),
        Fail("INF-OBJ-001", "aws", "a public access block missing one switch", """
            block:
              type: aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock
              properties: { bucket: data, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true }
            """, "restrictPublicBuckets"),
        Pass("INF-OBJ-001", "gcp", "public access prevention enforced", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU, publicAccessPrevention: enforced }
            """),
        Fail("INF-OBJ-001", "gcp", "public access prevention inherited by default", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU }
            """, "publicAccessPrevention"),
        Pass("INF-OBJ-001", "yandex", "no anonymous access", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, anonymousAccessFlags: { read: false, list: false, configRead: false } }
            """),
        Fail("INF-OBJ-001", "yandex", "anonymous read", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, anonymousAccessFlags: { read: true } }
            """, "anonymousAccessFlags.read"),

        Pass("INF-OBJ-002", "aws", "a private ACL", """
            acl:
              type: aws:s3/bucketAclV2:BucketAclV2
              properties: { bucket: data, acl: private }
            """),
        Fail("INF-OBJ-002", "aws", "a public-read ACL", """
            acl:
              type: aws:s3/bucketAcl:BucketAcl
              properties: { bucket: data, acl: public-read }
            """, "acl"),
        Fail("INF-OBJ-002", "aws", "an AllUsers grant", """
            acl:
              type: aws:s3/bucketAcl:BucketAcl
              properties:
                bucket: data
                accessControlPolicy:
                  owner: { id: o }
                  grants: [{ permission: READ, grantee: { type: Group, uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }]
            """, "accessControlPolicy.grants[0].grantee.uri"),
        Pass("INF-OBJ-002", "gcp", "a named reader", """
            reader:
              type: gcp:storage/bucketIAMMember:BucketIAMMember
              properties: { bucket: data, role: roles/storage.objectViewer, member: "serviceAccount:app@p.iam.gserviceaccount.com" }
            """),
        Fail("INF-OBJ-002", "gcp", "allUsers as a member", """
            reader:
              type: gcp:storage/bucketIAMMember:BucketIAMMember
              properties: { bucket: data, role: roles/storage.objectViewer, member: allUsers }
            """, "member"),
        Fail("INF-OBJ-002", "gcp", "allAuthenticatedUsers in a binding", """
            readers:
              type: gcp:storage/bucketIAMBinding:BucketIAMBinding
              properties: { bucket: data, role: roles/storage.objectViewer, members: [allAuthenticatedUsers] }
            """, "members[0]"),
        Pass("INF-OBJ-002", "yandex", "a private ACL", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, acl: private }
            """),
        Fail("INF-OBJ-002", "yandex", "a public-read ACL", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, acl: public-read }
            """, "acl"),

        Pass("INF-OBJ-003", "aws", "named principals and TLS required", $"""
            policy:
              type: aws:s3/bucketPolicy:BucketPolicy
              properties: {"{"} bucket: data, policy: {PrivateBucketPolicy} {"}"}
            """),
        Fail("INF-OBJ-003", "aws", "everyone may read", $"""
            policy:
              type: aws:s3/bucketPolicy:BucketPolicy
              properties: {"{"} bucket: data, policy: {PublicBucketPolicy} {"}"}
            """, "policy.Statement[0]"),
        Fail("INF-OBJ-003", "aws", "TLS not required in production (policy written with fn::toJSON)", """
            policy:
              type: aws:s3/bucketPolicy:BucketPolicy
              properties:
                bucket: data
                policy:
                  fn::toJSON:
                    Statement:
                      - { Effect: Allow, Principal: { AWS: "${appRole.arn}" }, Action: "s3:GetObject", Resource: "${data.arn}/*" }
            """, "policy"),
        Pass("INF-OBJ-003", "yandex", "a named principal", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, policy: '{"Statement": [{"Effect": "Allow", "Principal": {"CanonicalUser": "ajeapp"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}]}' }
            """),
        Fail("INF-OBJ-003", "yandex", "everyone may read", $"""
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: {"{"} bucket: data, policy: {PublicBucketPolicy} {"}"}
            """, "policy.Statement[0]"),

        Pass("INF-OBJ-004", "aws", "default encryption with a customer KMS key", """
            data:
              type: aws:s3/bucketV2:BucketV2
            dataEncryption:
              type: aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration
              properties: { bucket: "${data.id}", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "${key.arn}" } }] }
            """),
        Fail("INF-OBJ-004", "aws", "no encryption configuration (SSE-S3 only)", """
            data:
              type: aws:s3/bucketV2:BucketV2
            """, "<aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration>"),
        Fail("INF-OBJ-004", "aws", "AES256 instead of KMS", """
            enc:
              type: aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration
              properties: { bucket: data, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: AES256 } }] }
            """, "rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"),
        Pass("INF-OBJ-004", "gcp", "a default Cloud KMS key", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU, encryption: { defaultKmsKeyName: "${key.id}" } }
            """),
        Fail("INF-OBJ-004", "gcp", "Google-managed keys", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU }
            """, "encryption.defaultKmsKeyName"),
        Pass("INF-OBJ-004", "yandex", "KMS encryption", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "${key.id}" } } } }
            """),
        Fail("INF-OBJ-004", "yandex", "no encryption", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data }
            """, "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm"),

        Pass("INF-OBJ-005", "aws", "versioning enabled", """
            data:
              type: aws:s3/bucketV2:BucketV2
            dataVersioning:
              type: aws:s3/bucketVersioningV2:BucketVersioningV2
              properties: { bucket: "${data.id}", versioningConfiguration: { status: Enabled } }
            """),
        Fail("INF-OBJ-005", "aws", "no versioning resource", """
            data:
              type: aws:s3/bucket:Bucket
            """, "<aws:s3/bucketVersioning:BucketVersioning>"),
        Fail("INF-OBJ-005", "aws", "versioning suspended", """
            versioning:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: data, versioningConfiguration: { status: Suspended } }
            """, "versioningConfiguration.status"),
        Pass("INF-OBJ-005", "gcp", "versioning on", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU, versioning: { enabled: true } }
            """),
        Fail("INF-OBJ-005", "gcp", "versioning off by default", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU }
            """, "versioning.enabled"),
        Pass("INF-OBJ-005", "yandex", "versioning on", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data, versioning: { enabled: true } }
            """),
        Fail("INF-OBJ-005", "yandex", "versioning off by default", """
            data:
              type: yandex:index/storageBucket:StorageBucket
              properties: { bucket: data }
            """, "versioning.enabled"),

        Pass("INF-OBJ-006", "aws", "bucket owner enforced", """
            ownership:
              type: aws:s3/bucketOwnershipControls:BucketOwnershipControls
              properties: { bucket: data, rule: { objectOwnership: BucketOwnerEnforced } }
            """),
        Fail("INF-OBJ-006", "aws", "object writer ownership", """
            ownership:
              type: aws:s3/bucketOwnershipControls:BucketOwnershipControls
              properties: { bucket: data, rule: { objectOwnership: ObjectWriter } }
            """, "rule.objectOwnership"),
        Pass("INF-OBJ-006", "gcp", "uniform bucket-level access", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU, uniformBucketLevelAccess: true }
            """),
        Fail("INF-OBJ-006", "gcp", "fine-grained ACLs by default", """
            data:
              type: gcp:storage/bucket:Bucket
              properties: { location: EU }
            """, "uniformBucketLevelAccess"),
    ];
}
