using System.Runtime.CompilerServices;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// A namespace that is safe to run workloads in: Pod Security Admission labels (restricted by default),
/// a default-deny NetworkPolicy for ingress and egress (INF-WL-013), DNS egress, a ResourceQuota and a LimitRange.
/// </summary>
/// <example>
/// <code>
/// var shop = new Namespace("shop", new NamespaceArgs(), new ComponentResourceOptions { Providers = [k8s] });
/// </code>
/// </example>
public sealed class Namespace : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:Namespace";

    public Namespace(string name, NamespaceArgs args, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems(DeclaredAt, name);
        ClusterProvider.Require(this, problems);
        var spec = NamespaceSpec.Resolve(name, args, problems);
        problems.ThrowIfAny();

        KubernetesName = spec.Name;
        var resource = new CustomResource("kubernetes:core/v1:Namespace", name, new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = spec.Name,
                ["labels"] = K8s.Map(Labels(spec)),
                ["annotations"] = spec.Args.PodSecurityReason is { } reason ? new Props { ["infra.dev/pod-security-reason"] = reason } : null,
            },
        }, ChildOptions);
        NameOutput = resource.GetOutput<string>("metadata.name");

        Child("kubernetes:networking.k8s.io/v1:NetworkPolicy", "default-deny", new Props
        {
            ["metadata"] = Metadata("default-deny"),
            ["spec"] = new Props
            {
                ["podSelector"] = new Props(),
                ["policyTypes"] = new[] { "Ingress", "Egress" },
            },
        });

        if (spec.Args.AllowDns)
        {
            var dnsPorts = new[] { "UDP", "TCP" }.Select(protocol => new Props { ["protocol"] = protocol, ["port"] = 53 });
            Child("kubernetes:networking.k8s.io/v1:NetworkPolicy", "allow-dns", new Props
            {
                ["metadata"] = Metadata("allow-dns"),
                ["spec"] = new Props
                {
                    ["podSelector"] = new Props(),
                    ["policyTypes"] = new[] { "Egress" },
                    ["egress"] = K8s.List([new Props { ["to"] = K8s.List(spec.Args.Dns.ToPolicyPeers()), ["ports"] = K8s.List(dnsPorts) }]),
                },
            });
        }

        var quota = spec.Args.Quota;
        Child("kubernetes:core/v1:ResourceQuota", "quota", new Props
        {
            ["metadata"] = Metadata("quota"),
            ["spec"] = new Props
            {
                ["hard"] = new Props
                {
                    ["requests.cpu"] = quota.RequestsCpu,
                    ["requests.memory"] = quota.RequestsMemory,
                    ["limits.cpu"] = quota.LimitsCpu,
                    ["limits.memory"] = quota.LimitsMemory,
                    ["pods"] = quota.Pods.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["persistentvolumeclaims"] = quota.PersistentVolumeClaims.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        });

        var limits = spec.Args.Limits;
        Child("kubernetes:core/v1:LimitRange", "limits", new Props
        {
            ["metadata"] = Metadata("limits"),
            ["spec"] = new Props
            {
                ["limits"] = K8s.List([new Props
                {
                    ["type"] = "Container",
                    ["defaultRequest"] = new Props { ["cpu"] = limits.DefaultRequestCpu, ["memory"] = limits.DefaultRequestMemory },
                    ["default"] = new Props { ["memory"] = limits.DefaultLimitMemory },
                    ["max"] = new Props { ["cpu"] = limits.MaxCpu, ["memory"] = limits.MaxMemory },
                }]),
            },
        });

        RegisterOutputs([new("name", NameOutput)]);
    }

    /// <summary>The Kubernetes name, known now (for selectors and DNS names).</summary>
    public string KubernetesName { get; }

    /// <summary>The name as an output of the namespace resource: objects that use it are created after the namespace.</summary>
    public Output<string> NameOutput { get; }

    private Props Metadata(string objectName) => new() { ["name"] = objectName, ["namespace"] = NameOutput };

    private void Child(string type, string suffix, Props properties) =>
        _ = new CustomResource(type, ChildName(suffix), properties, ChildOptions);

    private static IEnumerable<KeyValuePair<string, string>> Labels(NamespaceSpec spec)
    {
        var level = spec.Args.PodSecurity.ToString().ToLowerInvariant();
        var labels = new Dictionary<string, string>(spec.Args.Labels)
        {
            ["pod-security.kubernetes.io/enforce"] = level,
            ["pod-security.kubernetes.io/enforce-version"] = "latest",
            ["pod-security.kubernetes.io/audit"] = "restricted",
            ["pod-security.kubernetes.io/audit-version"] = "latest",
            ["pod-security.kubernetes.io/warn"] = "restricted",
            ["pod-security.kubernetes.io/warn-version"] = "latest",
            [K8s.ManagedByLabel] = "infra",
        };
        return labels;
    }
}
