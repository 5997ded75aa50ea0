using Infra.Stacks.Cli;

namespace Infra.Stacks.Platform;

/// <summary>
/// The provider packages the stacks use, pinned to the versions whose schemas Infra checks against.
/// Yandex is the Terraform provider yandex-cloud/yandex 0.222.0 through Pulumi's parameterized
/// terraform-provider package, declared under <c>packages:</c> in Pulumi.yaml (so it has no plugin version here).
/// </summary>
public static class ProviderPins
{
    public const string Aws = "7.48.0";
    public const string Gcp = "9.35.0";
    public const string Kubernetes = "4.32.0";
    public const string Random = "4.21.1";

    public static readonly IReadOnlyList<ProviderPackage> All =
    [
        new("aws", Aws),
        new("gcp", Gcp),
        new("kubernetes", Kubernetes),
        new("random", Random),
        new("yandex", null),
    ];
}
