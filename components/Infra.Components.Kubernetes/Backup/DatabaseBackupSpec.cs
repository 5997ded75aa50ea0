using System.Text.RegularExpressions;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>One destination of the job: its slot (PRIMARY, SECONDARY), the args property that gave it, and the target.</summary>
internal sealed record BackupDestination(string Slot, string Key, ObjectStorageTarget Target)
{
    public string ContainerName => "upload-" + Slot.ToLowerInvariant();
}

/// <summary>A <see cref="DatabaseBackupArgs"/> with every default applied and every rule checked.</summary>
internal sealed partial record DatabaseBackupSpec(
    DatabaseBackupArgs Args,
    string Name,
    string NamespaceName,
    Input NamespaceInput,
    string? CaSecret,
    string DumpImage,
    IReadOnlyList<BackupDestination> Destinations,
    EndpointCredential Username,
    EndpointCredential Password,
    IReadOnlyDictionary<string, Output<string>> ServiceAccountAnnotations)
{
    public static DatabaseBackupSpec Resolve(string componentName, DatabaseBackupArgs args, ArgsProblems problems)
    {
        var name = args.Name ?? componentName;
        if (!KubernetesNames.IsLabel(name) || name.Length > 52)
        {
            problems.Add("DatabaseBackupArgs.Name", name, $"DatabaseBackupArgs.Name '{name}' is not a valid CronJob name.",
                KubernetesNames.LabelRule + ", at most 52 for a CronJob", "Use a name such as 'orders-db-backup'.");
        }

        EndpointRules.CheckEndpoint(problems, "DatabaseBackupArgs.Database", args.Database);
        var inCluster = args.Database?.InCluster;
        var namespaceName = args.Namespace?.KubernetesName ?? inCluster?.Namespace ?? "";
        Input namespaceInput = args.Namespace is { } ns ? ns.NameOutput : namespaceName;
        if (args.Namespace is null && inCluster is null)
        {
            problems.Add("DatabaseBackupArgs.Namespace", null,
                $"DatabaseBackupArgs.Namespace is not set and the database '{args.Database?.Name}' does not run in the cluster, so the job has no namespace to run in.",
                "the job runs in DatabaseBackupArgs.Namespace, or beside an in-cluster database", "Pass the Namespace component the job should run in.");
        }

        var caSecret = ResolveCaSecret(args, inCluster, namespaceName, problems);
        var credentials = args.Database?.Credentials ?? [];
        var username = Credential(problems, credentials, "UsernameKey", args.UsernameKey);
        var password = Credential(problems, credentials, "PasswordKey", args.PasswordKey);

        if (string.IsNullOrWhiteSpace(args.DatabaseName))
        {
            problems.Add("DatabaseBackupArgs.DatabaseName", args.DatabaseName, "DatabaseBackupArgs.DatabaseName is empty.",
                "the name of the database to dump", "Give the database name, e.g. 'orders'.");
        }

        if (!Cron().IsMatch(args.Schedule ?? ""))
        {
            problems.Add("DatabaseBackupArgs.Schedule", args.Schedule, $"DatabaseBackupArgs.Schedule '{args.Schedule}' is not a cron schedule.",
                "five fields: minute hour day-of-month month day-of-week", "Write e.g. '0 3 * * *' for daily at 03:00.");
        }

        if (string.IsNullOrWhiteSpace(args.TimeZone) || !args.TimeZone.Contains('/', StringComparison.Ordinal))
        {
            problems.Add("DatabaseBackupArgs.TimeZone", args.TimeZone, $"DatabaseBackupArgs.TimeZone '{args.TimeZone}' is not an IANA time zone.",
                "an IANA name such as Etc/UTC or Europe/Berlin", "Use 'Etc/UTC' so that the schedule does not move with daylight saving time.");
        }

        var dumpImage = args.DumpImage ?? DumpScripts.DefaultImage(args.Engine);
        CheckImage(problems, "DatabaseBackupArgs.DumpImage", dumpImage);
        NamespaceSpec.CheckQuantity(problems, "DatabaseBackupArgs.ScratchSize", args.ScratchSize);

        var destinations = new List<BackupDestination>();
        if (BackupTargetRules.Check(problems, "DatabaseBackupArgs.Destination", args.Destination))
        {
            destinations.Add(new BackupDestination("PRIMARY", "DatabaseBackupArgs.Destination", args.Destination));
        }

        if (args.SecondaryDestination is { } secondary)
        {
            if (BackupTargetRules.Check(problems, "DatabaseBackupArgs.SecondaryDestination", secondary))
            {
                destinations.Add(new BackupDestination("SECONDARY", "DatabaseBackupArgs.SecondaryDestination", secondary));
            }

            if (args.Destination is { } primary && primary.Bucket == secondary.Bucket && primary.Endpoint == secondary.Endpoint)
            {
                problems.Add("DatabaseBackupArgs.SecondaryDestination.Bucket", secondary.Bucket,
                    $"DatabaseBackupArgs.SecondaryDestination is the same bucket as Destination ('{secondary.Bucket}'), so it is no second copy.",
                    "the second copy lives in another bucket, in another region", "Give a bucket in the second region.");
            }
        }

        foreach (var api in destinations.Select(d => d.Target.Api).Distinct())
        {
            CheckImage(problems, api == ObjectStorageApi.GoogleCloudStorage ? "DatabaseBackupArgs.GcsUploadImage" : "DatabaseBackupArgs.S3UploadImage",
                api == ObjectStorageApi.GoogleCloudStorage ? args.GcsUploadImage : args.S3UploadImage);
        }

        var ambient = destinations.Where(d => !d.Target.HasStaticKey).ToList();
        foreach (var destination in ambient)
        {
            BackupTargetRules.CheckGrant(problems, destination, name, namespaceName, args.Namespace is not null);
        }

        var annotations = Internal.ServiceAccountAnnotations.Merge(problems, "the job", ambient.Select(d => (d.Key, d.Target.ServiceAccountAnnotations)),
            "Grant both buckets to the same workload identity, or back up to them with two DatabaseBackup components.");
        return new DatabaseBackupSpec(args, name, namespaceName, namespaceInput, caSecret, dumpImage, destinations, username, password, annotations);
    }

    /// <summary>The node-local credential endpoints of the ambient-identity destinations, each once.</summary>
    public IReadOnlyList<NetworkDestination> CredentialEndpoints =>
        [.. Destinations.Where(d => !d.Target.HasStaticKey).SelectMany(d => d.Target.CredentialEndpoints).Distinct()];

    private static string? ResolveCaSecret(DatabaseBackupArgs args, InClusterSelector? inCluster, string namespaceName, ArgsProblems problems)
    {
        if (args.DatabaseCaSecret is { } given)
        {
            if (!SecretName().IsMatch(given) || given.Length > 253)
            {
                problems.Add("DatabaseBackupArgs.DatabaseCaSecret", given, $"DatabaseBackupArgs.DatabaseCaSecret '{given}' is not a Secret name.",
                    "lower-case letters, digits, '-' and '.', at most 253 characters", "Name the Secret whose ca.crt signs the database's certificate.");
            }

            return given;
        }

        if (inCluster?.CaSecretName is not { } fromDatabase)
        {
            return null;
        }

        if (inCluster.Namespace != namespaceName && args.Namespace is not null)
        {
            problems.Add("DatabaseBackupArgs.Namespace", namespaceName,
                $"The database's CA Secret '{fromDatabase}' is in namespace '{inCluster.Namespace}', but the job runs in '{namespaceName}', where a pod cannot mount it.",
                "a pod mounts Secrets of its own namespace only",
                $"Leave DatabaseBackupArgs.Namespace unset so that the job runs beside the database in '{inCluster.Namespace}', or copy the CA into a Secret in '{namespaceName}' and name it in DatabaseBackupArgs.DatabaseCaSecret.");
        }

        return fromDatabase;
    }

    private static EndpointCredential Credential(ArgsProblems problems, IReadOnlyList<EndpointCredential> credentials, string property, string key)
    {
        var found = credentials.FirstOrDefault(c => c.Key == key);
        if (found is null)
        {
            problems.Add($"DatabaseBackupArgs.{property}", key,
                $"DatabaseBackupArgs.Database has no credential '{key}' (DatabaseBackupArgs.{property}).",
                "the job logs in with the database endpoint's credentials", $"Add a '{key}' credential to the endpoint or set {property} to the key it uses.");
            return new EndpointCredential(key, null!);
        }

        return found;
    }

    private static void CheckImage(ArgsProblems problems, string key, string image)
    {
        if (ImageReference.Problem(image) is { } problem)
        {
            problems.Add(key, image, $"{key} '{image}' {problem}.", ImageReference.Rule, "Pin a version tag or a digest.");
        }
    }

    [GeneratedRegex(@"^\s*(\S+\s+){4}\S+\s*$")]
    private static partial Regex Cron();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")]
    private static partial Regex SecretName();
}
