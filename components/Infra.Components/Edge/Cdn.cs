using System.Runtime.CompilerServices;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Edge;

/// <summary>
/// A CDN in front of a private bucket (and optionally of another HTTPS host for some paths): HTTPS only, plain
/// HTTP redirected, TLS 1.2 or later wherever the cloud lets it be set, a certificate for the custom domain, a
/// cache policy from args, security headers, a firewall in production where the cloud's CDN has one. The bucket
/// admits the CDN alone. The cloud is the platform's; this class never names one.
/// </summary>
/// <example>
/// <code>
/// var assets = new ObjectStorage("assets", new ObjectStorageArgs { ServeThroughCdn = true }, platform);
/// var cdn = new Cdn("static", new CdnArgs
/// {
///     Origin = assets,
///     Domain = "static.example.com",
///     DnsZone = new DnsZone("Z123EXAMPLE", "example.com"),
/// }, platform);
/// </code>
/// </example>
public sealed class Cdn : PlatformComponent
{
    public const string TypeToken = "infra:index:Cdn";

    public Cdn(string name, CdnArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        Spec = CdnSpec.Resolve(name, args, platform, DeclaredAt);
        Spec.Origin.ServedBy = this;
        Outputs = platform.Cloud.CreateCdn(this, Spec);
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["url"] = Url,
            ["target"] = Outputs.Target,
        });
    }

    /// <summary>The resolved inputs, with every default applied.</summary>
    public CdnSpec Spec { get; }

    /// <summary>Everything the cloud's realisation returned.</summary>
    public CdnOutputs Outputs { get; }

    /// <summary>The site's address, <c>https://{domain}/</c>.</summary>
    public string Url => $"https://{Spec.Domain}/";
}
