using Infra.Components;
using Infra.Components.Edge;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

public sealed class CdnTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_bucket_is_readable_through_the_cdn_only(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var program = built.Program;

        Assert.Same(built.Cdn, built.Storage.ServedBy);
        switch (cloud)
        {
            case CloudKind.Aws:
                // The storage does not write its own policy: the CDN's is the only one, naming this distribution.
                var policy = Assert.Single(program.OfType("aws:s3/bucketPolicy:BucketPolicy"), p => p.Get("bucket") is ReferenceNode { Root: "assets-bucket" });
                var statements = ((ListNode)((FunctionNode)policy.Get("policy")!).Argument.Get("Statement")!).Items;
                var allow = Assert.Single(statements, s => s.Text("Effect") == "Allow");
                Assert.Equal("cloudfront.amazonaws.com", allow.Get("Principal")!.Text("Service"));
                Assert.Equal("s3:GetObject", allow.Text("Action"));
                Assert.True(allow.Get("Condition")!.Get("StringEquals")!.Get("AWS:SourceArn") is ReferenceNode { Root: "static-distribution" });
                var origin = Assert.Single(program.Single("aws:cloudfront/distribution:Distribution", "static-distribution").List("origins"));
                Assert.True(origin.Get("originAccessControlId") is ReferenceNode { Root: "static-oac" });
                var oac = program.Single("aws:cloudfront/originAccessControl:OriginAccessControl", "static-oac");
                Assert.Equal(("s3", "always", "sigv4"), (oac.Text("originAccessControlOriginType"), oac.Text("signingBehavior"), oac.Text("signingProtocol")));
                break;
            case CloudKind.Gcp:
                var reader = Assert.Single(program.OfType("gcp:storage/bucketIAMMember:BucketIAMMember"), m => m.Get("bucket").References(program.Single("gcp:storage/bucket:Bucket", "assets-bucket")));
                Assert.Equal("roles/storage.objectViewer", reader.Text("role"));
                Assert.Equal("serviceAccount:service-123456789012@compute-system.iam.gserviceaccount.com", reader.Text("member"));
                Assert.Equal("enforced", program.Single("gcp:storage/bucket:Bucket", "assets-bucket").Text("publicAccessPrevention"));
                break;
            default:
                var bucket = program.Single("yandex:index/storageBucket:StorageBucket", "assets-bucket");
                var document = ((FunctionNode)bucket.Get("policy")!).Argument;
                var anonymous = Assert.Single(((ListNode)document.Get("Statement")!).Items, s => s.Text("Effect") == "Allow" && s.Text("Principal") == "*");
                Assert.Equal("s3:GetObject", anonymous.Text("Action"));
                var required = anonymous.Get("Condition")!.Get("StringEquals")!.Get("aws:referer");
                var sent = program.Single("yandex:index/cdnResource:CdnResource", "static-resource").Get("options.staticRequestHeaders")!.Get("Referer");
                Assert.Equal("secret", required.Function());
                Assert.Equal(((ReferenceNode)((FunctionNode)required!).Argument).ToExpressionText(), ((ReferenceNode)((FunctionNode)sent!).Argument).ToExpressionText());
                Assert.All(["read", "list", "configRead"], flag => Assert.False(bucket.Bool($"anonymousAccessFlags.{flag}")));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Viewers_use_https_with_tls_1_2_and_a_certificate_for_the_domain(CloudKind cloud, string environment)
    {
        var program = EdgePrograms.Build(cloud, environment).Program;

        switch (cloud)
        {
            case CloudKind.Aws:
                var distribution = program.Single("aws:cloudfront/distribution:Distribution", "static-distribution");
                Assert.Equal("redirect-to-https", distribution.Text("defaultCacheBehavior.viewerProtocolPolicy"));
                Assert.Equal("TLSv1.2_2021", distribution.Text("viewerCertificate.minimumProtocolVersion"));
                Assert.Equal("sni-only", distribution.Text("viewerCertificate.sslSupportMethod"));
                Assert.Null(distribution.Get("viewerCertificate.cloudfrontDefaultCertificate"));
                Assert.Equal(["static.example.com"], distribution.Strings("aliases"));
                var certificate = program.Single("aws:acm/certificate:Certificate", "static-certificate");
                Assert.Equal(("static.example.com", "DNS"), (certificate.Text("domainName"), certificate.Text("validationMethod")));
                // CloudFront takes certificates from us-east-1 only.
                Assert.True(certificate.Options!["provider"] is ReferenceNode { Root: "aws-us-east-1" });
                break;
            case CloudKind.Gcp:
                var policy = program.Single("gcp:compute/sSLPolicy:SSLPolicy", "static-ssl-policy");
                Assert.Equal(("RESTRICTED", "TLS_1_2"), (policy.Text("profile"), policy.Text("minTlsVersion")));
                var proxy = program.Single("gcp:compute/targetHttpsProxy:TargetHttpsProxy", "static-https-proxy");
                Assert.True(proxy.Get("sslPolicy").References(policy));
                Assert.Equal(["static.example.com"], program.Single("gcp:compute/managedSslCertificate:ManagedSslCertificate", "static-certificate").Strings("managed.domains"));
                var redirect = program.Single("gcp:compute/uRLMap:URLMap", "static-http-redirect");
                Assert.True(redirect.Bool("defaultUrlRedirect.httpsRedirect"));
                Assert.Null(redirect.Get("defaultService"));
                var httpRule = program.Single("gcp:compute/globalForwardingRule:GlobalForwardingRule", "static-http-rule");
                Assert.True(httpRule.Get("target").References(program.Single("gcp:compute/targetHttpProxy:TargetHttpProxy", "static-http-proxy")));
                break;
            default:
                var resource = program.Single("yandex:index/cdnResource:CdnResource", "static-resource");
                Assert.True(resource.Bool("options.redirectHttpToHttps"));
                Assert.Null(resource.Get("options.redirectHttpsToHttp"));
                Assert.Equal("certificate_manager", resource.Text("sslCertificate.type"));
                Assert.Equal("https", resource.Text("originProtocol"));
                Assert.Equal("static.example.com", resource.Text("cname"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Responses_carry_security_headers_and_are_cached_by_path(CloudKind cloud)
    {
        var program = EdgePrograms.Build(cloud, "prod").Program;
        var expected = CdnSpec.SecurityHeaderValues.Select(h => h.Key).ToList();

        switch (cloud)
        {
            case CloudKind.Aws:
                var headers = program.Single("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "static-security-headers");
                Assert.Equal(31_536_000L, ((IntegerNode)headers.Get("securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec")!).Value);
                Assert.Equal("DENY", headers.Text("securityHeadersConfig.frameOptions.frameOption"));
                var cache = program.Single("aws:cloudfront/cachePolicy:CachePolicy", "static-cache");
                Assert.Equal((3600L, 86400L), (cache.Integer("defaultTtl")!.Value, cache.Integer("maxTtl")!.Value));
                Assert.Equal("none", cache.Text("parametersInCacheKeyAndForwardedToOrigin.cookiesConfig.cookieBehavior"));
                break;
            case CloudKind.Gcp:
                var backend = program.Single("gcp:compute/backendBucket:BackendBucket", "static-backend");
                Assert.Equal(expected, backend.Strings("customResponseHeaders").Select(h => h[..h.IndexOf(':', StringComparison.Ordinal)]));
                Assert.Equal("CACHE_ALL_STATIC", backend.Text("cdnPolicy.cacheMode"));
                Assert.Equal(86400L, backend.Integer("cdnPolicy.maxTtl"));
                break;
            default:
                var resource = program.Single("yandex:index/cdnResource:CdnResource", "static-resource");
                Assert.Equal(expected, ((MapNode)resource.Get("options.staticResponseHeaders")!).Entries.Select(e => e.Key));
                Assert.True(resource.Bool("options.ignoreCookie"));
                Assert.Equal(3600L, resource.Integer("options.edgeCacheSettings"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void The_domain_points_at_the_cdn(CloudKind cloud, string environment)
    {
        var program = EdgePrograms.Build(cloud, environment).Program;

        switch (cloud)
        {
            case CloudKind.Aws:
                var records = program.OfType("aws:route53/record:Record").Where(r => r.Key.StartsWith("static-dns", StringComparison.Ordinal)).ToList();
                Assert.Equal(["A", "AAAA"], records.Select(r => r.Text("type")));
                Assert.All(records, r => Assert.True(Assert.Single(r.List("aliases")).Get("name") is ReferenceNode { Root: "static-distribution" }));
                break;
            case CloudKind.Gcp:
                var record = program.Single("gcp:dns/recordSet:RecordSet", "static-dns");
                Assert.Equal(("static.example.com.", "A", "example-com"), (record.Text("name"), record.Text("type"), record.Text("managedZone")));
                Assert.True(Assert.Single(record.List("rrdatas")) is ReferenceNode { Root: "static-address" });
                break;
            default:
                var cname = program.Single("yandex:index/dnsRecordset:DnsRecordset", "static-dns");
                Assert.Equal(("static.example.com.", "CNAME"), (cname.Text("name"), cname.Text("type")));
                Assert.True(Assert.Single(cname.List("datas")) is ReferenceNode { Root: "static-resource" });
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void A_firewall_guards_cloudfront_in_production(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var production = environment == "prod";

        Assert.Equal(production, built.Cdn.Spec.Waf);
        if (cloud != CloudKind.Aws)
        {
            // Neither Cloud CDN's backend buckets (edge policies only) nor Yandex CDN take a web application firewall here.
            Assert.Empty(built.Program.OfType("aws:wafv2/webAcl:WebAcl"));
            return;
        }

        var distribution = built.Program.Single("aws:cloudfront/distribution:Distribution", "static-distribution");
        Assert.Equal(production, distribution.Get("webAclId") is ReferenceNode { Root: "static-waf" });
        if (production)
        {
            var acl = built.Program.Single("aws:wafv2/webAcl:WebAcl", "static-waf");
            Assert.Equal("CLOUDFRONT", acl.Text("scope"));
            Assert.True(acl.Options!["provider"] is ReferenceNode { Root: "aws-us-east-1" });
            var rules = acl.List("rules");
            Assert.Equal(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList", "rate-limit-per-address"],
                rules.Select(r => r.Text("name")));
            Assert.NotNull(rules[^1].Get("action")!.Get("block"));
        }
    }

    [Fact]
    public void On_aws_a_host_origin_serves_its_paths_over_https_uncached()
    {
        var built = EdgePrograms.Build(CloudKind.Aws, "prod", cdn: a => a with { HostOrigin = new CdnHostOrigin("shop.example.com") });
        var distribution = built.Program.Single("aws:cloudfront/distribution:Distribution", "static-distribution");

        var host = Assert.Single(distribution.List("origins"), o => o.Text("originId") == "host");
        Assert.Equal("https-only", host.Get("customOriginConfig")!.Text("originProtocolPolicy"));
        Assert.Equal(["TLSv1.2"], host.Get("customOriginConfig")!.Strings("originSslProtocols"));
        var behavior = Assert.Single(distribution.List("orderedCacheBehaviors"));
        Assert.Equal(("/api/*", "host", "redirect-to-https"), (behavior.Text("pathPattern"), behavior.Text("targetOriginId"), behavior.Text("viewerProtocolPolicy")));
        Assert.Empty(SchemaNames.Problems(built.Program));
    }

    [Fact]
    public void In_us_east_1_the_default_provider_serves_cloudfront()
    {
        var program = TestPlatforms.Synthesize("prod", () =>
        {
            var settings = TestPlatforms.Settings(CloudKind.Aws, "prod") with { Region = "us-east-1", Zones = ["us-east-1a", "us-east-1b", "us-east-1c"] };
            var platform = new Platform(settings, new Infra.Components.Aws.AwsCloud(settings));
            var assets = new Infra.Components.Storage.ObjectStorage("assets", EdgePrograms.StorageArgs, platform);
            _ = new Cdn("static", EdgePrograms.CdnArgs(CloudKind.Aws, assets), platform);
        });

        Assert.Single(program.Resources, r => r.Type == "pulumi:providers:aws");
        Assert.Null(program.Single("aws:acm/certificate:Certificate", "static-certificate").Options?["provider"]);
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void The_site_address_is_the_domain_and_the_cdn_target_is_exported(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "dev");

        Assert.Equal("https://static.example.com/", built.Cdn.Url);
        var outputs = built.Cdn.RegisteredOutputs.ToDictionary(o => o.Key, o => o.Value);
        Assert.Equal("https://static.example.com/", Assert.IsType<StringNode>(outputs["url"]).Value);
        Assert.IsType<ReferenceNode>(outputs["target"]);
    }
}
