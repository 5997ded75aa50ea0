using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>The Kubernetes objects every in-cluster data service is made of, built on the cluster's provider.</summary>
internal sealed class KubernetesObjects
{
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    private readonly DataService owner;

    /// <summary>The data service the objects belong to.</summary>
    public DataService Owner => owner;

    public KubernetesObjects(DataService owner, ProviderResource provider)
    {
        this.owner = owner;
        Provider = provider;
        Namespace = owner.CloudResourceName();
    }

    public ProviderResource Provider { get; }

    /// <summary>The service's own namespace: <c>&lt;prefix&gt;-&lt;component&gt;</c>.</summary>
    public string Namespace { get; }

    /// <summary>Options for a child on the cluster's provider.</summary>
    public CustomResourceOptions Options(IReadOnlyList<Resource>? dependsOn = null, bool stateful = false) =>
        (stateful ? owner.StatefulChildResourceOptions : owner.ChildResourceOptions) with { Provider = Provider, DependsOn = dependsOn };

    /// <summary>
    /// The namespace, with Pod Security admission at baseline (database images start as root to fix volume
    /// ownership) and warnings at restricted, a default-deny policy (ingress and egress), and ingress allowed only between the
    /// service's own pods (replication) and from the operator's namespace; egress only between members and to DNS.
    /// </summary>
    public CustomResource CreateNamespace(string operatorNamespace)
    {
        var ns = new CustomResource("kubernetes:core/v1:Namespace", owner.ChildResourceName("namespace"), new Props
        {
            ["metadata"] = new Props
            {
                ["name"] = Namespace,
                ["labels"] = new Props
                {
                    ["pod-security.kubernetes.io/enforce"] = "baseline",
                    ["pod-security.kubernetes.io/warn"] = "restricted",
                    ["pod-security.kubernetes.io/audit"] = "restricted",
                },
            },
        }, Options(stateful: true));
        Policy("default-deny", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Ingress", "Egress" },
        }, ns);
        Policy("allow-members", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Ingress", "Egress" },
            ["ingress"] = new Input[] { new Props { ["from"] = new Input[] { new Props { ["podSelector"] = new Props() } } } },
            ["egress"] = new Input[] { new Props { ["to"] = new Input[] { new Props { ["podSelector"] = new Props() } } } },
        }, ns);
        Policy("allow-dns", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Egress" },
            ["egress"] = new Input[]
            {
                new Props
                {
                    ["to"] = new Input[] { new Props { ["namespaceSelector"] = new Props { ["matchLabels"] = new Props { ["kubernetes.io/metadata.name"] = "kube-system" } } } },
                    ["ports"] = new Input[] { new Props { ["protocol"] = "UDP", ["port"] = 53 }, new Props { ["protocol"] = "TCP", ["port"] = 53 } },
                },
            },
        }, ns);
        Policy("allow-operator", new Props
        {
            ["podSelector"] = new Props(),
            ["policyTypes"] = new[] { "Ingress" },
            ["ingress"] = new Input[] { new Props { ["from"] = new Input[] { NamespacePeer(operatorNamespace) } } },
        }, ns);
        return ns;
    }

    /// <summary>A NetworkPolicy in the service's namespace, named <c>&lt;component&gt;-&lt;suffix&gt;</c>.</summary>
    public CustomResource Policy(string suffix, Props spec, Resource? after = null) =>
        new("kubernetes:networking.k8s.io/v1:NetworkPolicy", owner.ChildResourceName(suffix), new Props
        {
            ["metadata"] = new Props { ["name"] = suffix, ["namespace"] = Namespace },
            ["spec"] = spec,
        }, Options(after is null ? null : [after]));

    /// <summary>An Opaque Secret in the service's namespace whose values are secret outputs.</summary>
    public CustomResource Secret(string suffix, string name, IEnumerable<KeyValuePair<string, Input>> values, Resource after)
    {
        var data = new Props();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return new CustomResource("kubernetes:core/v1:Secret", owner.ChildResourceName(suffix), new Props
        {
            ["metadata"] = new Props { ["name"] = name, ["namespace"] = Namespace },
            ["type"] = "Opaque",
            ["stringData"] = data,
        }, Options([after]));
    }

    /// <summary>A pinned Helm release; atomic, so that a failed install or upgrade rolls back.</summary>
    public CustomResource Release(string suffix, string releaseName, PinnedChart chart, string @namespace, bool createNamespace,
        Props values, IReadOnlyList<Resource> dependsOn, bool stateful = false) =>
        new("kubernetes:helm.sh/v3:Release", owner.ChildResourceName(suffix), new Props
        {
            ["name"] = releaseName,
            ["chart"] = chart.Name,
            ["version"] = chart.Version,
            ["repositoryOpts"] = new Props { ["repo"] = chart.Repository },
            ["namespace"] = @namespace,
            ["createNamespace"] = createNamespace,
            ["atomic"] = true,
            ["cleanupOnFail"] = true,
            ["maxHistory"] = 5,
            ["timeout"] = 900,
            ["values"] = values,
        }, Options(dependsOn, stateful));

    /// <summary>Custom resources (and other objects) through a ConfigGroup, as Pulumi YAML has no CustomResource.</summary>
    public CustomResource Objects(string suffix, IEnumerable<Props> objects, IReadOnlyList<Resource> dependsOn, bool stateful = false) =>
        new("kubernetes:yaml/v2:ConfigGroup", owner.ChildResourceName(suffix), new Props
        {
            ["objs"] = Input.List(objects.Select(o => (Input)o)),
        }, Options(dependsOn, stateful));

    /// <summary>
    /// A StorageClass for the service's volumes: encrypted by the cloud's CSI driver, expandable, bound in the pod's
    /// zone, and retained after deletion when stateful resources are protected.
    /// </summary>
    public CustomResource StorageClass(EncryptedStorageClass storage)
    {
        var parameters = new Props();
        foreach (var (key, value) in storage.Parameters)
        {
            parameters[key] = value;
        }

        return Objects("storage-class", [new Props
        {
            ["apiVersion"] = "storage.k8s.io/v1",
            ["kind"] = "StorageClass",
            ["metadata"] = new Props { ["name"] = StorageClassName },
            ["provisioner"] = storage.Provisioner,
            ["parameters"] = parameters,
            ["reclaimPolicy"] = owner.Spec.Protect ? "Retain" : "Delete",
            ["allowVolumeExpansion"] = true,
            ["volumeBindingMode"] = "WaitForFirstConsumer",
        }], storage.DependsOn ?? []);
    }

    public string StorageClassName => $"{Namespace}-data";

    public static Props NamespacePeer(string @namespace) => new()
    {
        ["namespaceSelector"] = new Props { ["matchLabels"] = new Props { [NamespaceNameLabel] = @namespace } },
    };

    public static Props MatchLabels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var map = new Props();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return new Props { ["matchLabels"] = map };
    }
}
