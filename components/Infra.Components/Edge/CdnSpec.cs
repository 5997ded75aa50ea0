using System.Globalization;
using Infra.Components.Storage;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Edge;

/// <summary>A <see cref="CdnArgs"/> with every default applied and every rule checked: what a cloud realises.</summary>
public sealed record CdnSpec
{
    public const string Code = "INFRA-CDN-001";
    public const int MaxTtlLimit = 31_536_000;

    public required string Name { get; init; }

    public required ObjectStorage Origin { get; init; }

    public required string Domain { get; init; }

    public required DnsZone DnsZone { get; init; }

    public required CdnHostOrigin? HostOrigin { get; init; }

    public required string DefaultRootObject { get; init; }

    public required int DefaultTtlSeconds { get; init; }

    public required int MaxTtlSeconds { get; init; }

    public required bool SecurityHeaders { get; init; }

    public required bool Waf { get; init; }

    /// <summary>The security headers every response gets when <see cref="SecurityHeaders"/> is on, in a fixed order.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> SecurityHeaderValues =
    [
        new("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload"),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
    ];

    /// <summary>Applies the defaults to <paramref name="args"/> and checks them, throwing every problem at once.</summary>
    public static CdnSpec Resolve(string name, CdnArgs args, Platform platform, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(platform);
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, "Cdn", name);
        if (args.Origin is null)
        {
            problems.Add(Code, "CdnArgs.Origin", null, "no bucket is given.", "a CDN serves an ObjectStorage bucket", "Pass the bucket.");
        }
        else if (!ReferenceEquals(args.Origin.Platform, platform))
        {
            problems.Add(Code, "CdnArgs.Origin", args.Origin.Name, $"bucket '{args.Origin.Name}' is built on another platform.",
                "the CDN and its bucket share a platform", "Pass the bucket's platform to the CDN.");
        }
        else if (!args.Origin.Spec.ServeThroughCdn)
        {
            problems.Add(Code, "CdnArgs.Origin", args.Origin.Name, $"bucket '{args.Origin.Name}' was not created to be served through a CDN.",
                "the origin bucket is created with ObjectStorageArgs.ServeThroughCdn = true, so that only the CDN may read it",
                $"Set ServeThroughCdn = true on ObjectStorage '{args.Origin.Name}'.");
        }
        else if (args.Origin.ServedBy is { } other)
        {
            problems.Add(Code, "CdnArgs.Origin", args.Origin.Name, $"bucket '{args.Origin.Name}' is already served by CDN '{other.Name}'.",
                "one CDN per bucket (the bucket's policy names it)", "Serve the bucket through one CDN; add paths there instead.");
        }

        DomainNames.CheckZone(problems, "CdnArgs.DnsZone", args.DnsZone);
        DomainNames.Check(problems, "CdnArgs.Domain", args.Domain, args.DnsZone);
        if (args.HostOrigin is { } host)
        {
            DomainNames.Check(problems, "CdnArgs.HostOrigin.Host", host.Host, zone: null);
            if (host.PathPattern is null || !host.PathPattern.StartsWith('/') || host.PathPattern == "/*")
            {
                problems.Add(Code, "CdnArgs.HostOrigin.PathPattern", host.PathPattern, $"'{host.PathPattern}' is not a path pattern of part of the site.",
                    "a pattern starting with '/', not the whole site (the bucket serves the rest)", "Use a pattern such as /api/*.");
            }
        }

        if (args.DefaultTtlSeconds < 0 || args.MaxTtlSeconds > MaxTtlLimit || args.DefaultTtlSeconds > args.MaxTtlSeconds)
        {
            problems.Add(Code, "CdnArgs.DefaultTtlSeconds", $"{Text(args.DefaultTtlSeconds)}/{Text(args.MaxTtlSeconds)}",
                $"default TTL {args.DefaultTtlSeconds}s and maximum TTL {args.MaxTtlSeconds}s are not ordered.",
                $"0 <= default <= maximum <= {MaxTtlLimit} seconds", "Use 3600 and 86400 (the defaults).");
        }

        if (string.IsNullOrWhiteSpace(args.DefaultRootObject) || args.DefaultRootObject.StartsWith('/'))
        {
            problems.Add(Code, "CdnArgs.DefaultRootObject", args.DefaultRootObject, $"'{args.DefaultRootObject}' is not an object key.",
                "an object key without a leading '/'", "Use index.html (the default).");
        }

        problems.ThrowIfAny();
        return new CdnSpec
        {
            Name = name,
            Origin = args.Origin!,
            Domain = args.Domain,
            DnsZone = args.DnsZone,
            HostOrigin = args.HostOrigin,
            DefaultRootObject = args.DefaultRootObject,
            DefaultTtlSeconds = args.DefaultTtlSeconds,
            MaxTtlSeconds = args.MaxTtlSeconds,
            SecurityHeaders = args.SecurityHeaders,
            Waf = args.Waf ?? platform.Settings.IsProduction,
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
