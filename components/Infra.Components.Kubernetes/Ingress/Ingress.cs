using System.Runtime.CompilerServices;
using Infra.Components.Clusters;
using Infra.Components.Edge;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// The cluster's HTTPS entry point: ingress-nginx and cert-manager as pinned Helm releases in their own
/// default-deny namespaces, a Let's Encrypt ClusterIssuer, a LoadBalancer Service carrying the cloud's load-balancer
/// annotations, and one Ingress per namespace of the routes, with TLS 1.2+, HTTP redirected to HTTPS, a per-client
/// rate limit, CORS from args and, in production, ModSecurity with the OWASP rules. DNS records are written when a
/// zone is given. The cloud is the platform's; this class never names one.
/// </summary>
/// <example>
/// <code>
/// var ingress = new Ingress("edge", new IngressArgs
/// {
///     Cluster = cluster,
///     Hosts = ["shop.example.com"],
///     Routes =
///     [
///         new IngressRoute { Path = "/", Namespace = "shop", Service = "frontend" },
///         new IngressRoute { Path = "/api", Namespace = "shop", Service = "backend" },
///     ],
///     AcmeEmail = "platform@example.com",
///     DnsZone = new DnsZone("Z123EXAMPLE", "example.com"),
/// }, platform);
/// // Workloads behind it: new WorkloadArgs { ..., IngressController = ingress.ControllerPeer }.
/// </code>
/// </example>
public sealed class Ingress : PlatformComponent
{
    public const string TypeToken = "infra:kubernetes:Ingress";

    public Ingress(string name, IngressArgs args, Platform platform, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, platform, WithClusterProvider(args, options), new SourceLocation(file, line))
    {
        if (!ReferenceEquals(args.Cluster.Platform, platform))
        {
            throw new ArgumentException($"Ingress '{name}' and cluster '{args.Cluster.Name}' are built on different platforms; pass the cluster's platform.", nameof(args));
        }

        Spec = IngressSpec.Resolve(name, args, platform.Settings, DeclaredAt);
        var release = name;
        var serviceName = $"{name}-controller";

        var controllerNs = PlatformNamespace.Create(this, "controller-ns", new NamespaceArgs
        {
            Name = Spec.ControllerNamespace,
            PodSecurity = PodSecurityLevel.Baseline,
            PodSecurityReason = "the ingress-nginx chart's controller and admission jobs are not verified against the restricted profile",
        });
        AllowWithinNamespace(controllerNs);
        AllowAllEgress(controllerNs, "allow-controller-egress", IngressValues.ControllerPods(release));
        AllowFromAnywhere(controllerNs, "allow-clients-and-webhook", IngressValues.ControllerPods(release), [80, 443, IngressValues.AdmissionWebhookPort]);
        var controller = HelmRelease.Create(ChildName("ingress-nginx"), release, HelmCharts.IngressNginx, controllerNs.NameOutput,
            IngressValues.Controller(Spec, serviceName), ChildOptions with { DependsOn = [controllerNs] });

        LoadBalancer = platform.Cloud.PrepareIngressLoadBalancer(this, new IngressLoadBalancerSpec(Spec.Cluster.Network, Spec.InternetFacing));
        var service = new CustomResource("kubernetes:core/v1:Service", ChildName("controller"),
            IngressObjects.ControllerService(Spec, serviceName, release, controllerNs.NameOutput, LoadBalancer),
            ChildOptions with { DependsOn = [controller] });
        var reported = LoadBalancer.AddressKind == LoadBalancerAddressKind.Hostname ? "hostname" : "ip";
        Address = LoadBalancer.ReservedAddress ?? service.GetOutput<string>($"status.loadBalancer.ingress[0].{reported}");

        // cert-manager is cluster-wide: in-cluster data services may need it too, and only one may run.
        var certManager = ClusterAddons.Ensure(Spec.Cluster.KubernetesProvider, "cert-manager", () =>
        {
            var certManagerNs = PlatformNamespace.Create(this, "cert-manager-ns", new NamespaceArgs
            {
                Name = Spec.CertManagerNamespace,
                PodSecurity = PodSecurityLevel.Baseline,
                PodSecurityReason = "the cert-manager chart's startup-check job is not verified against the restricted profile",
            });
            AllowWithinNamespace(certManagerNs);
            AllowAllEgress(certManagerNs, "allow-acme-and-api-egress", podLabels: null);
            AllowFromAnywhere(certManagerNs, "allow-webhook", new Dictionary<string, string> { ["app.kubernetes.io/component"] = "webhook" },
                [IngressValues.CertManagerWebhookPort]);
            return HelmRelease.Create(ChildName("cert-manager"), $"{name}-cert-manager", HelmCharts.CertManager, certManagerNs.NameOutput,
                IngressValues.CertManager(Spec), ChildOptions with { DependsOn = [certManagerNs] });
        });
        var issuer = new CustomResource("kubernetes:yaml/v2:ConfigGroup", ChildName("issuer"), new Props
        {
            ["objs"] = Input.List(IngressObjects.ClusterIssuer(Spec)),
        }, ChildOptions with { DependsOn = [certManager] });

        ControllerPeer = NetworkPeer.Pods(Spec.ControllerNamespace, IngressValues.ControllerPods(release));
        foreach (var group in Spec.Routes.GroupBy(r => r.Namespace, StringComparer.Ordinal))
        {
            _ = new CustomResource("kubernetes:networking.k8s.io/v1:Ingress", ChildName($"routes-{group.Key}"),
                IngressObjects.Routes(Spec, group.Key, [.. group]), ChildOptions with { DependsOn = [controller, issuer] });
            AllowAcmeSolver(group.Key);
        }

        if (Spec.DnsZone is { } zone)
        {
            platform.Cloud.CreateIngressDnsRecords(this, new IngressDnsSpec(zone, Spec.Hosts, 300), Address);
        }

        RegisterOutputs(new Dictionary<string, Input>
        {
            ["hosts"] = Input.List(Spec.Hosts.Select(h => (Input)h)),
            ["address"] = Address,
        });
    }

