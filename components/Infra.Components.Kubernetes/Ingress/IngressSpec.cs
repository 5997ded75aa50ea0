using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Edge;
using Infra.Components.Kubernetes.Internal;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Kubernetes;

/// <summary>An <see cref="IngressArgs"/> with every default applied and every rule checked.</summary>
public sealed partial record IngressSpec
{
    public const string Code = "INFRA-INGRESS-001";

    private static readonly string[] HttpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public required string Name { get; init; }

    public required KubernetesCluster Cluster { get; init; }

    public required IReadOnlyList<string> Hosts { get; init; }

    public required IReadOnlyList<IngressRoute> Routes { get; init; }

    public required string AcmeEmail { get; init; }

    public required bool UseStagingIssuer { get; init; }

    public required int RateLimitPerSecond { get; init; }

    public required IngressCors? Cors { get; init; }

    public required DnsZone? DnsZone { get; init; }

    public required bool InternetFacing { get; init; }

    public required IReadOnlyList<Cidr> AllowedSourceCidrs { get; init; }

    public required bool Waf { get; init; }

    public required int ControllerReplicas { get; init; }

    public required string ControllerNamespace { get; init; }

    public required string CertManagerNamespace { get; init; }

    /// <summary>The ClusterIssuer's name.</summary>
    public string IssuerName => UseStagingIssuer ? "letsencrypt-staging" : "letsencrypt";

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static IngressSpec Resolve(string name, IngressArgs args, PlatformSettings settings, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "Ingress", name);
        DomainNames.CheckZone(problems, "IngressArgs.DnsZone", args.DnsZone);
        var hosts = args.Hosts ?? [];
        if (hosts.Count == 0)
        {
            problems.Add(Code, "IngressArgs.Hosts", null, "no host is given.", "at least one host name to issue the certificate for",
                "List the site's host names, e.g. [shop.example.com].");
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            DomainNames.Check(problems, $"IngressArgs.Hosts[{i}]", hosts[i], args.DnsZone);
        }

        CheckRoutes(problems, args.Routes ?? []);
        if (args.AcmeEmail is null || !EmailPattern().IsMatch(args.AcmeEmail))
        {
            problems.Add(Code, "IngressArgs.AcmeEmail", args.AcmeEmail, $"'{args.AcmeEmail}' is not an e-mail address.",
                "an address Let's Encrypt can write to", "Give the team's address, e.g. platform@example.com.");
        }

        if (args.RateLimitPerSecond is < 1 or > 10_000)
        {
            problems.Add(Code, "IngressArgs.RateLimitPerSecond", Text(args.RateLimitPerSecond),
                $"{args.RateLimitPerSecond} requests per second is outside 1..10000.", "1 to 10000 requests per second per client address",
                "Use 100 (the default).");
        }

        if (args.Cors is { } cors)
        {
            CheckCors(problems, cors);
        }

        var replicas = args.ControllerReplicas ?? (settings.IsProduction ? 3 : 2);
        if (replicas < 1 || (settings.IsProduction && replicas < 2))
        {
            problems.Add(Code, "IngressArgs.ControllerReplicas", Text(replicas), $"{replicas} controller pods cannot survive losing one.",
                settings.IsProduction ? "at least 2 in production" : "at least 1", "Use 3 (the production default).");
        }

        foreach (var (property, value) in new[] { ("IngressArgs.ControllerNamespace", args.ControllerNamespace), ("IngressArgs.CertManagerNamespace", args.CertManagerNamespace) })
        {
            if (!KubernetesNames.IsLabel(value))
            {
                problems.Add(Code, property, value, $"'{value}' is not a namespace name.", KubernetesNames.LabelRule, "Leave the default.");
            }
        }

        var sources = new List<Cidr>();
        for (var i = 0; i < (args.AllowedSourceCidrs ?? []).Count; i++)
        {
            if (CidrRules.Parse(problems, $"IngressArgs.AllowedSourceCidrs[{i}]", args.AllowedSourceCidrs![i], "203.0.113.0/24") is { } cidr)
            {
                sources.Add(cidr);
            }
        }

