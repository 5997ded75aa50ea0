using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Clusters;
using Infra.Components.Gcp;
using Infra.Components.Networking;
using Infra.Components.Yandex;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;

namespace Infra.Tests.Components;

/// <summary>Builds a <see cref="Platform"/> for a cloud and environment, and runs small programs on it.</summary>
internal static class TestPlatforms
{
    public const string Project = "infra";

    public static TheoryData<CloudKind, string> CloudsAndEnvironments()
    {
        var data = new TheoryData<CloudKind, string>();
        foreach (var cloud in Enum.GetValues<CloudKind>())
        {
            data.Add(cloud, "dev");
            data.Add(cloud, "prod");
        }

        return data;
    }

    public static TheoryData<CloudKind> Clouds() => new(Enum.GetValues<CloudKind>());

    public static PlatformSettings Settings(CloudKind cloud, string environment) => new()
    {
        Environment = environment,
        Region = cloud switch
        {
            CloudKind.Aws => "eu-west-1",
            CloudKind.Gcp => "europe-west1",
            _ => "ru-central1",
        },
        Zones = cloud switch
        {
            CloudKind.Aws => ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            CloudKind.Gcp => ["europe-west1-b", "europe-west1-c", "europe-west1-d"],
            _ => ["ru-central1-a", "ru-central1-b", "ru-central1-d"],
        },
        NamePrefix = $"acme-{environment}",
        Labels = new Dictionary<string, string> { ["team"] = "platform", ["environment"] = environment },
    };

    public static GcpOptions GcpOptions => new() { Project = "acme-platform", ProjectNumber = "123456789012" };

    public static YandexOptions YandexOptions => new() { CloudId = "b1gcloud000000000001", FolderId = "b1gfolder00000000001" };

    /// <summary>The platform of <paramref name="cloud"/>; call it inside a program (it declares the cloud's provider).</summary>
    public static Platform Create(CloudKind cloud, string environment, PlatformSettings? settings = null, AwsOptions? aws = null)
    {
        settings ??= Settings(cloud, environment);
        ICloud realisation = cloud switch
        {
            CloudKind.Aws => new AwsCloud(settings, aws),
            CloudKind.Gcp => new GcpCloud(settings, GcpOptions),
            _ => new YandexCloud(settings, YandexOptions),
        };
        return new Platform(settings, realisation);
    }

    /// <summary>Runs <paramref name="program"/> for a stack named after the environment and synthesizes it.</summary>
    public static ProgramDocument Synthesize(string environment, Action program) =>
        Synthesizer.Synthesize(Deployment.Run(StackConfig.FromValues(Project, environment), program));

    /// <summary>A network and a cluster with default arguments (besides the version).</summary>
    public static Built NetworkAndCluster(CloudKind cloud, string environment, NetworkArgs? networkArgs = null,
        KubernetesClusterArgs? clusterArgs = null, AwsOptions? aws = null)
    {
        Network? network = null;
        KubernetesCluster? cluster = null;
        var program = Synthesize(environment, () =>
        {
            var platform = Create(cloud, environment, aws: aws);
            network = new Network("main", networkArgs ?? new NetworkArgs(), platform);
            cluster = new KubernetesCluster("platform", clusterArgs ?? new KubernetesClusterArgs { Version = "1.30" }, network, platform);
        });
        return new Built(program, network!, cluster!);
    }

    /// <summary>Just a network.</summary>
    public static Built NetworkOnly(CloudKind cloud, string environment, NetworkArgs? args = null)
    {
        Network? network = null;
        var program = Synthesize(environment, () => network = new Network("main", args ?? new NetworkArgs(), Create(cloud, environment)));
        return new Built(program, network!, null);
    }

    /// <summary>A synthesized program and the components it was built from.</summary>
    public sealed record Built(ProgramDocument Program, Network Network, KubernetesCluster? Cluster);
}
