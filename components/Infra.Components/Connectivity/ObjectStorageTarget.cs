using Infra.Core.Values;

namespace Infra.Components.Connectivity;

/// <summary>
/// A place in S3-compatible object storage to write to: AWS S3, Google Cloud Storage (XML API with HMAC keys)
/// or Yandex Object Storage. Bucket components return one; backup jobs take it as their destination.
/// </summary>
/// <example>
/// <code>
/// var target = new ObjectStorageTarget
/// {
///     Bucket = "acme-prod-backups",
///     Endpoint = "https://storage.yandexcloud.net",
///     Region = "ru-central1",
///     AccessKeyId = bucketKey.AccessKeyId,          // secret outputs
///     SecretAccessKey = bucketKey.SecretAccessKey,
/// };
/// </code>
/// </example>
public sealed record ObjectStorageTarget
{
    /// <summary>The bucket name (3 to 63 lower-case letters, digits, '.' and '-').</summary>
    public required string Bucket { get; init; }

    /// <summary>The S3 API endpoint, an https URL (e.g. https://s3.eu-central-1.amazonaws.com, https://storage.googleapis.com).</summary>
    public required string Endpoint { get; init; }

    /// <summary>The region the client signs requests for. Default: us-east-1 (what most S3-compatible stores accept).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Key prefix under which objects are written. Default: backups/.</summary>
    public string Prefix { get; init; } = "backups/";

    /// <summary>Access key id of a key allowed to write and delete under <see cref="Prefix"/> (secret output).</summary>
    public required Output<string> AccessKeyId { get; init; }

    /// <summary>Secret access key of that key (secret output).</summary>
    public required Output<string> SecretAccessKey { get; init; }

    /// <summary>
    /// Address ranges of the endpoint, opened on HTTPS (443). Default: 0.0.0.0/0, because public object storage
    /// endpoints have no stable ranges; narrow it when the cloud publishes them or a private endpoint is used.
    /// </summary>
    public IReadOnlyList<string> Cidrs { get; init; } = ["0.0.0.0/0"];
}
