using Infra.Components;
using Infra.Components.Connectivity;
using Infra.Components.Storage;
using Infra.Core.Diagnostics;
using Infra.Core.Values;
using Infra.Tests.Components.Edge;

namespace Infra.Tests.Components.Storage;

/// <summary>Static-key write grants on Yandex, which has no identity for pods, and its one storage region.</summary>
public sealed class YandexObjectWriterTests
{
    [Fact]
    public void A_grant_is_a_service_account_that_may_upload_and_encrypt_and_its_static_key()
    {
        var program = WriterPrograms.Build(CloudKind.Yandex, "prod").Program;

        Assert.Equal(
        [
            "yandex:index/iamServiceAccount:IamServiceAccount",
            "yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember",
            "yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember",
            "yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey",
        ], program.GrantResources().Select(r => r.Type));
        var account = program.Single("yandex:index/iamServiceAccount:IamServiceAccount", "backups-writer-events-backup");
        Assert.Equal("acme-prod-backups-writer-events-backup", account.Text("name"));

        var roles = program.OfType("yandex:index/resourcemanagerFolderIamMember:ResourcemanagerFolderIamMember")
            .Where(m => m.Key.StartsWith("backups-writer-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["storage.uploader", "kms.keys.encrypter"], roles.Select(r => r.Text("role")));
        Assert.All(roles, r =>
        {
            Assert.Equal("b1gfolder00000000001", r.Text("folderId"));
            var member = Assert.IsType<InterpolationNode>(r.Get("member"));
            Assert.Equal("serviceAccount:", Assert.IsType<StringNode>(member.Parts[0]).Value);
            Assert.Equal("backups-writer-events-backup.id", Assert.IsType<ReferenceNode>(Assert.Single(member.Parts.Skip(1))).ToExpressionText());
        });

        var key = program.Single("yandex:index/iamServiceAccountStaticAccessKey:IamServiceAccountStaticAccessKey", "backups-writer-events-backup-key");
        Assert.True(key.Get("serviceAccountId").References(account));
        var dependsOn = Assert.IsType<ListNode>(key.Options!["dependsOn"]).Items;
        Assert.All(roles, r => Assert.Contains(dependsOn, d => d.References(r)));
    }

    [Fact]
    public void The_target_is_the_s3_endpoint_with_a_secret_static_key_and_no_ambient_identity()
    {
        var target = WriterPrograms.Build(CloudKind.Yandex, "dev").Target;

        Assert.Equal(("acme-dev-backups", "https://storage.yandexcloud.net", "ru-central1", ObjectStorageApi.S3, "clickhouse/events/"),
            (target.Bucket, target.Endpoint, target.Region, target.Api, target.Prefix));
        Assert.True(target.HasStaticKey);
        foreach (var (half, field) in new[] { (target.AccessKeyId!, "accessKey"), (target.SecretAccessKey!, "secretKey") })
        {
            var secret = Assert.IsType<FunctionNode>(half.Node);
            Assert.Equal("secret", secret.Name);
            Assert.Equal($"backups-writer-events-backup-key.{field}", Assert.IsType<ReferenceNode>(secret.Argument).ToExpressionText());
        }

        Assert.Null(target.GrantedTo);
        Assert.Empty(target.ServiceAccountAnnotations);
        Assert.Empty(target.CredentialEndpoints);
    }

    [Fact]
    public void A_bucket_in_another_region_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => WriterPrograms.Build(CloudKind.Yandex, "dev", new ObjectStorageArgs { Region = "kz1" }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("INFRA-STORAGE-003", "ObjectStorageArgs.Region", "kz1", "backups"),
            (diagnostic.Code, diagnostic.Key, diagnostic.Value, diagnostic.Resource));
        Assert.Equal("ObjectStorageArgs.Region: Yandex Object Storage cannot keep bucket 'acme-dev-backups' in 'kz1', outside the platform's region 'ru-central1'.",
            diagnostic.Message);
        Assert.Equal("Yandex Object Storage serves one region per cloud", diagnostic.Rule);
        Assert.Equal("Leave Region unset.", diagnostic.Fix);
        Assert.EndsWith("WriterPrograms.cs", diagnostic.File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_region_named_explicitly_is_accepted()
    {
        var built = WriterPrograms.Build(CloudKind.Yandex, "dev", new ObjectStorageArgs { Region = "ru-central1" });

        Assert.Single(built.Program.OfType("yandex:index/storageBucket:StorageBucket"));
    }
}
