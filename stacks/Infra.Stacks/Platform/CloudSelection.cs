using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Gcp;
using Infra.Components.Yandex;

namespace Infra.Stacks.Platform;

/// <summary>The one place where the cloud is chosen: the stack's <c>infra:cloud</c> picks the realisation of <see cref="ICloud"/>.</summary>
public static class CloudSelection
{
    public static ICloud Create(PlatformConfig config) => config.Cloud switch
    {
        CloudKind.Aws => new AwsCloud(config.Settings, config.Aws) { Data = config.AwsData ?? new AwsDataOptions() },
        CloudKind.Gcp => new GcpCloud(config.Settings, config.Gcp!),
        CloudKind.Yandex => new YandexCloud(config.Settings, config.Yandex!),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Cloud, "Unknown cloud."),
    };
}