        problems.ThrowIfAny();
        return new IngressSpec
        {
            Name = name,
            Cluster = args.Cluster,
            Hosts = hosts,
            Routes = args.Routes!,
            AcmeEmail = args.AcmeEmail!,
            UseStagingIssuer = args.UseStagingIssuer,
            RateLimitPerSecond = args.RateLimitPerSecond,
            Cors = args.Cors,
            DnsZone = args.DnsZone,
            InternetFacing = args.InternetFacing,
            AllowedSourceCidrs = sources,
            Waf = args.Waf ?? settings.IsProduction,
            ControllerReplicas = replicas,
            ControllerNamespace = args.ControllerNamespace,
            CertManagerNamespace = args.CertManagerNamespace,
        };
    }

    private static void CheckRoutes(Problems problems, IReadOnlyList<IngressRoute> routes)
    {
        if (routes.Count == 0)
        {
            problems.Add(Code, "IngressArgs.Routes", null, "no route is given.", "at least one path routed to a Service",
                "Route / to the frontend, e.g. new IngressRoute { Path = \"/\", Namespace = \"shop\", Service = \"frontend\" }.");
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var property = $"IngressArgs.Routes[{i}]";
            if (route.Path is null || !PathPattern().IsMatch(route.Path))
            {
                problems.Add(Code, $"{property}.Path", route.Path, $"'{route.Path}' is not a path prefix.",
                    "starts with '/', letters, digits and -._~/ only, no trailing '/' except for the root", "Use a prefix such as / or /api.");
            }
            else if (!paths.Add(route.Path))
            {
                problems.Add(Code, $"{property}.Path", route.Path, $"path '{route.Path}' is routed twice.", "one Service per path",
                    "Route each path once.");
            }

            foreach (var (key, value) in new[] { ($"{property}.Namespace", route.Namespace), ($"{property}.Service", route.Service) })
            {
                if (!KubernetesNames.IsLabel(value))
                {
                    problems.Add(Code, key, value, $"'{value}' is not a Kubernetes name.", KubernetesNames.LabelRule, "Give the Service's name and namespace.");
                }
            }

            if (route.Port is < 1 or > 65535)
            {
                problems.Add(Code, $"{property}.Port", Text(route.Port), $"{route.Port} is not a TCP port.", "1 to 65535", "Give the Service's port.");
            }
        }
    }

    private static void CheckCors(Problems problems, IngressCors cors)
    {
        var origins = cors.AllowedOrigins ?? [];
        if (origins.Count == 0)
        {
            problems.Add(Code, "IngressArgs.Cors.AllowedOrigins", null, "no origin is allowed.", "at least one origin",
                "List the web apps' origins, or leave Cors unset.");
        }

        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            if (origin == "*" ? cors.AllowCredentials : !OriginPattern().IsMatch(origin ?? ""))
            {
                problems.Add(Code, $"IngressArgs.Cors.AllowedOrigins[{i}]", origin,
                    origin == "*" ? "'*' with credentials would let every site act as the signed-in user." : $"'{origin}' is not an HTTPS origin.",
                    "https://host[:port] origins; '*' only without credentials", "List the origins, e.g. https://app.example.com.");
            }
        }

        foreach (var method in (cors.AllowedMethods ?? []).Where(m => !HttpMethods.Contains(m)))
        {
            problems.Add(Code, "IngressArgs.Cors.AllowedMethods", method, $"'{method}' is not an HTTP method.",
                string.Join(", ", HttpMethods), "Use upper-case method names.");
        }

        foreach (var header in (cors.AllowedHeaders ?? []).Where(h => !HeaderPattern().IsMatch(h ?? "")))
        {
            problems.Add(Code, "IngressArgs.Cors.AllowedHeaders", header, $"'{header}' is not a header name.", "letters, digits and '-'",
                "Use header names such as Content-Type.");
        }

        if (cors.MaxAgeSeconds is < 0 or > 86_400)
        {
            problems.Add(Code, "IngressArgs.Cors.MaxAgeSeconds", Text(cors.MaxAgeSeconds), $"{cors.MaxAgeSeconds} seconds is outside 0..86400.",
                "0 to 86400 seconds", "Use 600 (the default).");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^/$|^(/[A-Za-z0-9._~-]+)+$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^https://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex OriginPattern();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex HeaderPattern();
}
