using System.Runtime.CompilerServices;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Backups of a database: a CronJob (daily at 03:00 Etc/UTC by default) whose init container dumps the database over TLS
/// (verified against its CA when one is known) and whose upload containers write the dump to an object storage bucket
/// and, optionally, to a second bucket in another region — one container per destination, speaking its API (S3 or Google
/// Cloud Storage). The writers may only create objects; the bucket's lifecycle rule expires old dumps. Destinations
/// authenticate with a static key (kept in a Secret) or an ambient identity bound to the job's ServiceAccount. The pod is
/// hardened like every workload and may only reach the database, the storage endpoints and the node's credential endpoints.
/// </summary>
/// <example>
/// <code>
/// _ = new DatabaseBackup("events-backup", new DatabaseBackupArgs
/// {
///     Database = events.Endpoint, DatabaseName = "events", Engine = DatabaseEngine.ClickHouse,
///     Destination = backups.GrantWrite(new ObjectWriterArgs { Identity = new WorkloadIdentity { Name = "events-backup", KubernetesNamespace = "clickhouse-events" }, Cluster = cluster, Prefix = "clickhouse/" }),
/// }, new ComponentResourceOptions { Providers = [k8s] });
/// </code>
/// </example>
public sealed class DatabaseBackup : ComponentResource
{
    public const string TypeToken = "infra:kubernetes:DatabaseBackup";

    private const int HttpsPort = 443;

    public DatabaseBackup(string name, DatabaseBackupArgs args, ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base(TypeToken, name, options, new SourceLocation(file, line))
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems(DeclaredAt, name);
        ClusterProvider.Require(this, problems);
        var spec = DatabaseBackupSpec.Resolve(name, args, problems);
        problems.ThrowIfAny();

        var labels = new Dictionary<string, string> { [K8s.NameLabel] = spec.Name, [K8s.ComponentLabel] = "backup", [K8s.ManagedByLabel] = "infra" };
        var selector = new Dictionary<string, string> { [K8s.NameLabel] = spec.Name };
        Props Metadata(string? objectName) => K8s.Metadata(objectName, spec.NamespaceInput, labels);

        var accountMetadata = K8s.Annotate(Metadata(spec.Name), spec.ServiceAccountAnnotations);

        // No API token: EKS Pod Identity's webhook projects its own token volume, and GKE Workload Identity needs none.
        var account = new CustomResource("kubernetes:core/v1:ServiceAccount", ChildName("sa"), new Props
        {
            ["metadata"] = accountMetadata,
            ["automountServiceAccountToken"] = false,
        }, ChildOptions);

        var secret = new CustomResource("kubernetes:core/v1:Secret", ChildName("credentials"), new Props
        {
            ["metadata"] = Metadata(null),
            ["type"] = "Opaque",
            ["stringData"] = SecretData(spec),
        }, ChildOptions);

        _ = new CustomResource("kubernetes:batch/v1:CronJob", ChildName("cronjob"), new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["spec"] = new Props
            {
                ["schedule"] = args.Schedule,
                ["timeZone"] = args.TimeZone,
                ["concurrencyPolicy"] = "Forbid",
                ["startingDeadlineSeconds"] = 3600,
                ["successfulJobsHistoryLimit"] = 3,
                ["failedJobsHistoryLimit"] = 3,
                ["jobTemplate"] = new Props
                {
                    ["spec"] = new Props
                    {
                        ["backoffLimit"] = 2,
                        ["activeDeadlineSeconds"] = 3 * 3600,
                        ["template"] = new Props
                        {
                            ["metadata"] = new Props { ["labels"] = K8s.Map(labels) },
                            // The account's literal name lets reviews and policies see which account runs the job.
                            ["spec"] = BackupPod.Spec(spec, spec.Name, secret.GetOutput<string>("metadata.name")),
                        },
                    },
                },
            },
        }, ChildOptions with { DependsOn = [account] });

        var podSelector = K8s.MatchLabels(selector);
        Policy(spec, "to-database", Policies.Egress(podSelector, NetworkPeer.Of(args.Database).ToPolicyPeers(), args.Database.Ports));
        var storageCidrs = spec.Destinations.SelectMany(d => d.Target.Cidrs).Distinct(StringComparer.Ordinal).ToArray();
        Policy(spec, "to-object-storage", Policies.Egress(podSelector, NetworkPeer.Addresses(storageCidrs).ToPolicyPeers(), [HttpsPort]));
        if (spec.CredentialEndpoints.Count > 0)
        {
            Policy(spec, "to-credential-endpoints", Policies.EgressToEach(podSelector, spec.CredentialEndpoints));
        }

        CronJobName = spec.Name;
        Namespace = spec.NamespaceName;
        RegisterOutputs([new("cronJobName", CronJobName), new("namespace", Namespace)]);
    }

    /// <summary>The Kubernetes name of the CronJob (for <c>kubectl create job --from=cronjob/…</c>).</summary>
    public string CronJobName { get; }

    /// <summary>The namespace the CronJob runs in.</summary>
    public string Namespace { get; }

    private void Policy(DatabaseBackupSpec spec, string suffix, Props policySpec) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", ChildName(suffix), new Props
        {
            ["metadata"] = new Props { ["name"] = $"{spec.Name}-{suffix}", ["namespace"] = spec.NamespaceInput },
            ["spec"] = policySpec,
        }, ChildOptions);

    private static Props SecretData(DatabaseBackupSpec spec)
    {
        var data = new Props
        {
            ["DB_USER"] = EndpointRules.Secret(spec.Username.Value),
            ["DB_PASSWORD"] = EndpointRules.Secret(spec.Password.Value),
        };
        foreach (var destination in spec.Destinations.Where(d => d.Target.HasStaticKey))
        {
            data[$"{destination.Slot}_ACCESS_KEY_ID"] = EndpointRules.Secret(destination.Target.AccessKeyId!);
            data[$"{destination.Slot}_SECRET_ACCESS_KEY"] = EndpointRules.Secret(destination.Target.SecretAccessKey!);
        }

        return data;
    }
}
