using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Storage;

/// <summary>How a cloud builds an <see cref="ObjectStorage"/> bucket.</summary>
public interface IObjectStorageRealisation
{
    /// <summary>
    /// Creates the bucket and everything that keeps it private, encrypted and logged as children of
    /// <paramref name="storage"/>. Read access for a CDN is granted by the CDN's realisation.
    /// </summary>
    ObjectStorageOutputs CreateObjectStorage(ObjectStorage storage, ObjectStorageSpec spec);

    /// <summary>
    /// Lets one workload of a cluster create objects under one prefix of <paramref name="storage"/>, and nothing
    /// more, as children of <paramref name="storage"/>: a cloud identity bound to the workload's Kubernetes service
    /// account where the cloud has that, otherwise a static key of a service account that may only upload.
    /// </summary>
    ObjectStorageTarget GrantObjectWriter(ObjectStorage storage, ObjectWriterGrant grant);
}

/// <summary>What a cloud's bucket gives other components.</summary>
public sealed record ObjectStorageOutputs
{
    /// <summary>The bucket's cloud name.</summary>
    public required Output<string> BucketName { get; init; }

    /// <summary>The host name that serves the bucket's objects over HTTPS (regional where the cloud has one).</summary>
    public required Output<string> DomainName { get; init; }

    /// <summary>The access-log bucket's name; null when access logs are off.</summary>
    public Output<string>? AccessLogBucketName { get; init; }
}
