namespace Infra.Policies.Rules;

/// <summary>INF-CDN: CloudFront, Cloud CDN back ends and Yandex Cloud CDN.</summary>
internal static class CdnRules
{
    private static readonly string[] HttpsViewerPolicies = ["redirect-to-https", "https-only"];
    private static readonly string[] ModernViewerTls = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
    private static readonly string[] LegacyOriginTls = ["SSLv3", "TLSv1", "TLSv1.1"];

    public static IEnumerable<PolicyRule> All =>
    [
        new ResourceRule
        {
            Id = "INF-CDN-001",
            Title = "CDN viewers forced to HTTPS",
            Description = "Every cache behaviour must redirect HTTP to HTTPS (or serve HTTPS only). GCP's HTTP front end is judged by INF-LB-001.",
            Help = "Redirect viewers from HTTP to HTTPS.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_34", "AVD-AWS-0012"],
            Checks =
            {
                { Aws.CloudFrontDistribution, ViewersUseHttps },
                {
                    Yandex.CdnResource, (r, c) =>
                    {
                        c.RequireTrue(r["options"]["redirectHttpToHttps"], false, "viewers may use plain HTTP", "Set options.redirectHttpToHttps: true.");
                        c.RequireNotTrue(r["options"]["redirectHttpsToHttp"], false, "HTTPS viewers are sent to plain HTTP", "Remove options.redirectHttpsToHttp.");
                    }
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-CDN-002",
            Title = "CDN viewers get TLS 1.2 or newer and a real certificate",
            Description = "CloudFront's default certificate and protocol policies older than TLSv1.2_2021 accept TLS 1.0/1.1; a Yandex CDN " +
                "resource needs a certificate to serve HTTPS at all.",
            Help = "Use a certificate for the custom domain with minimum protocol TLSv1.2_2021.",
            Severity = Severity.High,
            Enforcement = Enforcement.Mandatory,
            Anchors = ["CKV_AWS_174", "AVD-AWS-0013"],
            Checks =
            {
                { Aws.CloudFrontDistribution, ViewerTls },
                { Yandex.CdnResource, YandexCertificate },
            },
        },
        new ResourceRule
        {
            Id = "INF-CDN-003",
            Title = "CDN reaches origins over HTTPS; S3 origins only through origin access control",
            Description = "The hop from CDN to origin must be encrypted too, and an S3 origin must be private and reached with OAC/OAI.",
            Help = "Use https-only to custom origins (TLSv1.2), OAC for S3, HTTPS back ends for Cloud CDN, originProtocol https for Yandex.",
            Severity = Severity.Medium,
            Enforcement = Enforcement.MandatoryInProduction,
            Anchors = ["CKV2_AWS_72", "CKV2_AWS_46"],
            Checks =
            {
                { Aws.CloudFrontDistribution, OriginsUseHttps },
                { Gcp.BackendService, CdnBackendUsesHttps },
                {
                    Yandex.CdnResource, (r, c) => c.RequireOneOf(r["originProtocol"], ["https"], "http",
                        "the CDN fetches from the origin in plain HTTP", "Set originProtocol: https.")
                },
            },
        },
        new ResourceRule
        {
            Id = "INF-CDN-004",
            Title = "WAF in front of the CDN in production",
            Description = "A web application firewall filters attacks before they reach the cache and the origin. Yandex CDN has no WAF " +
                "(Smart Web Security attaches to the ALB, INF-LB-003).",
            Help = "Attach a WAF web ACL (CloudFront webAclId) or a Cloud Armor edge security policy.",
            Severity = Severity.Low,
            Enforcement = Enforcement.AdvisoryInProduction,
            Anchors = ["CKV_AWS_68", "AVD-AWS-0011"],
            Checks =
            {
                { Aws.CloudFrontDistribution, (r, c) => c.RequireSet(r["webAclId"], "no WAF filters requests", "Set webAclId to an aws:wafv2/webAcl:WebAcl (scope CLOUDFRONT).") },
                {
                    Gcp.BackendService, (r, c) =>
                    {
                        if (r["enableCdn"].AsBool() == true)
                        {
                            c.RequireSet(r["edgeSecurityPolicy"], "no Cloud Armor edge policy filters cached requests", "Set edgeSecurityPolicy.");
                        }
                    }
                },
            },
        },
    ];

    private static void ViewersUseHttps(PolicyResource distribution, RuleCheck c)
    {
        c.RequireOneOf(distribution.Get("defaultCacheBehavior.viewerProtocolPolicy"), HttpsViewerPolicies, null,
            "viewers may use plain HTTP", "Set viewerProtocolPolicy: redirect-to-https.");
        var ordered = distribution["orderedCacheBehaviors"];
        if (!c.Decidable(ordered))
        {
            return;
        }

        foreach (var behavior in ordered.Items)
        {
            c.RequireOneOf(behavior["viewerProtocolPolicy"], HttpsViewerPolicies, null, "viewers may use plain HTTP on this path",
                "Set viewerProtocolPolicy: redirect-to-https.");
        }
    }

    private static void ViewerTls(PolicyResource distribution, RuleCheck c)
    {
        var certificate = distribution["viewerCertificate"];
        var isDefault = certificate["cloudfrontDefaultCertificate"];
        if (!c.Decidable(isDefault))
        {
            return;
        }

        if (isDefault.AsBool() == true)
        {
            c.Violation(isDefault, "the default *.cloudfront.net certificate accepts TLS 1.0",
                "Use an ACM certificate (acmCertificateArn, sslSupportMethod sni-only) with minimumProtocolVersion TLSv1.2_2021.");
            return;
        }

        c.RequireOneOf(certificate["minimumProtocolVersion"], ModernViewerTls, "TLSv1", "viewers may negotiate TLS older than 1.2",
            "Set viewerCertificate.minimumProtocolVersion: TLSv1.2_2021.");
    }

    private static void YandexCertificate(PolicyResource resource, RuleCheck c)
    {
        var type = resource["sslCertificate"]["type"];
        if (!c.Decidable(type))
        {
            return;
        }

        if (type.IsAbsent || type.AsString() == "not_used")
        {
            c.Violation(type, "the CDN resource serves no certificate, so viewers cannot use HTTPS",
                "Set sslCertificate: { type: certificate_manager, certificateManagerId: <certificate> }.");
        }
        else if (type.AsString() == "certificate_manager")
        {
            c.RequireSet(resource["sslCertificate"]["certificateManagerId"], "no certificate is named", "Set sslCertificate.certificateManagerId.");
        }
    }

    private static void OriginsUseHttps(PolicyResource distribution, RuleCheck c)
    {
        var origins = distribution["origins"];
        if (!c.Decidable(origins))
        {
            return;
        }

        foreach (var origin in origins.Items)
        {
            var custom = origin["customOriginConfig"];
            if (!custom.IsAbsent)
            {
                c.RequireOneOf(custom["originProtocolPolicy"], ["https-only"], null, "the CDN may fetch from this origin in plain HTTP",
                    "Set customOriginConfig.originProtocolPolicy: https-only.");
                var protocols = custom["originSslProtocols"];
                if (c.Decidable(protocols) && protocols.AsStrings()?.Intersect(LegacyOriginTls, StringComparer.OrdinalIgnoreCase).Any() == true)
                {
                    c.Violation(protocols, "legacy SSL/TLS versions are allowed towards the origin", "Set originSslProtocols: [TLSv1.2].");
                }

                continue;
            }

            var domain = origin["domainName"].AsString() ?? "";
            var isS3 = !origin["s3OriginConfig"].IsAbsent || (domain.Contains(".s3.", StringComparison.Ordinal) || domain.Contains(".s3-", StringComparison.Ordinal));
            if (isS3 && origin["originAccessControlId"].IsAbsent && origin["s3OriginConfig"]["originAccessIdentity"].IsAbsent)
            {
                c.Violation(origin["originAccessControlId"], "the S3 origin is read without origin access control, so the bucket must be public",
                    "Create an aws:cloudfront/originAccessControl:OriginAccessControl and set originAccessControlId.");
            }
        }
    }

    private static void CdnBackendUsesHttps(PolicyResource backend, RuleCheck c)
    {
        if (backend["enableCdn"].AsBool() == true)
        {
            c.RequireOneOf(backend["protocol"], ["HTTPS", "HTTP2"], "HTTP", "Cloud CDN fetches from the back end in plain HTTP",
                "Set protocol: HTTPS.");
        }
    }
}
