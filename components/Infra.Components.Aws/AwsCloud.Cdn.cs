using Infra.Components.Edge;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>AWS's managed cache policy that caches nothing (for dynamic paths).</summary>
    internal const string CachingDisabledPolicyId = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// <summary>AWS's managed origin request policy forwarding every viewer header but Host.</summary>
    internal const string AllViewerExceptHostHeaderPolicyId = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    /// <summary>Requests one client address may make in five minutes before the CDN's firewall blocks it.</summary>
    internal const int WafRateLimitPer5Minutes = 2000;

    private static readonly string[] AllMethods = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
    private static readonly string[] ReadMethods = ["GET", "HEAD"];

    private ProviderResource? edgeProvider;

    /// <summary>
    /// A CloudFront distribution reading the bucket through origin access control (the bucket policy admits this
    /// distribution only), HTTPS only with HTTP redirected, TLS 1.2 (2021 policy) with an ACM certificate for the
    /// domain validated in Route 53, a cache policy from args, security headers, a WAFv2 web ACL in production, and
    /// alias records for the domain.
    /// </summary>
    public CdnOutputs CreateCdn(Cdn cdn, CdnSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cdn);
        ArgumentNullException.ThrowIfNull(spec);
        var origin = s3Buckets[spec.Origin];
        var name = cdn.CloudResourceName();
        var certificateArn = Certificate(cdn, spec);
        var oac = new CustomResource("aws:cloudfront/originAccessControl:OriginAccessControl", cdn.ChildResourceName("oac"), new Props
        {
            ["name"] = name,
            ["description"] = $"CloudFront {name} signs its requests to bucket {spec.Origin.Spec.BucketName}",
            ["originAccessControlOriginType"] = "s3",
            ["signingBehavior"] = "always",
            ["signingProtocol"] = "sigv4",
        }, cdn.ChildResourceOptions);
        var cachePolicy = new CustomResource("aws:cloudfront/cachePolicy:CachePolicy", cdn.ChildResourceName("cache"), new Props
        {
            ["name"] = name,
            ["comment"] = "Static objects: cached by path only, compressed",
            ["minTtl"] = 0,
            ["defaultTtl"] = spec.DefaultTtlSeconds,
            ["maxTtl"] = spec.MaxTtlSeconds,
            ["parametersInCacheKeyAndForwardedToOrigin"] = new Props
            {
                ["cookiesConfig"] = new Props { ["cookieBehavior"] = "none" },
                ["headersConfig"] = new Props { ["headerBehavior"] = "none" },
                ["queryStringsConfig"] = new Props { ["queryStringBehavior"] = "none" },
                ["enableAcceptEncodingGzip"] = true,
                ["enableAcceptEncodingBrotli"] = true,
            },
        }, cdn.ChildResourceOptions);
        Input headersPolicyId = spec.SecurityHeaders ? (Input)SecurityHeadersPolicy(cdn).Id : default;

        const string bucketOriginId = "bucket";
        const string hostOriginId = "host";
        var origins = new List<Input>
        {
            new Props
            {
                ["originId"] = bucketOriginId,
                ["domainName"] = spec.Origin.DomainName,
                ["originAccessControlId"] = oac.Id,
            },
        };
        var orderedBehaviors = new List<Input>();
        if (spec.HostOrigin is { } host)
        {
            origins.Add(new Props
            {
                ["originId"] = hostOriginId,
                ["domainName"] = host.Host,
                ["customOriginConfig"] = new Props
                {
                    ["httpPort"] = 80,
                    ["httpsPort"] = 443,
                    ["originProtocolPolicy"] = "https-only",
                    ["originSslProtocols"] = new[] { "TLSv1.2" },
                },
            });
            orderedBehaviors.Add(new Props
            {
                ["pathPattern"] = host.PathPattern,
                ["targetOriginId"] = hostOriginId,
                ["viewerProtocolPolicy"] = "redirect-to-https",
                ["allowedMethods"] = AllMethods,
                ["cachedMethods"] = ReadMethods,
                ["cachePolicyId"] = CachingDisabledPolicyId,
                ["originRequestPolicyId"] = AllViewerExceptHostHeaderPolicyId,
                ["responseHeadersPolicyId"] = headersPolicyId,
                ["compress"] = true,
            });
        }

        var distribution = new CustomResource("aws:cloudfront/distribution:Distribution", cdn.ChildResourceName("distribution"), new Props
        {
            ["enabled"] = true,
            ["comment"] = name,
            ["aliases"] = new[] { spec.Domain },
            ["defaultRootObject"] = spec.DefaultRootObject,
            ["httpVersion"] = "http2and3",
            ["isIpv6Enabled"] = true,
            ["origins"] = origins.ToArray(),
            ["defaultCacheBehavior"] = new Props
            {
                ["targetOriginId"] = bucketOriginId,
                ["viewerProtocolPolicy"] = "redirect-to-https",
                ["allowedMethods"] = ReadMethods,
                ["cachedMethods"] = ReadMethods,
                ["cachePolicyId"] = cachePolicy.Id,
                ["responseHeadersPolicyId"] = headersPolicyId,
                ["compress"] = true,
            },
            ["orderedCacheBehaviors"] = orderedBehaviors.Count == 0 ? null : orderedBehaviors.ToArray(),
            ["restrictions"] = new Props { ["geoRestriction"] = new Props { ["restrictionType"] = "none" } },
            ["viewerCertificate"] = new Props
            {
                ["acmCertificateArn"] = certificateArn,
                ["sslSupportMethod"] = "sni-only",
                ["minimumProtocolVersion"] = "TLSv1.2_2021",
            },
            ["webAclId"] = spec.Waf ? (Input)WebAcl(cdn).GetOutput<string>("arn") : default,
            ["tags"] = NameTag(name),
        }, cdn.ChildResourceOptions);
        var distributionArn = distribution.GetOutput<string>("arn");

        var bucketArn = origin.Bucket.GetOutput<string>("arn");
        _ = new CustomResource("aws:s3/bucketPolicy:BucketPolicy", cdn.ChildResourceName("bucket-policy"), new Props
        {
            ["bucket"] = origin.Bucket.Id,
            ["policy"] = AwsBucketPolicies.Document(
                AwsBucketPolicies.CloudFrontReads(bucketArn, distributionArn),
                AwsBucketPolicies.DenyInsecureTransport(bucketArn)),

            // The policy is an S3 call and goes to the bucket's region.
            ["region"] = spec.Origin.Spec.InOtherRegion ? spec.Origin.Spec.Region : null,
        }, cdn.ChildResourceOptions with { DependsOn = origin.Settings });

        foreach (var type in new[] { "A", "AAAA" })
        {
            _ = new CustomResource("aws:route53/record:Record", cdn.ChildResourceName($"dns-{type.ToLowerInvariant()}"), new Props
            {
                ["zoneId"] = spec.DnsZone.Id,
                ["name"] = spec.Domain,
                ["type"] = type,
                ["aliases"] = new Input[]
                {
                    new Props
                    {
                        ["name"] = distribution.GetOutput<string>("domainName"),
                        ["zoneId"] = distribution.GetOutput<string>("hostedZoneId"),
                        ["evaluateTargetHealth"] = false,
                    },
                },
            }, cdn.ChildResourceOptions);
        }

        return new CdnOutputs { Target = distribution.GetOutput<string>("domainName") };
    }

    /// <summary>CloudFront takes certificates and web ACLs from us-east-1 only: the stack's provider there.</summary>
    private CustomResourceOptions EdgeOptions(PlatformComponent component)
    {
        if (Region == "us-east-1")
        {
            return component.ChildResourceOptions;
        }

        if (edgeProvider is null)
        {
            var tags = new Props();
            foreach (var (key, value) in settings.OrderedLabels)
            {
                tags[key] = value;
            }

            edgeProvider = new ProviderResource("aws", "aws-us-east-1", new Props
            {
                ["region"] = "us-east-1",
                ["defaultTags"] = tags.Count == 0 ? null : new Props { ["tags"] = tags },
            }, new CustomResourceOptions { Version = ProviderVersion });
        }

        return component.ChildResourceOptions with { Provider = edgeProvider };
    }

    /// <summary>An ACM certificate for the domain, validated by a record in the zone; the validated certificate's ARN.</summary>
    private Output<string> Certificate(Cdn cdn, CdnSpec spec)
    {
        var edge = EdgeOptions(cdn);
        var certificate = new CustomResource("aws:acm/certificate:Certificate", cdn.ChildResourceName("certificate"), new Props
        {
            ["domainName"] = spec.Domain,
            ["validationMethod"] = "DNS",
            ["keyAlgorithm"] = "EC_prime256v1",
            ["tags"] = NameTag(spec.Domain),
        }, edge);
        var record = new CustomResource("aws:route53/record:Record", cdn.ChildResourceName("certificate-validation-record"), new Props
        {
            ["zoneId"] = spec.DnsZone.Id,
            ["name"] = certificate.GetOutput<string>("domainValidationOptions[0].resourceRecordName"),
            ["type"] = certificate.GetOutput<string>("domainValidationOptions[0].resourceRecordType"),
            ["records"] = Input.List(certificate.GetOutput<string>("domainValidationOptions[0].resourceRecordValue")),
            ["ttl"] = 300,
            ["allowOverwrite"] = true,
        }, cdn.ChildResourceOptions);
        var validation = new CustomResource("aws:acm/certificateValidation:CertificateValidation", cdn.ChildResourceName("certificate-validation"), new Props
        {
            ["certificateArn"] = certificate.GetOutput<string>("arn"),
            ["validationRecordFqdns"] = Input.List(record.GetOutput<string>("fqdn")),
        }, edge);
        return validation.GetOutput<string>("certificateArn");
    }

    private static CustomResource SecurityHeadersPolicy(Cdn cdn) =>
        new("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", cdn.ChildResourceName("security-headers"), new Props
        {
            ["name"] = cdn.CloudResourceName("security-headers"),
            ["comment"] = "HSTS, no MIME sniffing, no framing, strict referrer",
            ["securityHeadersConfig"] = new Props
            {
                ["strictTransportSecurity"] = new Props
                {
                    ["accessControlMaxAgeSec"] = 31_536_000,
                    ["includeSubdomains"] = true,
                    ["preload"] = true,
                    ["override"] = true,
                },
                ["contentTypeOptions"] = new Props { ["override"] = true },
                ["frameOptions"] = new Props { ["frameOption"] = "DENY", ["override"] = true },
                ["referrerPolicy"] = new Props { ["referrerPolicy"] = "strict-origin-when-cross-origin", ["override"] = true },
            },
        }, cdn.ChildResourceOptions);
}
