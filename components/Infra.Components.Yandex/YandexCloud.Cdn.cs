using Infra.Components.Edge;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>
    /// A Cloud CDN resource for the domain: HTTPS with a Certificate Manager certificate (validated by a CNAME in the
    /// zone), HTTP redirected to HTTPS, the bucket fetched over HTTPS with the secret header its policy requires,
    /// objects cached by path only, security headers, and a CNAME for the domain. Yandex's CDN has no setting for
    /// the lowest TLS version and no firewall.
    /// </summary>
    public CdnOutputs CreateCdn(Cdn cdn, CdnSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cdn);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.HostOrigin is not null)
        {
            var problems = new Problems(cdn.Name, cdn.DeclaredAt);
            problems.Add(CdnSpec.Code, "CdnArgs.HostOrigin", spec.HostOrigin.Host,
                "a yandex CDN resource has one origin group, so it cannot send some paths to another host.",
                "on yandex a Cdn serves its bucket only", "Route the host's paths at the ingress, or leave HostOrigin unset.");
            problems.ThrowIfAny();
        }

        var bucket = yandexBuckets[spec.Origin];
        var name = ComponentNames.Fit(cdn.CloudResourceName(), 63);
        var bucketHost = Output.Format($"{bucket.Bucket.GetOutput<string>("bucket")}.storage.yandexcloud.net");
        var certificate = new CustomResource("yandex:index/cmCertificate:CmCertificate", cdn.ChildResourceName("certificate"), new Props
        {
            ["name"] = name,
            ["description"] = $"HTTPS certificate of {spec.Domain}",
            ["domains"] = new[] { spec.Domain },
            ["managed"] = new Props { ["challengeType"] = "DNS_CNAME" },
            ["labels"] = Labels(),
        }, cdn.ChildResourceOptions);
        var challenge = new CustomResource("yandex:index/dnsRecordset:DnsRecordset", cdn.ChildResourceName("certificate-challenge"), new Props
        {
            ["zoneId"] = spec.DnsZone.Id,
            ["name"] = certificate.GetOutput<string>("challenges[0].dnsName"),
            ["type"] = certificate.GetOutput<string>("challenges[0].dnsType"),
            ["ttl"] = 300,
            ["datas"] = Input.List(certificate.GetOutput<string>("challenges[0].dnsValue")),
        }, cdn.ChildResourceOptions);

        var originGroup = new CustomResource("yandex:index/cdnOriginGroup:CdnOriginGroup", cdn.ChildResourceName("origin"), new Props
        {
            ["name"] = name,
            ["useNext"] = true,
            ["origins"] = new Input[] { new Props { ["source"] = bucketHost } },
        }, cdn.ChildResourceOptions);
        var options = new Props
        {
            ["redirectHttpToHttps"] = true,
            ["customHostHeader"] = bucketHost,
            ["edgeCacheSettings"] = spec.DefaultTtlSeconds,
            ["browserCacheSettings"] = spec.DefaultTtlSeconds,
            ["gzipOn"] = true,
            ["ignoreCookie"] = true,
            ["ignoreQueryParams"] = true,
            ["allowedHttpMethods"] = new[] { "GET", "HEAD", "OPTIONS" },
            ["staticRequestHeaders"] = new Props { [CdnSecretHeader] = bucket.CdnSecret is { } secret ? (Input)secret : default },
            ["staticResponseHeaders"] = spec.SecurityHeaders ? SecurityHeaders() : null,
        };
        var resource = new CustomResource("yandex:index/cdnResource:CdnResource", cdn.ChildResourceName("resource"), new Props
        {
            ["cname"] = spec.Domain,
            ["active"] = true,
            ["originGroupId"] = originGroup.Id,
            ["originProtocol"] = "https",
            ["sslCertificate"] = new Props { ["type"] = "certificate_manager", ["certificateManagerId"] = certificate.Id },
            ["options"] = options,
            ["labels"] = Labels(),
        }, cdn.ChildResourceOptions with { DependsOn = [challenge] });

        var target = resource.GetOutput<string>("providerCname");
        _ = new CustomResource("yandex:index/dnsRecordset:DnsRecordset", cdn.ChildResourceName("dns"), new Props
        {
            ["zoneId"] = spec.DnsZone.Id,
            ["name"] = spec.Domain + ".",
            ["type"] = "CNAME",
            ["ttl"] = 300,
            ["datas"] = Input.List(target),
        }, cdn.ChildResourceOptions);
        return new CdnOutputs { Target = target };
    }

    private static Props SecurityHeaders()
    {
        var headers = new Props();
        foreach (var (header, value) in CdnSpec.SecurityHeaderValues)
        {
            headers[header] = value;
        }

        return headers;
    }
}
