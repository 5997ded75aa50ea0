using Infra.Components.Clusters;
using Infra.Components.Edge;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Arguments of <see cref="Ingress"/>: the cluster's HTTPS entry point. <see cref="Cluster"/>, <see cref="Hosts"/>,
/// <see cref="Routes"/> and <see cref="AcmeEmail"/> are required; every other property has a documented default.
/// </summary>
public sealed record IngressArgs
{
    /// <summary>The cluster to install into; its Kubernetes provider and network are used. Required.</summary>
    public required KubernetesCluster Cluster { get; init; }

    /// <summary>The host names served, e.g. <c>shop.example.com</c>; one certificate covers them all. Required.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>Which path goes to which Service, e.g. <c>/</c> to the frontend and <c>/api</c> to the backend. Required.</summary>
    public required IReadOnlyList<IngressRoute> Routes { get; init; }

    /// <summary>The address Let's Encrypt writes to about expiring certificates. Required.</summary>
    public required string AcmeEmail { get; init; }

    /// <summary>Issue from Let's Encrypt's staging environment (untrusted certificates, generous limits) while testing. Default: false.</summary>
    public bool UseStagingIssuer { get; init; }

    /// <summary>Requests per second one client address may make; bursts of five times as many are queued. Default: 100.</summary>
    public int RateLimitPerSecond { get; init; } = 100;

    /// <summary>Cross-origin requests browsers may make. Default: none (CORS off).</summary>
    public IngressCors? Cors { get; init; }

    /// <summary>The zone to write a record per host in. Default: none (no DNS records).</summary>
    public DnsZone? DnsZone { get; init; }

    /// <summary>Reachable from the internet; false keeps the load balancer internal to the network. Default: true.</summary>
    public bool InternetFacing { get; init; } = true;

    /// <summary>Client address ranges the load balancer admits. Default: none (every address).</summary>
    public IReadOnlyList<string> AllowedSourceCidrs { get; init; } = [];

    /// <summary>Run the OWASP Core Rule Set in ModSecurity, blocking, in the controller. Default: true in production.</summary>
    public bool? Waf { get; init; }

    /// <summary>Controller pods. Default: 3 in production, 2 otherwise.</summary>
    public int? ControllerReplicas { get; init; }

    /// <summary>The controller's namespace. Default: <c>ingress-nginx</c>.</summary>
    public string ControllerNamespace { get; init; } = "ingress-nginx";

    /// <summary>cert-manager's namespace. Default: <c>cert-manager</c>.</summary>
    public string CertManagerNamespace { get; init; } = "cert-manager";
}

/// <summary>Requests under <see cref="Path"/> go to port <see cref="Port"/> of Service <see cref="Service"/> in <see cref="Namespace"/>.</summary>
public sealed record IngressRoute
{
    /// <summary>The path prefix, e.g. <c>/</c> or <c>/api</c>. Required.</summary>
    public required string Path { get; init; }

    /// <summary>The namespace of the Service. Required.</summary>
    public required string Namespace { get; init; }

    /// <summary>The Service's name. Required.</summary>
    public required string Service { get; init; }

    /// <summary>The Service's port. Default: 80.</summary>
    public int Port { get; init; } = 80;
}

/// <summary>The CORS answer of every route.</summary>
public sealed record IngressCors
{
    /// <summary>Origins allowed, e.g. <c>https://app.example.com</c>; <c>*</c> only without credentials. Required.</summary>
    public required IReadOnlyList<string> AllowedOrigins { get; init; }

    /// <summary>Default: GET, POST, PUT, PATCH, DELETE, OPTIONS.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Default: Authorization, Content-Type.</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = ["Authorization", "Content-Type"];

    /// <summary>Let browsers send cookies and credentials. Default: false.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>How long browsers may cache the answer to a preflight, in seconds. Default: 600.</summary>
    public int MaxAgeSeconds { get; init; } = 600;
}
