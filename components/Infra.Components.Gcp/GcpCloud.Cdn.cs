using Infra.Components.Edge;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>
    /// Cloud CDN on a global external Application Load Balancer: a CDN-enabled backend bucket reading the private
    /// bucket through the load balancers' service agent (the bucket stays closed to everyone else), a Google-managed
    /// certificate for the domain, an SSL policy with the RESTRICTED profile and TLS 1.2 at least, an HTTP front end
    /// that only redirects to HTTPS, security headers and an A record for the domain.
    /// </summary>
    public CdnOutputs CreateCdn(Cdn cdn, CdnSpec spec)
    {
        ArgumentNullException.ThrowIfNull(cdn);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.HostOrigin is not null)
        {
            var problems = new Problems(cdn.Name, cdn.DeclaredAt);
            problems.Add(CdnSpec.Code, "CdnArgs.HostOrigin", spec.HostOrigin.Host,
                "gcp's CDN reaches hosts outside Google Cloud through internet network endpoint groups, which this library does not create.",
                "on gcp a Cdn serves its bucket only", "Route the host's paths at the ingress, or leave HostOrigin unset.");
            problems.ThrowIfAny();
        }

        var bucket = gcsBuckets[spec.Origin];
        var name = cdn.CloudResourceName();
        var reader = new CustomResource("gcp:storage/bucketIAMMember:BucketIAMMember", cdn.ChildResourceName("bucket-reader"), new Props
        {
            ["bucket"] = bucket.GetOutput<string>("name"),
            ["role"] = "roles/storage.objectViewer",
            ["member"] = $"serviceAccount:service-{Options.ProjectNumber}@compute-system.iam.gserviceaccount.com",
        }, cdn.ChildResourceOptions);
        var backend = new CustomResource("gcp:compute/backendBucket:BackendBucket", cdn.ChildResourceName("backend"), new Props
        {
            ["name"] = name,
            ["description"] = $"Bucket {spec.Origin.Spec.BucketName} through Cloud CDN",
            ["bucketName"] = bucket.GetOutput<string>("name"),
            ["enableCdn"] = true,
            ["compressionMode"] = "AUTOMATIC",
            ["cdnPolicy"] = new Props
            {
                ["cacheMode"] = "CACHE_ALL_STATIC",
                ["defaultTtl"] = spec.DefaultTtlSeconds,
                ["clientTtl"] = spec.DefaultTtlSeconds,
                ["maxTtl"] = spec.MaxTtlSeconds,
                ["negativeCaching"] = true,
                ["requestCoalescing"] = true,
                ["serveWhileStale"] = 86400,
            },
            ["customResponseHeaders"] = spec.SecurityHeaders
                ? CdnSpec.SecurityHeaderValues.Select(h => $"{h.Key}: {h.Value}").ToArray()
                : null,
        }, cdn.ChildResourceOptions with { DependsOn = [reader] });

        var address = new CustomResource("gcp:compute/globalAddress:GlobalAddress", cdn.ChildResourceName("address"), new Props
        {
            ["name"] = name,
            ["addressType"] = "EXTERNAL",
            ["ipVersion"] = "IPV4",
        }, cdn.ChildResourceOptions);
        var ip = address.GetOutput<string>("address");
        var certificate = new CustomResource("gcp:compute/managedSslCertificate:ManagedSslCertificate", cdn.ChildResourceName("certificate"), new Props
        {
            ["name"] = name,
            ["managed"] = new Props { ["domains"] = new[] { spec.Domain } },
        }, cdn.ChildResourceOptions);
        var httpsMap = new CustomResource("gcp:compute/uRLMap:URLMap", cdn.ChildResourceName("https"), new Props
        {
            ["name"] = name,
            ["defaultService"] = backend.Id,
        }, cdn.ChildResourceOptions);
        var proxy = new CustomResource("gcp:compute/targetHttpsProxy:TargetHttpsProxy", cdn.ChildResourceName("https-proxy"), new Props
        {
            ["name"] = name,
            ["urlMap"] = httpsMap.Id,
            ["sslCertificates"] = Input.List(certificate.Id),
            ["sslPolicy"] = SslPolicy(cdn).Id,
        }, cdn.ChildResourceOptions);
        ForwardingRule(cdn, "https", ip, "443", proxy);
        HttpRedirect(cdn, ip);

        _ = new CustomResource("gcp:dns/recordSet:RecordSet", cdn.ChildResourceName("dns"), new Props
        {
            ["managedZone"] = spec.DnsZone.Id,
            ["name"] = spec.Domain + ".",
            ["type"] = "A",
            ["ttl"] = 300,
            ["rrdatas"] = Input.List(ip),
        }, cdn.ChildResourceOptions);
        return new CdnOutputs { Target = ip };
    }

    /// <summary>TLS 1.2 or later with the RESTRICTED profile's ciphers (INF-CDN-002, INF-LB-002).</summary>
    private static CustomResource SslPolicy(PlatformComponent component) =>
        new("gcp:compute/sSLPolicy:SSLPolicy", component.ChildResourceName("ssl-policy"), new Props
        {
            ["name"] = component.CloudResourceName(),
            ["description"] = "TLS 1.2 or later, RESTRICTED ciphers",
            ["profile"] = "RESTRICTED",
            ["minTlsVersion"] = "TLS_1_2",
        }, component.ChildResourceOptions);

    /// <summary>Port 80 of the address answers every request with a permanent redirect to HTTPS and serves nothing (INF-LB-001).</summary>
    private static void HttpRedirect(PlatformComponent component, Output<string> ip)
    {
        var map = new CustomResource("gcp:compute/uRLMap:URLMap", component.ChildResourceName("http-redirect"), new Props
        {
            ["name"] = component.CloudResourceName("http-redirect"),
            ["defaultUrlRedirect"] = new Props
            {
                ["httpsRedirect"] = true,
                ["stripQuery"] = false,
                ["redirectResponseCode"] = "MOVED_PERMANENTLY_DEFAULT",
            },
        }, component.ChildResourceOptions);
        var proxy = new CustomResource("gcp:compute/targetHttpProxy:TargetHttpProxy", component.ChildResourceName("http-proxy"), new Props
        {
            ["name"] = component.CloudResourceName("http-redirect"),
            ["urlMap"] = map.Id,
        }, component.ChildResourceOptions);
        ForwardingRule(component, "http", ip, "80", proxy);
    }

    private static void ForwardingRule(PlatformComponent component, string suffix, Output<string> ip, string port, CustomResource target) =>
        _ = new CustomResource("gcp:compute/globalForwardingRule:GlobalForwardingRule", component.ChildResourceName($"{suffix}-rule"), new Props
        {
            ["name"] = component.CloudResourceName(suffix),
            ["loadBalancingScheme"] = "EXTERNAL_MANAGED",
            ["ipProtocol"] = "TCP",
            ["ipAddress"] = ip,
            ["portRange"] = port,
            ["target"] = target.Id,
        }, component.ChildResourceOptions);
}
