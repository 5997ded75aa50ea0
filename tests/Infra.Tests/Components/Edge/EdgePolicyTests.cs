using Infra.Components;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

/// <summary>
/// The production defaults of the edge components against the INF-KAFKA, INF-OBJ, INF-CDN, INF-LB and INF-KMS rules
/// of the policy catalogue, checked as plain assertions on the synthesized program.
/// </summary>
public sealed class EdgePolicyTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_KAFKA_001_002_003_tls_authentication_and_broker_logs(CloudKind cloud)
    {
        var program = Production(cloud);

        switch (cloud)
        {
            case CloudKind.Aws:
                var msk = program.Single("aws:msk/cluster:Cluster");
                Assert.Equal("TLS", msk.Text("encryptionInfo.encryptionInTransit.clientBroker"));
                Assert.True(msk.Bool("encryptionInfo.encryptionInTransit.inCluster"));
                Assert.False(msk.Bool("clientAuthentication.unauthenticated"));
                Assert.True(msk.Bool("clientAuthentication.sasl.scram"));
                Assert.True(msk.Bool("loggingInfo.brokerLogs.cloudwatchLogs.enabled"));
                break;
            case CloudKind.Gcp:
                // Managed Kafka is TLS and IAM only: no setting can weaken either; access is an IAM role.
                Assert.Single(program.OfType("gcp:managedkafka/cluster:Cluster"));
                var grants = program.OfType("gcp:projects/iAMMember:IAMMember").Where(m => m.Key.StartsWith("events-", StringComparison.Ordinal)).ToList();
                Assert.Equal(2, grants.Count);
                Assert.All(grants, m => Assert.EndsWith(".member", Assert.IsType<ReferenceNode>(m.Get("member")).ToExpressionText(), StringComparison.Ordinal));
                break;
            default:
                var cluster = program.Single("yandex:index/mdbKafkaCluster:MdbKafkaCluster");
                Assert.Equal(["SASL_MECHANISM_SCRAM_SHA_512"], cluster.Strings("config.kafka.kafkaConfig.saslEnabledMechanisms"));
                Assert.False(cluster.Bool("config.assignPublicIp"));
                Assert.NotEmpty(program.OfType("yandex:index/mdbKafkaUser:MdbKafkaUser"));
                // Only the SASL_SSL port is reachable; the SASL_PLAINTEXT port 9092 stays closed.
                var ports = program.Single("yandex:index/vpcSecurityGroup:VpcSecurityGroup", "events-brokers").List("ingresses")
                    .Select(i => ((IntegerNode)i.Get("port")!).Value);
                Assert.Equal([9091L], ports);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_OBJ_001_002_006_no_public_access_and_no_acls(CloudKind cloud)
    {
        var program = Production(cloud);

        foreach (var bucket in Buckets(program, cloud))
        {
            switch (cloud)
            {
                case CloudKind.Aws:
                    var block = program.OfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").Single(b => b.Get("bucket").References(bucket));
                    Assert.True(block.Bool("blockPublicAcls") & block.Bool("blockPublicPolicy") & block.Bool("ignorePublicAcls") & block.Bool("restrictPublicBuckets"));
                    Assert.Equal("BucketOwnerEnforced", program.OfType("aws:s3/bucketOwnershipControls:BucketOwnershipControls")
                        .Single(b => b.Get("bucket").References(bucket)).Text("rule.objectOwnership"));
                    break;
                case CloudKind.Gcp:
                    Assert.Equal("enforced", bucket.Text("publicAccessPrevention"));
                    Assert.True(bucket.Bool("uniformBucketLevelAccess"));
                    break;
                default:
                    Assert.False(bucket.Bool("anonymousAccessFlags.read") | bucket.Bool("anonymousAccessFlags.list") | bucket.Bool("anonymousAccessFlags.configRead"));
                    Assert.Null(bucket.Get("acl"));
                    break;
            }
        }

        Assert.Empty(program.OfType("aws:s3/bucketAcl:BucketAcl"));
        Assert.DoesNotContain(program.OfType("gcp:storage/bucketIAMMember:BucketIAMMember"), m => m.Text("member") is "allUsers" or "allAuthenticatedUsers");
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_OBJ_003_bucket_policies_admit_no_unconditioned_public_principal_and_deny_plain_http(CloudKind cloud)
    {
        var program = Production(cloud);
        var documents = cloud switch
        {
            CloudKind.Aws => program.OfType("aws:s3/bucketPolicy:BucketPolicy").Select(p => p.Get("policy")),
            CloudKind.Yandex => Buckets(program, cloud).Select(b => b.Get("policy")).Where(p => p is not null),
            _ => [],
        };

        foreach (var document in documents)
        {
            var statements = ((ListNode)((FunctionNode)document!).Argument.Get("Statement")!).Items;
            Assert.DoesNotContain(statements, s => s.Text("Effect") == "Allow" && s.Text("Principal") == "*" && s.Get("Condition") is null);
            var deny = Assert.Single(statements, s => s.Text("Effect") == "Deny");
            Assert.Equal("false", ((MapNode)deny.Get("Condition")!.Get("Bool")!).Entries.Single().Value is StringNode v ? v.Value : null);
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_OBJ_004_005_kms_encryption_with_a_platform_key_and_versioning(CloudKind cloud)
    {
        var program = Production(cloud);
        var data = program.Single(BucketType(cloud), "assets-bucket");

        switch (cloud)
        {
            case CloudKind.Aws:
                var sse = program.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "assets-bucket-encryption")
                    .List("rules")[0].Get("applyServerSideEncryptionByDefault")!;
                Assert.Equal("aws:kms", sse.Text("sseAlgorithm"));
                Assert.IsType<ReferenceNode>(sse.Get("kmsMasterKeyId"));
                Assert.All(program.OfType("aws:s3/bucketVersioning:BucketVersioning"), v => Assert.Equal("Enabled", v.Text("versioningConfiguration.status")));
                break;
            case CloudKind.Gcp:
                Assert.IsType<ReferenceNode>(data.Get("encryption.defaultKmsKeyName"));
                Assert.True(data.Bool("versioning.enabled"));
                break;
            default:
                Assert.Equal("aws:kms", data.Text("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm"));
                Assert.IsType<ReferenceNode>(data.Get("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId"));
                Assert.True(data.Bool("versioning.enabled"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_CDN_001_002_003_https_viewers_tls_1_2_and_a_private_origin(CloudKind cloud)
    {
        var program = Production(cloud);

        switch (cloud)
        {
            case CloudKind.Aws:
                var distribution = program.Single("aws:cloudfront/distribution:Distribution");
                var behaviors = new[] { distribution.Get("defaultCacheBehavior")! }.Concat(distribution.List("orderedCacheBehaviors"));
                Assert.All(behaviors, b => Assert.Contains(b.Text("viewerProtocolPolicy"), new[] { "redirect-to-https", "https-only" }));
                Assert.Equal("TLSv1.2_2021", distribution.Text("viewerCertificate.minimumProtocolVersion"));
                Assert.All(distribution.List("origins"), o => Assert.True(o.Get("originAccessControlId") is not null || o.Get("customOriginConfig")!.Text("originProtocolPolicy") == "https-only"));
                break;
            case CloudKind.Gcp:
                Assert.True(program.Single("gcp:compute/uRLMap:URLMap", "static-http-redirect").Bool("defaultUrlRedirect.httpsRedirect"));
                var policy = program.Single("gcp:compute/sSLPolicy:SSLPolicy");
                Assert.Contains(policy.Text("profile"), new[] { "MODERN", "RESTRICTED" });
                Assert.Equal("TLS_1_2", policy.Text("minTlsVersion"));
                Assert.All(program.OfType("gcp:compute/targetHttpsProxy:TargetHttpsProxy"), p => Assert.True(p.Get("sslPolicy").References(policy)));
                Assert.Empty(program.OfType("gcp:compute/backendService:BackendService"));
                Assert.Single(program.OfType("gcp:compute/backendBucket:BackendBucket"));
                break;
            default:
                var resource = program.Single("yandex:index/cdnResource:CdnResource");
                Assert.True(resource.Bool("options.redirectHttpToHttps"));
                Assert.NotEqual(true, resource.Bool("options.redirectHttpsToHttp"));
                Assert.NotEqual("not_used", resource.Text("sslCertificate.type"));
                Assert.Equal("https", resource.Text("originProtocol"));
                break;
        }
    }

    [Fact]
    public void INF_CDN_004_a_web_application_firewall_guards_cloudfront()
    {
        var distribution = Production(CloudKind.Aws).Single("aws:cloudfront/distribution:Distribution");

        Assert.IsType<ReferenceNode>(distribution.Get("webAclId"));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_LB_001_002_003_the_ingress_serves_https_only_with_modern_tls_and_a_waf(CloudKind cloud)
    {
        var program = Production(cloud);

        foreach (var ingress in program.OfType("kubernetes:networking.k8s.io/v1:Ingress"))
        {
            Assert.NotEmpty(ingress.List("spec.tls"));
            Assert.Equal("true", ((MapNode)ingress.Get("metadata.annotations")!)["nginx.ingress.kubernetes.io/force-ssl-redirect"] is StringNode s ? s.Value : null);
        }

        var config = program.Single("kubernetes:helm.sh/v3:Release", "edge-ingress-nginx").Get("values.controller.config")!;
        Assert.Equal("TLSv1.2 TLSv1.3", config.Text("ssl-protocols"));
        Assert.Equal("true", config.Text("enable-modsecurity"));
        Assert.Equal("true", config.Text("enable-owasp-modsecurity-crs"));
        // No cloud L7 listener without HTTPS: the only plain-HTTP front end (GCP's CDN) answers with a redirect.
        Assert.Empty(program.OfType("aws:lb/listener:Listener"));
        Assert.All(program.OfType("gcp:compute/targetHttpProxy:TargetHttpProxy"), proxy =>
            Assert.True(program.Resources.Single(r => proxy.Get("urlMap") is ReferenceNode reference && reference.Root == r.Key).Bool("defaultUrlRedirect.httpsRedirect")));
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_LB_004_the_load_balancer_is_internet_facing_only_when_declared(CloudKind cloud)
    {
        var publicEdge = EdgePrograms.Build(cloud, "prod");
        var privateEdge = EdgePrograms.Build(cloud, "prod", ingress: a => a with { InternetFacing = false });

        Assert.True(publicEdge.Ingress.Spec.InternetFacing);
        var internalAnnotations = (MapNode)privateEdge.Program.Single("kubernetes:core/v1:Service", "edge-controller").Get("metadata.annotations")!;
        Assert.Contains(internalAnnotations.Entries, e => e.Key.EndsWith("internal", StringComparison.Ordinal) || e.Value is StringNode { Value: "internal" or "Internal" });
        var publicAnnotations = (MapNode?)publicEdge.Program.Single("kubernetes:core/v1:Service", "edge-controller").Get("metadata.annotations");
        Assert.DoesNotContain(publicAnnotations?.Entries ?? [], e => e.Key.EndsWith("internal", StringComparison.Ordinal) || e.Value is StringNode { Value: "internal" or "Internal" });
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void INF_KMS_001_002_every_key_rotates_and_is_guarded(CloudKind cloud)
    {
        var program = Production(cloud);
        var owned = new[] { "events-", "assets-" };
        bool Edge(ResourceDecl r) => owned.Any(p => r.Key.StartsWith(p, StringComparison.Ordinal));

        switch (cloud)
        {
            case CloudKind.Aws:
                var keys = program.OfType("aws:kms/key:Key").Where(Edge).ToList();
                Assert.Equal(2, keys.Count);
                Assert.All(keys, k =>
                {
                    Assert.True(k.Bool("enableKeyRotation"));
                    Assert.InRange(k.Integer("rotationPeriodInDays")!.Value, 90, 365);
                    Assert.InRange(k.Integer("deletionWindowInDays")!.Value, 7, 30);
                    Assert.Null(k.Get("bypassPolicyLockoutSafetyCheck"));
                    var statements = ((ListNode)((FunctionNode)k.Get("policy")!).Argument.Get("Statement")!).Items;
                    Assert.All(statements, st => Assert.True(st.Get("Principal") is MapNode principal && principal["AWS"] is not StringNode { Value: "*" }));
                });
                break;
            case CloudKind.Gcp:
                var cryptoKeys = program.OfType("gcp:kms/cryptoKey:CryptoKey").Where(Edge).ToList();
                Assert.Equal(2, cryptoKeys.Count);
                Assert.All(cryptoKeys, k => Assert.Equal("7776000s", k.Text("rotationPeriod")));
                Assert.All(program.OfType("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"), m => Assert.DoesNotContain(m.Text("member"), new[] { "allUsers", "allAuthenticatedUsers" }));
                break;
            default:
                var symmetric = program.OfType("yandex:index/kmsSymmetricKey:KmsSymmetricKey").Where(Edge).ToList();
                Assert.Equal(2, symmetric.Count);
                Assert.All(symmetric, k =>
                {
                    Assert.Equal("8760h", k.Text("rotationPeriod"));
                    Assert.True(k.Bool("deletionProtection"));
                });
                break;
        }
    }

    private static ProgramDocument Production(CloudKind cloud) => EdgePrograms.Build(cloud, "prod").Program;

    private static IReadOnlyList<ResourceDecl> Buckets(ProgramDocument program, CloudKind cloud) => program.OfType(BucketType(cloud));

    private static string BucketType(CloudKind cloud) => cloud switch
    {
        CloudKind.Aws => "aws:s3/bucket:Bucket",
        CloudKind.Gcp => "gcp:storage/bucket:Bucket",
        _ => "yandex:index/storageBucket:StorageBucket",
    };
}
