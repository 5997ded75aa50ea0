using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>Rotation of the platform's keys: 90 days (CIS GCP 1.10, INF-KMS-001).</summary>
    internal const string KeyRotationPeriod = "7776000s";

    /// <summary>
    /// A key ring and a rotating key in the region for one component, and the grant that lets a Google service agent
    /// (<c>service-{project number}@{agentDomain}</c>) encrypt and decrypt with it. Users of the key depend on the grant.
    /// </summary>
    private (Output<string> KeyId, CustomResource Grant) ServiceAgentKey(PlatformComponent component, string keyName, string agentDomain, string? location = null)
    {
        var (key, grants) = RotatingKey(component, keyName, [("key-service-agent", $"serviceAccount:service-{Options.ProjectNumber}@{agentDomain}")], location);
        return (key.Id, grants[0]);
    }

    /// <summary>
    /// The one way a component gets a Cloud KMS key: a key ring and a key in the region, rotated every 90 days, kept
    /// 30 days after destruction, protected with the component's stateful resources, usable by the given members only.
    /// The key lives in <paramref name="location"/> (default: the platform's region): Google services use only keys of
    /// the location of the data they encrypt.
    /// </summary>
    private (CustomResource Key, IReadOnlyList<CustomResource> Grants) RotatingKey(
        PlatformComponent component, string keyName, IEnumerable<(string Suffix, string Member)> users, string? location = null)
    {
        var ring = new CustomResource("gcp:kms/keyRing:KeyRing", component.ChildResourceName("keyring"), new Props
        {
            ["name"] = component.CloudResourceName(),

            // Cloud KMS spells locations in lower case; Cloud Storage accepts either (EU, eu).
            ["location"] = (location ?? Region).ToLowerInvariant(),
            ["project"] = Options.Project,
        }, component.StatefulChildResourceOptions);
        var key = new CustomResource("gcp:kms/cryptoKey:CryptoKey", component.ChildResourceName("key"), new Props
        {
            ["name"] = keyName,
            ["keyRing"] = ring.Id,
            ["purpose"] = "ENCRYPT_DECRYPT",
            ["rotationPeriod"] = KeyRotationPeriod,
            ["destroyScheduledDuration"] = "2592000s",
        }, component.StatefulChildResourceOptions);
        var grants = users.Select(user => new CustomResource("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", component.ChildResourceName(user.Suffix), new Props
        {
            ["cryptoKeyId"] = key.Id,
            ["role"] = "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            ["member"] = user.Member,
        }, component.ChildResourceOptions)).ToList();
        return (key, grants);
    }
}