    /// <summary>The resolved inputs, with every default applied.</summary>
    public IngressSpec Spec { get; }

    /// <summary>What the cloud's realisation chose for the load balancer.</summary>
    public IngressLoadBalancer LoadBalancer { get; }

    /// <summary>
    /// Where the load balancer is reached: its reserved address, or what the cluster reports (an IP address, or a DNS
    /// name on clouds whose load balancers are reached by name, see <see cref="IngressLoadBalancer.AddressKind"/>).
    /// </summary>
    public Output<string> Address { get; }

    /// <summary>The controller's pods: pass to workloads so that their network policy admits the ingress.</summary>
    public NetworkPeer ControllerPeer { get; }

    private static ComponentResourceOptions WithClusterProvider(IngressArgs args, ComponentResourceOptions? options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(args.Cluster);
        if (options?.Provider is not null)
        {
            throw new ArgumentException("The Ingress deploys to IngressArgs.Cluster; pass no Provider option.", nameof(options));
        }

        var providers = (options?.Providers ?? []).Where(p => p.PackageName != ClusterProvider.Package).ToList();
        providers.Add(args.Cluster.KubernetesProvider);
        return (options ?? new ComponentResourceOptions()) with { Providers = providers };
    }

    /// <summary>Lets any address reach <paramref name="ports"/> of the selected pods: clients, or an API server whose addresses vary by cloud.</summary>
    private void AllowFromAnywhere(Namespace ns, string policyName, IReadOnlyDictionary<string, string> podLabels, IEnumerable<int> ports) =>
        Policy(ns, policyName, Policies.Ingress(K8s.MatchLabels(podLabels), [World], ports));

    /// <summary>The charts' pods call one another (webhooks, controllers, jobs).</summary>
    private void AllowWithinNamespace(Namespace ns) => Policy(ns, "allow-within-namespace", new Props
    {
        ["podSelector"] = new Props(),
        ["policyTypes"] = new[] { "Ingress", "Egress" },
        ["ingress"] = K8s.List([new Props { ["from"] = K8s.List([new Props { ["podSelector"] = new Props() }]) }]),
        ["egress"] = K8s.List([new Props { ["to"] = K8s.List([new Props { ["podSelector"] = new Props() }]) }]),
    });

    /// <summary>
    /// Every egress of the selected pods (all when <paramref name="podLabels"/> is null): the controller proxies to any
    /// namespace, cert-manager calls Let's Encrypt, and both call the API server, whose address varies by cloud.
    /// </summary>
    private void AllowAllEgress(Namespace ns, string policyName, IReadOnlyDictionary<string, string>? podLabels) => Policy(ns, policyName, new Props
    {
        ["podSelector"] = podLabels is null ? new Props() : K8s.MatchLabels(podLabels),
        ["policyTypes"] = new[] { "Egress" },
        ["egress"] = K8s.List([new Props { ["to"] = K8s.List([new Props { ["namespaceSelector"] = new Props() }, World]) }]),
    });

    /// <summary>
    /// cert-manager answers HTTP-01 challenges from solver pods in the namespace of each Ingress; the namespace denies
    /// by default, so the controller is let through to them.
    /// </summary>
    private void AllowAcmeSolver(string @namespace) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", ChildName($"{@namespace}-allow-acme-solver"), new Props
        {
            ["metadata"] = new Props { ["name"] = $"{Name}-allow-acme-solver", ["namespace"] = @namespace },
            ["spec"] = Policies.Ingress(K8s.MatchLabels(IngressValues.AcmeSolverPods), ControllerPeer.ToPolicyPeers(), [IngressValues.AcmeSolverPort]),
        }, ChildOptions);

    private static Props World => new() { ["ipBlock"] = new Props { ["cidr"] = "0.0.0.0/0" } };

    private void Policy(Namespace ns, string policyName, Props spec) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", ChildName($"{ns.KubernetesName}-{policyName}"), new Props
        {
            ["metadata"] = new Props { ["name"] = policyName, ["namespace"] = ns.NameOutput },
            ["spec"] = spec,
        }, ChildOptions);
}
