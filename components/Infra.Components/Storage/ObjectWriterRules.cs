using System.Text.RegularExpressions;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Storage;

/// <summary>The checks of one write grant: a name every cloud's identity accepts, a namespace, a prefix, one grant per name.</summary>
internal static partial class ObjectWriterRules
{
    public const string Code = "INFRA-STORAGE-002";
    public const int MaxNameLength = 30;

    public static ObjectWriterGrant Resolve(ObjectStorage storage, ObjectWriterArgs args, IReadOnlyCollection<string> granted, SourceLocation at)
    {
        var problems = new Problems(storage.Name, at);
        var identity = args.Identity;
        var name = identity?.Name ?? "";
        if (name.Length > MaxNameLength || !NamePattern().IsMatch(name))
        {
            problems.Add(Code, "ObjectWriterArgs.Identity.Name", identity?.Name, $"'{identity?.Name}' cannot name a cloud service account or role.",
                $"lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most {MaxNameLength} characters",
                "Use the writer's name, e.g. orders-db-backup.");
        }
        else if (granted.Contains(name))
        {
            problems.Add(Code, "ObjectWriterArgs.Identity.Name", name, $"'{name}' was already granted write access to bucket '{storage.Spec.BucketName}'.",
                "one grant per writer and bucket", "Give each writer its own name.");
        }

        var ns = identity?.KubernetesNamespace;
        if (ns is null || ns.Length > 63 || !LabelPattern().IsMatch(ns))
        {
            problems.Add(Code, "ObjectWriterArgs.Identity.KubernetesNamespace", ns, $"'{ns}' is not the writer's Kubernetes namespace.",
                "a Kubernetes namespace name: the cloud identity is bound to a service account of that namespace",
                "Set KubernetesNamespace to the namespace the writer runs in.");
        }

        // Without an explicit service account the name stands for it, and the name rule already speaks for it.
        var account = identity?.KubernetesServiceAccount ?? name;
        if (identity?.KubernetesServiceAccount is not null && (account.Length > 63 || !LabelPattern().IsMatch(account)))
        {
            problems.Add(Code, "ObjectWriterArgs.Identity.KubernetesServiceAccount", account, $"'{account}' is not a Kubernetes service account name.",
                "lower-case letters, digits and hyphens, at most 63 characters", "Use the writer's service account name.");
        }

        var prefix = args.Prefix ?? "";
        if (!PrefixPattern().IsMatch(prefix))
        {
            problems.Add(Code, "ObjectWriterArgs.Prefix", prefix, $"'{prefix}' is not a key prefix a writer can be confined to.",
                "letters, digits, '-', '_', '.' and '/', not starting with '/', ending with '/'",
                "Write e.g. 'backups/orders/'.");
        }

        if (args.Cluster is null)
        {
            problems.Add(Code, "ObjectWriterArgs.Cluster", null, "ObjectWriterArgs.Cluster is null.", "the writer runs in a cluster of the platform",
                "Pass the KubernetesCluster the writer runs in.");
        }
        else if (!ReferenceEquals(args.Cluster.Platform, storage.Platform))
        {
            problems.Add(Code, "ObjectWriterArgs.Cluster", args.Cluster.Name, $"cluster '{args.Cluster.Name}' is built on another platform than bucket '{storage.Name}'.",
                "the writer's cluster and the bucket belong to the same platform", "Pass the cluster of the bucket's platform.");
        }

        problems.ThrowIfAny();
        return new ObjectWriterGrant(name, ns!, account, args.Cluster!, prefix);
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-][A-Za-z0-9_./-]*/$")]
    private static partial Regex PrefixPattern();
}
