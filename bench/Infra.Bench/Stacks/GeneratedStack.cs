using System.Globalization;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Values;
using Infra.Stacks.Platform;

namespace Infra.Bench.Stacks;

/// <summary>
/// A generated production stack built through Infra's real components: namespaces of services that call each
/// other, each group with a managed data service (raw AWS resources until the data components land) that one
/// service connects to. It passes the policy pack in prod, so the benchmark measures a deployable program.
/// </summary>
internal static class GeneratedStack
{
    public const string Project = "infra";
    public const string Stack = "prod";

    private static readonly NetworkPeer IngressController =
        NetworkPeer.Pods("ingress-nginx", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "ingress-nginx" });

    /// <summary>The stack's config: the cluster's kubeconfig is a secret, as Pulumi would pass it.</summary>
    public static StackConfig Config() => StackConfig.FromValues(Project, Stack,
        new Dictionary<string, string> { ["aws:region"] = "eu-west-1", ["team"] = "platform" }, ["kubeconfig"]);

    /// <summary>The program for <paramref name="shape"/>, to run with <see cref="Deployment.Run(StackConfig, Action)"/>.</summary>
    public static Action Program(StackShape shape) => () => Build(shape);

    private static void Build(StackShape shape)
    {
        var config = new Config();
        var team = config.Require("team");
        _ = new ProviderResource("aws", "aws", new Props { ["region"] = new Config("aws").Require("region") },
            new CustomResourceOptions { Version = ProviderPins.Aws }, isDefault: true);
        var k8s = new ProviderResource("kubernetes", "cluster", new Props { ["kubeconfig"] = config.RequireSecret("kubeconfig") },
            new CustomResourceOptions { Version = ProviderPins.Kubernetes });
        var options = new ComponentResourceOptions { Providers = [k8s] };

        Namespace? first = null;
        Namespace? last = null;
        for (var group = 0; group < shape.Groups; group++)
        {
            last = Group(group, team, options, shape.OneNamespace ? first : null);
            first ??= last;
        }

        if (shape.ExtraNamespace)
        {
            last = new Namespace("rest", new NamespaceArgs(), options);
            first ??= last;
        }

        var space = (shape.OneNamespace ? first : last) ?? throw new InvalidOperationException("A generated stack has at least one namespace.");
        for (var i = 0; i < shape.ExtraWorkloads; i++)
        {
            _ = Service($"rest-svc-{i}", space, team, options);
        }

        for (var i = 0; i < shape.ExtraConfigMaps; i++)
        {
            _ = new CustomResource("kubernetes:core/v1:ConfigMap", $"rest-settings-{i}", new Props
            {
                ["metadata"] = new Props { ["name"] = $"settings-{i}", ["namespace"] = space.NameOutput },
                ["data"] = new Props { ["LOG_LEVEL"] = "info", ["INDEX"] = i.ToString(CultureInfo.InvariantCulture) },
            }, new CustomResourceOptions { Provider = k8s });
        }
    }

    /// <summary>A group: its namespace, the data service and the chain of services (in <paramref name="shared"/> when given).</summary>
    private static Namespace Group(int group, string team, ComponentResourceOptions options, Namespace? shared)
    {
        var prefix = $"g{group}";
        var own = new Namespace(prefix, new NamespaceArgs { Labels = new Dictionary<string, string> { ["team"] = team } }, options);
        var space = shared ?? own;
        var data = group % 2 == 0 ? DataServices.Postgres($"{prefix}-orders-db") : DataServices.Redis($"{prefix}-cache");
        var services = new Workload[StackShape.WorkloadsPerGroup];
        for (var i = 0; i < services.Length; i++)
        {
            services[i] = Service($"{prefix}-svc-{i}", space, team, options,
                exposed: i == 0, connectsTo: i == services.Length - 1 ? data : null);
        }

        for (var i = 0; i + 1 < services.Length; i++)
        {
            services[i].ConnectsTo(services[i + 1]);
        }

        return own;
    }

    private static Workload Service(string name, Namespace space, string team, ComponentResourceOptions options,
        bool exposed = false, ServiceEndpoint? connectsTo = null) => new(name, new WorkloadArgs
        {
            Namespace = space,
            Image = $"ghcr.io/acme/{name}:1.4.2",
            CpuRequest = "250m",
            MemoryRequest = "256Mi",
            MemoryLimit = "512Mi",
            CpuLimit = "1",
            Probes = new WorkloadProbes { LivenessPath = "/healthz", ReadinessPath = "/ready", StartupSeconds = 60 },
            Labels = new Dictionary<string, string> { ["team"] = team, ["tier"] = exposed ? "edge" : "internal" },
            IngressController = exposed ? IngressController : null,
            ConnectsTo = connectsTo is null ? [] : [connectsTo],
        }, options);
}
