using System.Runtime.CompilerServices;
using Infra.Components.Networking;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Clusters;

/// <summary>
/// A managed Kubernetes cluster in a <see cref="Networking.Network"/>: pinned version, private (or allow-listed)
/// API endpoint, secrets encrypted with a rotating KMS key, control-plane and audit logs, private autoscaled
/// node pools with auto-repair and auto-upgrade, and network-policy enforcement. In-cluster components receive
/// <see cref="KubernetesProvider"/>.
/// </summary>
public sealed class KubernetesCluster : PlatformComponent
{
    public const string TypeToken = "infra:index:KubernetesCluster";

    /// <summary>The version of the Kubernetes provider plugin the cluster's provider uses.</summary>
    public const string KubernetesProviderVersion = "4.32.0";

    public KubernetesCluster(string name, KubernetesClusterArgs args, Network network, Platform platform,
        ComponentResourceOptions? options = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(network);
        if (!ReferenceEquals(network.Platform, platform))
        {
            throw new ArgumentException($"Cluster '{name}' and network '{network.Name}' are built on different platforms; pass the network's platform.", nameof(network));
        }

        Spec = KubernetesClusterSpec.Resolve(name, args, platform.Settings, platform.Cloud.MachineTypes, DeclaredAt);
        Network = network;
        Outputs = platform.Cloud.CreateCluster(this, Spec, network);
        Kubeconfig = Output.CreateSecret<string>(Clusters.Kubeconfig.Build(
            CloudResourceName(), Outputs.Endpoint, Outputs.CertificateAuthorityData, Outputs.Credentials));
        KubernetesProvider = new ProviderResource("kubernetes", ChildName("k8s"), new Props { ["kubeconfig"] = Kubeconfig },
            ChildOptions with { Version = KubernetesProviderVersion, DependsOn = Outputs.ReadyWhen });
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["clusterName"] = ClusterName,
            ["endpoint"] = Endpoint,
            ["version"] = Spec.Version.ToString(),
            ["kubeconfig"] = Kubeconfig,
        });
    }

    /// <summary>The resolved inputs, with every default applied.</summary>
    public KubernetesClusterSpec Spec { get; }

    /// <summary>The network the cluster runs in.</summary>
    public Network Network { get; }

    /// <summary>Everything the cloud's realisation returned.</summary>
    public ClusterOutputs Outputs { get; }

    /// <summary>The cloud's name of the cluster.</summary>
    public Output<string> ClusterName => Outputs.ClusterName;

    /// <summary>The API server URL.</summary>
    public Output<string> Endpoint => Outputs.Endpoint;

    /// <summary>
    /// A kubeconfig for the cluster, secret. It holds no token: clients run the cloud's CLI (<c>aws eks get-token</c>,
    /// <c>gke-gcloud-auth-plugin</c>, <c>yc k8s create-token</c>) with their own identity.
    /// </summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>The explicit Kubernetes provider for this cluster; pass it to in-cluster components.</summary>
    public ProviderResource KubernetesProvider { get; }
}
