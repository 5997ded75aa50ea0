using System.Runtime.CompilerServices;
using Infra.Components.Connectivity;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Storage;

/// <summary>
/// An object storage bucket: never public (every public-access switch off, uniform access where the cloud has
/// it), encrypted with KMS (a platform key in production), versioned, lifecycle rules from args, access logs in
/// production and protected from deletion in production. The cloud is the platform's; this class never names one.
/// </summary>
/// <example>
/// <code>
/// var assets = new ObjectStorage("assets", new ObjectStorageArgs
/// {
///     ServeThroughCdn = true,
///     LifecycleRules = [new LifecycleRule { Id = "old-versions", NoncurrentVersionsExpireAfterDays = 30 }],
/// }, platform);
/// </code>
/// </example>
public sealed class ObjectStorage : PlatformComponent
{
    public const string TypeToken = "infra:index:ObjectStorage";

    private readonly HashSet<string> writers = new(StringComparer.Ordinal);

    public ObjectStorage(string name, ObjectStorageArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        Spec = ObjectStorageSpec.Resolve(name, args, platform.Settings, DeclaredAt);
        Outputs = platform.Cloud.CreateObjectStorage(this, Spec);
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["bucketName"] = BucketName,
            ["domainName"] = DomainName,
            ["accessLogBucketName"] = Outputs.AccessLogBucketName is { } logs ? (Input)logs : default,
        });
    }

    /// <summary>The resolved inputs, with every default applied.</summary>
    public ObjectStorageSpec Spec { get; }

    /// <summary>Everything the cloud's realisation returned.</summary>
    public ObjectStorageOutputs Outputs { get; }

    /// <summary>The bucket's cloud name.</summary>
    public Output<string> BucketName => Outputs.BucketName;

    /// <summary>The host name serving the bucket's objects (only to callers the bucket admits).</summary>
    public Output<string> DomainName => Outputs.DomainName;

    /// <summary>
    /// Lets one workload of a cluster create objects under one prefix of this bucket, and nothing else: no reads, no
    /// deletes (retention is the bucket's lifecycle rules), no other prefix. Returns where and how it writes.
    /// </summary>
    public ObjectStorageTarget GrantWrite(ObjectWriterArgs args, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(args);
        var grant = ObjectWriterRules.Resolve(this, args, writers, new SourceLocation(file, line));
        writers.Add(grant.Name);
        return Platform.Cloud.GrantObjectWriter(this, grant);
    }

    /// <summary>The CDN that serves this bucket, once one was created for it.</summary>
    public Edge.Cdn? ServedBy { get; internal set; }
}
