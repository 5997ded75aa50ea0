using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>
    /// The folder roles of a bucket writer: uploading objects, and encrypting them with the bucket's KMS key (Object
    /// Storage encrypts with the uploader's rights). Neither can be granted on one bucket or one key here: the
    /// provider schema has no bucket or key IAM binding, and a bucket policy is an all-or-nothing filter on every caller.
    /// </summary>
    internal static readonly string[] WriterRoles = ["storage.uploader", "kms.keys.encrypter"];

    /// <summary>The region S3 clients sign for; Object Storage has one endpoint and one region per cloud.</summary>
    internal const string S3SigningRegion = "ru-central1";

    /// <summary>
    /// Yandex has no identity for pods, so the writer is a service account of its own with a static access key (both
    /// halves secret outputs). Its roles are <see cref="WriterRoles"/> on the folder: the narrowest that uploads and
    /// encrypts, but they reach every bucket and key of the folder and allow overwriting objects (versioning keeps the
    /// old versions). Confining it to this bucket's prefix would take a bucket policy, which in Object Storage also
    /// shuts out every caller it does not name, so none is set.
    /// </summary>
    public ObjectStorageTarget GrantObjectWriter(ObjectStorage storage, ObjectWriterGrant grant)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(grant);
        _ = yandexBuckets[storage];
        var spec = storage.Spec;
        var stem = $"writer-{grant.Name}";
        var account = new CustomResource("yandex:index/iamServiceAccount:IamServiceAccount", storage.ChildResourceName(stem), new Props
        {
            ["name"] = ComponentNames.Fit(storage.CloudResourceName(stem), 63),
            ["description"] = $"{grant.Namespace}/{grant.ServiceAccount} uploads to {spec.BucketName}/{grant.Prefix}",
            ["labels"] = Labels(),
        }, storage.ChildResourceOptions);
        var roles = WriterRoles.Select(role => (Resource)new CustomResource("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember",
            storage.ChildResourceName($"{stem}-{role.Replace('.', '-')}"), new Props
            {
                ["folderId"] = Options.FolderId,
                ["role"] = role,
                ["member"] = Output.Format($"serviceAccount:{account.Id}"),
            }, storage.ChildResourceOptions)).ToList();
        var key = new CustomResource("yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey", storage.ChildResourceName($"{stem}-key"), new Props
        {
            ["serviceAccountId"] = account.Id,
            ["description"] = $"Uploads of {grant.Namespace}/{grant.ServiceAccount} to bucket {spec.BucketName}",
        }, storage.ChildResourceOptions with { DependsOn = roles });

        return new ObjectStorageTarget
        {
            Bucket = spec.BucketName,
            Endpoint = "https://storage.yandexcloud.net",
            Region = S3SigningRegion,
            Api = ObjectStorageApi.S3,
            Prefix = grant.Prefix,
            AccessKeyId = Output.CreateSecret<string>(key.GetOutput<string>("accessKey")),
            SecretAccessKey = Output.CreateSecret<string>(key.GetOutput<string>("secretKey")),
        };
    }
}
