using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;

namespace Infra.Components.Kubernetes;

/// <summary>A <see cref="DatabaseBackupArgs"/> with every default applied and every rule checked.</summary>
internal sealed partial record DatabaseBackupSpec(DatabaseBackupArgs Args, string Name, string DumpImage, EndpointCredential Username, EndpointCredential Password)
{
    public static DatabaseBackupSpec Resolve(string componentName, DatabaseBackupArgs args, ArgsProblems problems)
    {
        var name = args.Name ?? componentName;
        if (!KubernetesNames.IsLabel(name) || name.Length > 52)
        {
            problems.Add("DatabaseBackupArgs.Name", name, $"DatabaseBackupArgs.Name '{name}' is not a valid CronJob name.",
                KubernetesNames.LabelRule + ", at most 52 for a CronJob", "Use a name such as 'orders-db-backup'.");
        }

        if (args.Namespace is null)
        {
            problems.Add("DatabaseBackupArgs.Namespace", null, "DatabaseBackupArgs.Namespace is null.", "the job runs in an Infra Namespace",
                "Pass the Namespace component the database runs in.");
        }

        EndpointRules.CheckEndpoint(problems, "DatabaseBackupArgs.Database", args.Database);
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

        if (args.RetentionDays < 1)
        {
            problems.Add("DatabaseBackupArgs.RetentionDays", args.RetentionDays.ToString(CultureInfo.InvariantCulture),
                $"DatabaseBackupArgs.RetentionDays is {args.RetentionDays}; every dump would be deleted right after it is written.",
                "at least 1 day", "Keep the default of 30 days, or what the recovery objective needs.");
        }

        var dumpImage = args.DumpImage ?? BackupScripts.DefaultDumpImage(args.Engine);
        CheckImage(problems, "DatabaseBackupArgs.DumpImage", dumpImage);
        CheckImage(problems, "DatabaseBackupArgs.UploadImage", args.UploadImage);
        NamespaceSpec.CheckQuantity(problems, "DatabaseBackupArgs.ScratchSize", args.ScratchSize);
        CheckTarget(problems, "DatabaseBackupArgs.Destination", args.Destination);
        if (args.SecondaryDestination is { } secondary)
        {
            CheckTarget(problems, "DatabaseBackupArgs.SecondaryDestination", secondary);
            if (args.Destination is { } primary && primary.Bucket == secondary.Bucket && primary.Endpoint == secondary.Endpoint)
            {
                problems.Add("DatabaseBackupArgs.SecondaryDestination.Bucket", secondary.Bucket,
                    $"DatabaseBackupArgs.SecondaryDestination is the same bucket as Destination ('{secondary.Bucket}'), so it is no second copy.",
                    "the second copy lives in another bucket, in another region", "Give a bucket in the second region.");
            }
        }

        return new DatabaseBackupSpec(args, name, dumpImage, username, password);
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

    private static void CheckTarget(ArgsProblems problems, string key, ObjectStorageTarget? target)
    {
        if (target is null)
        {
            problems.Add(key, null, $"{key} is null.", "a bucket to write to", "Pass the bucket component's ObjectStorageTarget.");
            return;
        }

        if (!Bucket().IsMatch(target.Bucket ?? ""))
        {
            problems.Add($"{key}.Bucket", target.Bucket, $"{key}.Bucket '{target.Bucket}' is not a bucket name.",
                "3 to 63 lower-case letters, digits, '.' and '-'", "Give the bucket's name, not its URL.");
        }

        if (!Uri.TryCreate(target.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{key}.Endpoint", target.Endpoint, $"{key}.Endpoint '{target.Endpoint}' is not an https URL.",
                "dumps travel encrypted: an https:// endpoint", "Write e.g. 'https://storage.googleapis.com'.");
        }

        EndpointRules.CheckSecret(problems, $"{key}.AccessKeyId", target.AccessKeyId);
        EndpointRules.CheckSecret(problems, $"{key}.SecretAccessKey", target.SecretAccessKey);
        for (var i = 0; i < target.Cidrs.Count; i++)
        {
            EndpointRules.CheckCidr(problems, $"{key}.Cidrs[{i}]", target.Cidrs[i], allowWorld: true);
        }
    }

    [GeneratedRegex(@"^\s*(\S+\s+){4}\S+\s*$")]
    private static partial Regex Cron();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();
}
