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
    private (Output<string> KeyId, CustomResource Grant) ServiceAgentKey(PlatformComponent component, string keyName, string agentDomain)
    {
        var ring = new CustomResource("gcp:kms/keyRing:KeyRing", component.ChildResourceName("keyring"), new Props
        {
            ["name"] = component.CloudResourceName(),
            ["location"] = Region,
        }, component.StatefulChildResourceOptions);
        var key = new CustomResource("gcp:kms/cryptoKey:CryptoKey", component.ChildResourceName("key"), new Props
        {
            ["name"] = keyName,
            ["keyRing"] = ring.Id,
            ["purpose"] = "ENCRYPT_DECRYPT",
            ["rotationPeriod"] = KeyRotationPeriod,
        }, component.StatefulChildResourceOptions);
        var grant = new CustomResource("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", component.ChildResourceName("key-service-agent"), new Props
        {
            ["cryptoKeyId"] = key.Id,
            ["role"] = "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            ["member"] = $"serviceAccount:service-{Options.ProjectNumber}@{agentDomain}",
        }, component.ChildResourceOptions);
        return (key.Id, grant);
    }
}
