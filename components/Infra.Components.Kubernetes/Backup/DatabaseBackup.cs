using System.Globalization;
using System.Runtime.CompilerServices;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Backups of an in-cluster database: a CronJob (daily at 03:00 Etc/UTC by default) that dumps the database,
/// uploads the dump to an object storage bucket, optionally copies it to a second bucket in another region,
/// and deletes dumps older than the retention (30 days by default). Credentials come from a Kubernetes Secret
/// built from secret outputs; the pod is hardened like every workload and may only reach the database and
/// the storage endpoints.
/// </summary>
/// <example>
/// <code>
/// _ = new DatabaseBackup("orders-db-backup", new DatabaseBackupArgs
/// {
///     Namespace = data, Database = ordersDb, DatabaseName = "orders",
///     Destination = backupsBucket, SecondaryDestination = isProd ? backupsBucketSecondRegion : null,
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
        Props Metadata(string? objectName) => K8s.Metadata(objectName, args.Namespace.NameOutput, labels);

        var account = new CustomResource("kubernetes:core/v1:ServiceAccount", ChildName("sa"), new Props
        {
            ["metadata"] = Metadata(spec.Name),
            ["automountServiceAccountToken"] = false,
        }, ChildOptions);

        var secret = new CustomResource("kubernetes:core/v1:Secret", ChildName("credentials"), new Props
        {
            ["metadata"] = Metadata(null),
            ["type"] = "Opaque",
            ["stringData"] = SecretData(spec),
        }, ChildOptions);
        var secretName = secret.GetOutput<string>("metadata.name");

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
                            ["spec"] = PodSpec(spec, account.GetOutput<string>("metadata.name"), secretName),
                        },
                    },
                },
            },
        }, ChildOptions);

        Policy(args, spec, selector, "to-database", NetworkPeer.Of(args.Database), args.Database.Ports);
        var storageCidrs = new[] { args.Destination }.Concat(args.SecondaryDestination is null ? [] : [args.SecondaryDestination])
            .SelectMany(t => t.Cidrs).Distinct(StringComparer.Ordinal).ToArray();
        Policy(args, spec, selector, "to-object-storage", NetworkPeer.Addresses(storageCidrs), [HttpsPort]);

        CronJobName = spec.Name;
        RegisterOutputs([new("cronJobName", CronJobName)]);
    }

    /// <summary>The Kubernetes name of the CronJob (for <c>kubectl create job --from=cronjob/…</c>).</summary>
    public string CronJobName { get; }

    private void Policy(DatabaseBackupArgs args, DatabaseBackupSpec spec, Dictionary<string, string> selector, string suffix, NetworkPeer peer, IReadOnlyList<int> ports) =>
        _ = new CustomResource("kubernetes:networking.k8s.io/v1:NetworkPolicy", ChildName(suffix), new Props
        {
            ["metadata"] = new Props { ["name"] = $"{spec.Name}-{suffix}", ["namespace"] = args.Namespace.NameOutput },
            ["spec"] = Policies.Egress(K8s.MatchLabels(selector), peer.ToPolicyPeers(), ports),
        }, ChildOptions);

    private static Props SecretData(DatabaseBackupSpec spec)
    {
        var data = new Props
        {
            ["DB_USER"] = EndpointRules.Secret(spec.Username.Value),
            ["DB_PASSWORD"] = EndpointRules.Secret(spec.Password.Value),
        };
        AddTarget(data, "PRIMARY", spec.Args.Destination);
        if (spec.Args.SecondaryDestination is { } secondary)
        {
            AddTarget(data, "SECONDARY", secondary);
        }

        return data;
    }

    private static void AddTarget(Props data, string prefix, ObjectStorageTarget target)
    {
        data[$"{prefix}_ACCESS_KEY_ID"] = EndpointRules.Secret(target.AccessKeyId!);
        data[$"{prefix}_SECRET_ACCESS_KEY"] = EndpointRules.Secret(target.SecretAccessKey!);
    }

    private static Props PodSpec(DatabaseBackupSpec spec, Input account, Input secret)
    {
        var args = spec.Args;
        var dumpEnv = new List<Props>
        {
            Env("DB_HOST", args.Database.Host),
            Env("DB_PORT", args.Database.Ports[0].ToString(CultureInfo.InvariantCulture)),
            Env("DB_NAME", args.DatabaseName),
            SecretEnv("DB_USER", secret, "DB_USER"),
            SecretEnv(BackupScripts.PasswordVariable(args.Engine), secret, "DB_PASSWORD"),
            Env("HOME", "/tmp"),
        };
        var uploadEnv = new List<Props>
        {
            Env("DB_NAME", args.DatabaseName),
            Env("EXTENSION", args.Engine == DatabaseEngine.MySql ? "sql.gz" : "dump"),
            Env("RETENTION_DAYS", args.RetentionDays.ToString(CultureInfo.InvariantCulture)),
            Env("HOME", "/tmp"),
        };
        uploadEnv.AddRange(TargetEnv("PRIMARY", args.Destination, secret));
        if (args.SecondaryDestination is { } secondary)
        {
            uploadEnv.AddRange(TargetEnv("SECONDARY", secondary, secret));
        }

        return new Props
        {
            ["serviceAccountName"] = account,
            ["automountServiceAccountToken"] = false,
            ["restartPolicy"] = "Never",
            ["securityContext"] = K8s.PodSecurityContext(),
            ["initContainers"] = K8s.List([Container("dump", spec.DumpImage, BackupScripts.Dump(args.Engine), dumpEnv)]),
            ["containers"] = K8s.List([Container("upload", args.UploadImage, BackupScripts.Upload(args.SecondaryDestination is not null), uploadEnv)]),
            ["volumes"] = K8s.List([K8s.EmptyDirVolume("backup", args.ScratchSize), K8s.EmptyDirVolume("tmp", "256Mi")]),
        };
    }

    private static Props Container(string name, string image, string script, IEnumerable<Props> env) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["command"] = new[] { "/bin/sh", "-c" },
        ["args"] = new[] { script },
        ["env"] = K8s.List(env),
        ["resources"] = K8s.Resources("100m", "256Mi", "1Gi", null),
        ["securityContext"] = K8s.ContainerSecurityContext(),
        ["volumeMounts"] = K8s.List([K8s.VolumeMount("backup", "/backup"), K8s.VolumeMount("tmp", "/tmp")]),
    };

    private static IEnumerable<Props> TargetEnv(string prefix, ObjectStorageTarget target, Input secret) =>
    [
        Env($"{prefix}_BUCKET", target.Bucket),
        Env($"{prefix}_ENDPOINT", target.Endpoint),
        Env($"{prefix}_REGION", target.Region),
        Env($"{prefix}_PREFIX", target.Prefix),
        SecretEnv($"{prefix}_ACCESS_KEY_ID", secret, $"{prefix}_ACCESS_KEY_ID"),
        SecretEnv($"{prefix}_SECRET_ACCESS_KEY", secret, $"{prefix}_SECRET_ACCESS_KEY"),
    ];

    private static Props Env(string name, Input value) => new() { ["name"] = name, ["value"] = value };

    private static Props SecretEnv(string name, Input secret, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new Props { ["secretKeyRef"] = new Props { ["name"] = secret, ["key"] = key } },
    };
}
