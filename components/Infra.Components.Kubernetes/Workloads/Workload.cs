using System.Runtime.CompilerServices;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// An application service on Kubernetes, hardened by default: Deployment (rolling update with zero unavailable,
/// probes, requests and limits, non-root read-only containers with every capability dropped and RuntimeDefault
/// seccomp), Service, HorizontalPodAutoscaler, PodDisruptionBudget, its own ServiceAccount without a token, and
/// NetworkPolicies that allow exactly the declared flows.
/// </summary>
/// <example>
/// <code>
/// var api = new Workload("api", new WorkloadArgs
/// {
///     Namespace = shop,
///     Image = "ghcr.io/acme/api:1.4.2",
///     ConnectsTo = [ordersDb, eventsKafka],
///     IngressController = NetworkPeer.Pods("ingress-nginx", new Dictionary&lt;string, string&gt; { ["app.kubernetes.io/name"] = "ingress-nginx" }),
/// }, new ComponentResourceOptions { Providers = [k8s] });
/// frontend.ConnectsTo(api);   // egress from frontend, ingress to api, nothing else
/// </code>
/// </example>
public sealed class Workload : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:Workload";

    private readonly WorkloadSpec spec;
    private readonly HashSet<string> flows = new(StringComparer.Ordinal);

    public Workload(string name, WorkloadArgs args, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems(DeclaredAt, name);
        ClusterProvider.Require(this, problems);
        spec = WorkloadSpec.Resolve(name, args, problems);
        problems.ThrowIfAny();

        Namespace = args.Namespace;
        var serviceAccount = Child("kubernetes:core/v1:ServiceAccount", "sa", new Props
        {
            ["metadata"] = K8s.Annotate(Metadata(spec.Name), spec.ServiceAccountAnnotations),
            ["automountServiceAccountToken"] = false,
        });

        Output<string>? configMap = spec.ConfigEntries.Count == 0 ? null : Child("kubernetes:core/v1:ConfigMap", "config", new Props
        {
            // No fixed name: Pulumi names it and replaces it on change, which rolls the Deployment.
            ["metadata"] = Metadata(null),
            ["data"] = ToProps(spec.ConfigEntries),
        }).GetOutput<string>("metadata.name");

        Output<string>? secret = spec.SecretEntries.Count == 0 ? null : Child("kubernetes:core/v1:Secret", "secrets", new Props
        {
            ["metadata"] = Metadata(null),
            ["type"] = "Opaque",
            ["stringData"] = ToProps(spec.SecretEntries.Select(e => new KeyValuePair<string, Input>(e.Key, EndpointRules.Secret(e.Value)))),
        }).GetOutput<string>("metadata.name");

        // The account's name is written as the literal it is, so that reviews and policies see which account runs the
        // pods; dependsOn keeps the order a reference would give.
        Child("kubernetes:apps/v1:Deployment", "deployment", new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["spec"] = WorkloadObjects.DeploymentSpec(spec, spec.Name, configMap, secret),
        }, ChildOptions with { IgnoreChanges = ["spec.replicas"], DependsOn = [serviceAccount] });

        var service = Child("kubernetes:core/v1:Service", "service", new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["spec"] = WorkloadObjects.ServiceSpec(spec),
        });
        ServiceName = service.GetOutput<string>("metadata.name");

        Child("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "hpa", new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["spec"] = WorkloadObjects.AutoscalerSpec(spec),
        });

        Child("kubernetes:policy/v1:PodDisruptionBudget", "pdb", new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["spec"] = WorkloadObjects.DisruptionBudgetSpec(spec),
        });

        if (args.IngressController is { } controller)
        {
            AllowIngress("ingress", controller, [args.Port]);
        }

        foreach (var endpoint in args.ConnectsTo)
        {
            AllowEgress(endpoint.Name, NetworkPeer.Of(endpoint), endpoint.Ports);
        }

        if (spec.CredentialEndpoints.Count > 0)
        {
            Policy("to-credential-endpoints", Policies.EgressToEach(K8s.MatchLabels(SelectorLabels), spec.CredentialEndpoints));
        }

        RegisterOutputs([new("serviceName", ServiceName)]);
    }

    /// <summary>The namespace the workload runs in.</summary>
    public Namespace Namespace { get; }

    /// <summary>The Kubernetes name of the Deployment, Service and ServiceAccount.</summary>
    public string KubernetesName => spec.Name;

    /// <summary>The container port (also what NetworkPolicies open: they see pod ports, not Service ports).</summary>
    public int Port => spec.Args.Port;

    public int ServicePort => spec.Args.ServicePort;

    /// <summary>The in-cluster DNS name of the Service, e.g. <c>api.shop.svc</c>.</summary>
    public string ServiceHost => $"{spec.Name}.{Namespace.KubernetesName}.svc";

    /// <summary>The Service name as an output (objects that use it wait for the Service).</summary>
    public Output<string> ServiceName { get; }

    /// <summary>Labels that select the workload's pods.</summary>
    public IReadOnlyDictionary<string, string> SelectorLabels => spec.SelectorLabels;

    /// <summary>The Service port name and path Prometheus scrapes; null when scraping is off.</summary>
    public (string PortName, int Port, string Path)? Metrics => spec is { MetricsPort: { } port, Args.MetricsPath: { } path }
        ? (WorkloadObjects.ScrapePortName(spec), port, path)
        : null;

    /// <summary>
    /// Declares that this workload calls <paramref name="target"/>: an egress policy here and an ingress policy
    /// there, both limited to the target's pods and container port. Calling it again changes nothing.
    /// </summary>
    public Workload ConnectsTo(Workload target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(target, this))
        {
            throw new ArgumentException($"Workload '{Name}' cannot declare a connection to itself; pods of one workload are not isolated from each other by Infra.", nameof(target));
        }

        AllowEgress(target.KubernetesName, NetworkPeer.Pods(target.Namespace.KubernetesName, target.SelectorLabels), [target.Port]);
        target.AllowIngress(KubernetesName, NetworkPeer.Pods(Namespace.KubernetesName, SelectorLabels), [target.Port]);
        return this;
    }

    /// <summary>Declares that <paramref name="caller"/> calls this workload (the same as <c>caller.ConnectsTo(this)</c>).</summary>
    public Workload AllowFrom(Workload caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.ConnectsTo(this);
        return this;
    }

    /// <summary>
    /// Lets <paramref name="peer"/> reach the workload's pods on <paramref name="ports"/>, in a policy named
    /// <c>&lt;workload&gt;-from-&lt;source&gt;</c>. Used for callers that are not workloads (ingress controller, Prometheus).
    /// </summary>
    public void AllowIngress(string source, NetworkPeer peer, IReadOnlyList<int> ports)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(ports);
        if (flows.Add($"from:{source}"))
        {
            Policy($"from-{source}", Policies.Ingress(K8s.MatchLabels(SelectorLabels), peer.ToPolicyPeers(), ports));
        }
    }

    private void AllowEgress(string target, NetworkPeer peer, IReadOnlyList<int> ports)
    {
        if (flows.Add($"to:{target}"))
        {
            Policy($"to-{target}", Policies.Egress(K8s.MatchLabels(SelectorLabels), peer.ToPolicyPeers(), ports));
        }
    }

    private void Policy(string suffix, Props policySpec) => Child("kubernetes:networking.k8s.io/v1:NetworkPolicy", suffix, new Props
    {
        ["metadata"] = Metadata($"{spec.Name}-{suffix}"),
        ["spec"] = policySpec,
    });

    private Props Metadata(string? objectName) => K8s.Metadata(objectName, Namespace.NameOutput, spec.Labels);

    private CustomResource Child(string type, string suffix, Props properties, CustomResourceOptions? options = null) =>
        new(type, ChildName(suffix), properties, options ?? ChildOptions);

    private static Props ToProps(IEnumerable<KeyValuePair<string, Input>> entries)
    {
        var props = new Props();
        foreach (var (key, value) in entries)
        {
            props[key] = value;
        }

        return props;
    }
}
