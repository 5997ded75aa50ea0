using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Clusters;
using Infra.Components.Gcp;
using Infra.Components.Networking;
using Infra.Components.Yandex;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;

namespace Infra.Tests.Components.Data;

/// <summary>What a data test builds on: the platform, a network and a cluster of one cloud.</summary>
internal sealed record DataStack(Platform Platform, Network Network, KubernetesCluster Cluster)
{
    public ProviderResource KubernetesProvider => Cluster.KubernetesProvider;
}

/// <summary>Builds data services on a real platform of one cloud (dev or prod) and synthesizes the program.</summary>
internal static class DataProgram
{
    public static readonly CloudKind[] Clouds = [CloudKind.Aws, CloudKind.Gcp, CloudKind.Yandex];

    public static ProgramDocument Synthesize(CloudKind cloud, string environment, Action<DataStack> build, Func<PlatformSettings, AwsDataOptions>? aws = null) =>
        Synthesizer.Synthesize(Run(cloud, environment, build, aws));

    public static Deployment Run(CloudKind cloud, string environment, Action<DataStack> build, Func<PlatformSettings, AwsDataOptions>? aws = null) =>
        Deployment.Run(StackConfig.FromValues("infra", environment), () =>
        {
            var settings = Settings(cloud, environment);
            ICloud realisation = cloud switch
            {
                CloudKind.Aws => new AwsCloud(settings) { Data = aws?.Invoke(settings) ?? new AwsDataOptions() },
                CloudKind.Gcp => new GcpCloud(settings, new GcpOptions
                {
                    Project = "acme-platform",
                    ProjectNumber = "123456789012",
                    PrivateServicesCidr = "10.200.0.0/16",
                }),
                _ => new YandexCloud(settings, new YandexOptions { CloudId = "b1gaaaaaaaaaaaaaaaaa", FolderId = "b1gbbbbbbbbbbbbbbbbb" }),
            };
            var platform = new Platform(settings, realisation);
            var network = new Network("main", new NetworkArgs(), platform);
            var cluster = new KubernetesCluster("apps", new KubernetesClusterArgs { Version = "1.33" }, network, platform);
            build(new DataStack(platform, network, cluster));
        });

    public static PlatformSettings Settings(CloudKind cloud, string environment) => cloud switch
    {
        CloudKind.Aws => new PlatformSettings
        {
            Environment = environment,
            Region = "eu-west-1",
            Zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            NamePrefix = $"acme-{environment}",
        },
        CloudKind.Gcp => new PlatformSettings
        {
            Environment = environment,
            Region = "europe-west1",
            Zones = ["europe-west1-b", "europe-west1-c", "europe-west1-d"],
            NamePrefix = $"acme-{environment}",
        },
        _ => new PlatformSettings
        {
            Environment = environment,
            Region = "ru-central1",
            Zones = ["ru-central1-a", "ru-central1-b", "ru-central1-d"],
            NamePrefix = $"acme-{environment}",
        },
    };

    /// <summary>Every resource that is a child (at any depth) of the component named <paramref name="component"/>.</summary>
    public static IReadOnlyList<ResourceDecl> ChildrenOf(this ProgramDocument program, string component) =>
        [.. program.Resources.Where(r => r.Model is { } model && model.SelfAndAncestors().Any(a => !a.IsCustom && a.Name == component))];
}
