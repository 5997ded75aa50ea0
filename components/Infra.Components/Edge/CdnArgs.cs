using Infra.Components.Storage;

namespace Infra.Components.Edge;

/// <summary>
/// Arguments of <see cref="Cdn"/>: HTTPS-only delivery of a private bucket's objects (and optionally of a path of
/// another HTTPS host, such as the ingress) under a custom domain.
/// </summary>
public sealed record CdnArgs
{
    /// <summary>The bucket served; it must be created with <see cref="ObjectStorageArgs.ServeThroughCdn"/>. Required.</summary>
    public required ObjectStorage Origin { get; init; }

    /// <summary>
    /// The host name viewers use, e.g. <c>static.example.com</c>. Every cloud needs one for HTTPS with TLS 1.2 or
    /// later (a certificate is issued for it). Required.
    /// </summary>
    public required string Domain { get; init; }

    /// <summary>The zone <see cref="Domain"/> lies in: its record and the certificate's validation records go there. Required.</summary>
    public required DnsZone DnsZone { get; init; }

    /// <summary>Requests matching a path are passed, uncached, to another HTTPS host. Default: none.</summary>
    public CdnHostOrigin? HostOrigin { get; init; }

    /// <summary>The object served for <c>/</c>. Default: <c>index.html</c>.</summary>
    public string DefaultRootObject { get; init; } = "index.html";

    /// <summary>How long edges keep an object whose response says nothing, in seconds. Default: 3600.</summary>
    public int DefaultTtlSeconds { get; init; } = 3600;

    /// <summary>The longest edges keep any object, in seconds (at most a year). Default: 86400.</summary>
    public int MaxTtlSeconds { get; init; } = 86400;

    /// <summary>Add HSTS, <c>X-Content-Type-Options</c>, <c>X-Frame-Options</c> and <c>Referrer-Policy</c> to responses. Default: true.</summary>
    public bool SecurityHeaders { get; init; } = true;

    /// <summary>Put the cloud's web application firewall in front, where its CDN has one. Default: true in production.</summary>
    public bool? Waf { get; init; }
}

/// <summary>An HTTPS host (e.g. the ingress, <c>shop.example.com</c>) serving the paths matching <paramref name="PathPattern"/>.</summary>
public sealed record CdnHostOrigin(string Host, string PathPattern = "/api/*");
