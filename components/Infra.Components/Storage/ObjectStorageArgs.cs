namespace Infra.Components.Storage;

/// <summary>Arguments of <see cref="ObjectStorage"/>: a private, encrypted, versioned bucket. Every property has a secure default.</summary>
public sealed record ObjectStorageArgs
{
    /// <summary>
    /// The bucket's cloud name, globally unique on most clouds: 3 to 63 lower-case letters, digits and hyphens,
    /// starting and ending with a letter or digit. Default: <c>{name prefix}-{component name}</c>.
    /// </summary>
    public string? BucketName { get; init; }

    /// <summary>
    /// The region the bucket lives in, e.g. a second region for copies of backups. The cloud must have object
    /// storage there (Yandex Object Storage has one region per cloud). Default: the platform's region.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>Keep every version of every object, so that overwrites and deletes can be undone. Default: true.</summary>
    public bool Versioning { get; init; } = true;

    /// <summary>What happens to objects as they age. Default: none.</summary>
    public IReadOnlyList<LifecycleRule> LifecycleRules { get; init; } = [];

    /// <summary>Log every request to a companion bucket (<c>{bucket}-logs</c>, kept one year). Default: true in production.</summary>
    public bool? AccessLogs { get; init; }

    /// <summary>Encrypt with a key the platform creates and rotates rather than the cloud's own. Default: true in production.</summary>
    public bool? CustomerManagedKey { get; init; }

    /// <summary>
    /// The bucket is the origin of a <c>Cdn</c>: its objects are readable through that CDN only (and by nobody
    /// anonymously). Default: false (no read access beyond the owning account's IAM).
    /// </summary>
    public bool ServeThroughCdn { get; init; }

    /// <summary>Let <c>pulumi destroy</c> delete a bucket that still holds objects. Refused in production. Default: false.</summary>
    public bool ForceDestroy { get; init; }
}

/// <summary>
/// One lifecycle rule: objects under <see cref="Prefix"/> move to cold storage, expire, or lose old versions after
/// some days. At least one action is required.
/// </summary>
public sealed record LifecycleRule
{
    /// <summary>The rule's name: letters, digits, '-' and '_', at most 64 characters. Required.</summary>
    public required string Id { get; init; }

    /// <summary>Objects the rule applies to, by key prefix. Default: every object.</summary>
    public string? Prefix { get; init; }

    /// <summary>Move objects to the cloud's infrequent-access class after this many days (at least 30). Default: never.</summary>
    public int? TransitionToColdAfterDays { get; init; }

    /// <summary>Delete objects (or, with versioning, make them non-current) after this many days. Default: never.</summary>
    public int? ExpireAfterDays { get; init; }

    /// <summary>Delete non-current versions this many days after they were replaced. Needs versioning. Default: never.</summary>
    public int? NoncurrentVersionsExpireAfterDays { get; init; }

    /// <summary>Abort unfinished multipart uploads after this many days. Default: 7.</summary>
    public int? AbortIncompleteUploadsAfterDays { get; init; } = 7;
}
