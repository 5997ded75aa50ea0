using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>Rotation of the platform's keys: yearly (INF-KMS-001).</summary>
    internal const string KeyRotationPeriod = "8760h";

    /// <summary>A rotating AES-256 key of one component, protected from deletion with the stateful resources.</summary>
    private CustomResource SymmetricKey(PlatformComponent component, string purpose) =>
        new("yandex:index/kmsSymmetricKey:KmsSymmetricKey", component.ChildResourceName("key"), new Props
        {
            ["name"] = ComponentNames.Fit(component.CloudResourceName(purpose), 63),
            ["description"] = $"Encrypts the {purpose} of {component.CloudResourceName()}",
            ["defaultAlgorithm"] = "AES_256",
            ["rotationPeriod"] = KeyRotationPeriod,
            ["deletionProtection"] = component.Settings.ProtectStatefulResources,
            ["labels"] = Labels(),
        }, component.StatefulChildResourceOptions);

    /// <summary>A generated password (letters and digits), secret.</summary>
    private static Output<string> Password(PlatformComponent component, string suffix) =>
        Output.CreateSecret<string>(new CustomResource("random:index/randomPassword:RandomPassword", component.ChildResourceName(suffix), new Props
        {
            ["length"] = 32,
            ["special"] = false,
        }, component.ChildResourceOptions).GetOutput<string>("result"));
}
