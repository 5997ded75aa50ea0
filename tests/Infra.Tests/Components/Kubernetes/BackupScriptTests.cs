using System.Diagnostics;
using Infra.Components.Kubernetes;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>Runs the job's upload script with a stand-in <c>aws</c> that records its calls.</summary>
public sealed class BackupScriptTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("infra-backup-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string UploadScript() => ClusterProgram.Synthesize(o =>
    {
        var data = new Namespace("data", new NamespaceArgs(), o);
        _ = new DatabaseBackup("orders-backup", new DatabaseBackupArgs
        {
            Namespace = data,
            Database = BackupTests.InClusterPostgres(o),
            DatabaseName = "orders",
            Destination = BackupTests.Bucket("primary-bucket"),
            SecondaryDestination = BackupTests.Bucket("dr-bucket", "https://s3.eu-west-1.amazonaws.com"),
        }, o);
    }).Named("orders-backup-cronjob").Properties.Items("spec.jobTemplate.spec.template.spec.containers")[0].Strings("args")[0];

    private List<string> Run(string script, string listing)
    {
        var log = Path.Combine(dir, "calls.log");
        var aws = Path.Combine(dir, "aws");
        File.WriteAllText(aws,
            "#!/bin/sh\n" +
            $"echo \"$AWS_ACCESS_KEY_ID $AWS_DEFAULT_REGION $*\" >> '{log}'\n" +
            $"case \"$1\" in s3api) printf '{listing}' ;; esac\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardError = true };
        start.Environment["PATH"] = dir + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["DB_NAME"] = "orders",
            ["EXTENSION"] = "dump",
            ["RETENTION_DAYS"] = "30",
            ["PRIMARY_BUCKET"] = "primary-bucket",
            ["PRIMARY_ENDPOINT"] = "https://storage.yandexcloud.net",
            ["PRIMARY_REGION"] = "ru-central1",
            ["PRIMARY_PREFIX"] = "backups/",
            ["PRIMARY_ACCESS_KEY_ID"] = "AK1",
            ["PRIMARY_SECRET_ACCESS_KEY"] = "s1",
            ["SECONDARY_BUCKET"] = "dr-bucket",
            ["SECONDARY_ENDPOINT"] = "https://s3.eu-west-1.amazonaws.com",
            ["SECONDARY_REGION"] = "eu-west-1",
            ["SECONDARY_PREFIX"] = "backups/",
            ["SECONDARY_ACCESS_KEY_ID"] = "AK2",
            ["SECONDARY_SECRET_ACCESS_KEY"] = "s2",
        })
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return [.. File.ReadAllLines(log)];
    }

    [Fact]
    public void Uploads_to_both_destinations_with_their_own_keys_and_deletes_only_listed_old_dumps()
    {
        var calls = Run(UploadScript(), "backups/orders/orders-2020-01-01T030000Z.dump\\tbackups/orders/orders-2020-01-02T030000Z.dump\\n");

        Assert.Equal(8, calls.Count);
        Assert.Matches(@"^AK1 ru-central1 s3 cp /backup/dump s3://primary-bucket/backups/orders/orders-\d{4}-\d\d-\d\dT\d{6}Z\.dump --endpoint-url https://storage\.yandexcloud\.net --only-show-errors$", calls[0]);
        Assert.Matches(@"^AK1 ru-central1 s3api list-objects-v2 --bucket primary-bucket --prefix backups/orders/ --endpoint-url https://storage\.yandexcloud\.net --query Contents\[\?LastModified<'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'\]\.Key --output text$", calls[1]);
        Assert.Equal("AK1 ru-central1 s3 rm s3://primary-bucket/backups/orders/orders-2020-01-01T030000Z.dump --endpoint-url https://storage.yandexcloud.net --only-show-errors", calls[2]);
        Assert.Equal("AK1 ru-central1 s3 rm s3://primary-bucket/backups/orders/orders-2020-01-02T030000Z.dump --endpoint-url https://storage.yandexcloud.net --only-show-errors", calls[3]);
        Assert.StartsWith("AK2 eu-west-1 s3 cp /backup/dump s3://dr-bucket/backups/orders/orders-", calls[4], StringComparison.Ordinal);
        Assert.StartsWith("AK2 eu-west-1 s3 rm s3://dr-bucket/", calls[7], StringComparison.Ordinal);
    }

    [Fact]
    public void Deletes_nothing_when_no_dump_is_older_than_the_retention()
    {
        var calls = Run(UploadScript(), "None\\n");

        Assert.Equal(4, calls.Count);
        Assert.DoesNotContain(calls, c => c.Contains(" s3 rm ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cutoff_is_the_retention_before_now()
    {
        var calls = Run(UploadScript(), "None\\n");

        var cutoff = System.Text.RegularExpressions.Regex.Match(calls[1], "LastModified<'([^']+)'").Groups[1].Value;
        var expected = DateTime.UtcNow.AddDays(-30);
        Assert.InRange(DateTime.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture), expected.AddMinutes(-5), expected.AddMinutes(5));
    }
}
