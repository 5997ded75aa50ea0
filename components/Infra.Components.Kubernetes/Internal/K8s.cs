using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Builders for the Kubernetes object fragments every component writes the same way.</summary>
internal static class K8s
{
    /// <summary>The non-root user and group every container runs as unless its image needs another one.</summary>
    public const int NonRootId = 10001;

    public const string NameLabel = "app.kubernetes.io/name";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>A string map in ordinal key order (labels, selectors), whatever order the dictionary enumerates in.</summary>
    public static Props Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        // Every object's labels go through here: a plain stable sort, without LINQ's per-call machinery.
        var sorted = entries.Select((entry, position) => (entry, position)).ToArray();
        Array.Sort(sorted, static (a, b) =>
            string.CompareOrdinal(a.entry.Key, b.entry.Key) is var byKey and not 0 ? byKey : a.position.CompareTo(b.position));
        var props = new Props();
        foreach (var (entry, _) in sorted)
        {
            props[entry.Key] = entry.Value;
        }

        return props;
    }

    public static Props Metadata(string? name, Input @namespace, IEnumerable<KeyValuePair<string, string>> labels) => new()
    {
        ["name"] = name,
        ["namespace"] = @namespace,
        ["labels"] = Map(labels),
    };

    /// <summary>Adds <paramref name="annotations"/> (sorted, for stable output) to object metadata; none adds nothing.</summary>
    public static Props Annotate(Props metadata, IEnumerable<KeyValuePair<string, Output<string>>> annotations)
    {
        var sorted = annotations.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        if (sorted.Count > 0)
        {
            var props = new Props();
            foreach (var (key, value) in sorted)
            {
                props[key] = value;
            }

            metadata["annotations"] = props;
        }

        return metadata;
    }

    public static Props MatchLabels(IEnumerable<KeyValuePair<string, string>> labels) => new() { ["matchLabels"] = Map(labels) };

    public static Props SeccompRuntimeDefault() => new() { ["type"] = "RuntimeDefault" };

    /// <summary>Pod-level hardening (INF-WL-003, INF-WL-008): non-root user and group, RuntimeDefault seccomp.</summary>
    public static Props PodSecurityContext(int user = NonRootId) => new()
    {
        ["runAsNonRoot"] = true,
        ["runAsUser"] = user,
        ["runAsGroup"] = user,
        ["fsGroup"] = user,
        ["seccompProfile"] = SeccompRuntimeDefault(),
    };

    /// <summary>Container-level hardening (INF-WL-001 to 005, 008), repeated on the container so it holds whatever the pod says.</summary>
    public static Props ContainerSecurityContext(int user = NonRootId) => new()
    {
        ["privileged"] = false,
        ["allowPrivilegeEscalation"] = false,
        ["readOnlyRootFilesystem"] = true,
        ["runAsNonRoot"] = true,
        ["runAsUser"] = user,
        ["runAsGroup"] = user,
        ["capabilities"] = new Props { ["drop"] = new[] { "ALL" } },
        ["seccompProfile"] = SeccompRuntimeDefault(),
    };

    public static Props Resources(string cpuRequest, string memoryRequest, string memoryLimit, string? cpuLimit) => new()
    {
        ["requests"] = new Props { ["cpu"] = cpuRequest, ["memory"] = memoryRequest },
        ["limits"] = new Props { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    /// <summary>A writable scratch volume for a read-only root filesystem.</summary>
    public static Props EmptyDirVolume(string name, string sizeLimit) => new()
    {
        ["name"] = name,
        ["emptyDir"] = new Props { ["sizeLimit"] = sizeLimit },
    };

    public static Props VolumeMount(string name, string path) => new() { ["name"] = name, ["mountPath"] = path };

    public static Input List(IEnumerable<Props> items) => Input.List(items.Select(i => (Input)i));
}
