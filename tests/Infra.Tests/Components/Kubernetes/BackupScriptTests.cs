using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Infra.Components.Kubernetes;
using Infra.Core.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>
/// Runs the job's generated shell with stand-ins for the tools (they record their calls), the container's /backup and
/// /tmp mapped into a scratch directory.
/// </summary>
public sealed class BackupScriptTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("infra-backup-").FullName;

    public BackupScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(dir, "bin"));
        Directory.CreateDirectory(Path.Combine(dir, "backup"));
        Directory.CreateDirectory(Path.Combine(dir, "tmp"));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Log => Path.Combine(dir, "calls.log");

    private static string DumpScript(ProgramDocument program) => BackupTests.PodOf(program).Items("initContainers")[0].Strings("args")[0];

    private static IReadOnlyList<string> UploadScripts(ProgramDocument program) =>
        [.. BackupTests.PodOf(program).Items("containers").Select(c => c.Strings("args")[0])];

    /// <summary>Every generated script: each engine with and without a CA, and both upload APIs.</summary>
    public static TheoryData<string> AllScripts() => [.. ScriptList()];

    private static List<string> ScriptList()
    {
        var scripts = new List<string>();
        foreach (var engine in Enum.GetValues<DatabaseEngine>())
        {
            scripts.Add(DumpScript(BackupTests.Backup(a => a with { Engine = engine })));
            scripts.Add(DumpScript(BackupTests.Backup(a => a with { Engine = engine }, caSecret: "orders-ca")));
        }

        foreach (var upload in UploadScripts(BackupTests.Backup(a => a with { Destination = BackupTests.GcsBucket("acme-backups"), SecondaryDestination = BackupTests.Bucket("acme-dr") })))
        {
            scripts.Add(upload);
        }

        return [.. scripts.Distinct(StringComparer.Ordinal)];
    }

    private void Fake(string tool, string body)
    {
        var path = Path.Combine(dir, "bin", tool);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private (int ExitCode, string Error) Run(string script, Dictionary<string, string> environment)
    {
        var mapped = Regex.Replace(script, "(?<![\\w./-])/(backup|tmp)/", m => dir + m.Value);
        var start = new ProcessStartInfo("/bin/sh", ["-c", mapped]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PATH"] = Path.Combine(dir, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["LOG"] = Log;
        start.Environment["WORK"] = dir;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }

    private List<string> Calls() => File.Exists(Log) ? [.. File.ReadAllLines(Log)] : [];

    [Theory]
    [MemberData(nameof(AllScripts))]
    public void Every_script_is_valid_posix_shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-n", "-c", script]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
    }

    [ExternalToolFact("shellcheck", "shellcheck")]
    public void Every_script_passes_shellcheck()
    {
        var problems = new List<string>();
        foreach (var script in ScriptList())
        {
            var file = Path.Combine(dir, "script.sh");
            File.WriteAllText(file, "#!/bin/sh\n" + script);
            var start = new ProcessStartInfo(ExternalTool.Find("shellcheck")!, ["--shell=sh", "--format=gcc", file]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                problems.Add(output + script);
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void S3_upload_copies_the_dump_once_under_the_dump_stamp_and_nothing_else()
    {
        Fake("aws", "echo \"$AWS_ACCESS_KEY_ID $AWS_DEFAULT_REGION $*\" >> \"$LOG\"\n");
        File.WriteAllText(Path.Combine(dir, "backup", "stamp"), "2030-01-02T030405Z\n");
        var script = UploadScripts(BackupTests.Backup())[0];

        var (code, error) = Run(script, new()
        {
            ["DB_NAME"] = "orders",
            ["EXTENSION"] = "dump",
            ["BUCKET"] = "acme-backups",
            ["ENDPOINT"] = "https://storage.yandexcloud.net",
            ["PREFIX"] = "backups/",
            ["AWS_DEFAULT_REGION"] = "ru-central1",
            ["AWS_ACCESS_KEY_ID"] = "AK1",
        });

        Assert.True(code == 0, error);
        Assert.Equal([$"AK1 ru-central1 s3 cp {dir}/backup/dump s3://acme-backups/backups/orders/orders-2030-01-02T030405Z.dump --endpoint-url https://storage.yandexcloud.net --only-show-errors"], Calls());
    }

    [Fact]
    public void Gcs_upload_takes_the_metadata_token_and_creates_the_object_only_if_it_does_not_exist()
    {
        Fake("curl",
            "printf '%s\\n' \"$*\" >> \"$LOG\"\n" +
            "case \"$*\" in *computeMetadata*) printf '{\"access_token\":\"ya29.tok\",\"expires_in\":3599,\"token_type\":\"Bearer\"}' ;;\n" +
            "*) for a; do case \"$a\" in @*) cp \"${a#@}\" \"$WORK/header-copy\"; ls -l \"${a#@}\" | cut -c1-10 > \"$WORK/header-mode\" ;; esac; done ;; esac\n");
        File.WriteAllText(Path.Combine(dir, "backup", "stamp"), "2030-01-02T030405Z\n");
        var script = UploadScripts(BackupTests.Backup(a => a with { Destination = BackupTests.GcsBucket("acme-backups"), Engine = DatabaseEngine.ClickHouse }))[0];

        var (code, error) = Run(script, new()
        {
            ["DB_NAME"] = "events",
            ["EXTENSION"] = "tar",
            ["BUCKET"] = "acme-backups",
            ["ENDPOINT"] = "https://storage.googleapis.com",
            ["PREFIX"] = "clickhouse/",
        });

        Assert.True(code == 0, error);
        Assert.Equal(
        [
            "-fsS --retry 3 -H Metadata-Flavor: Google http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token",
            $"-fsS --retry 3 -X POST -H @{dir}/tmp/authorization -H Content-Type: application/octet-stream -T {dir}/backup/dump " +
            "--url-query uploadType=media --url-query name=clickhouse/events/events-2030-01-02T030405Z.tar --url-query ifGenerationMatch=0 " +
            "-o /dev/null https://storage.googleapis.com/upload/storage/v1/b/acme-backups/o",
        ], Calls());
        Assert.Equal("Authorization: Bearer ya29.tok\n", File.ReadAllText(Path.Combine(dir, "header-copy")));
        Assert.Equal("-rw-------", File.ReadAllText(Path.Combine(dir, "header-mode")).Trim());
        Assert.False(File.Exists(Path.Combine(dir, "tmp", "authorization")));
    }

    [Fact]
    public void Gcs_upload_fails_without_a_token()
    {
        Fake("curl", "printf '%s\\n' \"$*\" >> \"$LOG\"\nprintf '{}'\n");
        File.WriteAllText(Path.Combine(dir, "backup", "stamp"), "2030-01-02T030405Z\n");
        var script = UploadScripts(BackupTests.Backup(a => a with { Destination = BackupTests.GcsBucket("acme-backups") }))[0];

        var (code, error) = Run(script, new() { ["DB_NAME"] = "orders", ["EXTENSION"] = "dump", ["BUCKET"] = "b", ["ENDPOINT"] = "https://storage.googleapis.com", ["PREFIX"] = "p/" });

        Assert.NotEqual(0, code);
        Assert.Contains("the metadata server gave no access token", error, StringComparison.Ordinal);
        Assert.Single(Calls());
    }

    [Fact]
    public void Mongodump_reads_a_quoted_password_from_a_private_config_file_never_from_its_arguments()
    {
        Fake("mongodump",
            "printf '%s\\n' \"$*\" >> \"$LOG\"\n" +
            "for a; do case \"$a\" in --config=*) cp \"${a#--config=}\" \"$WORK/config-copy\"; ls -l \"${a#--config=}\" | cut -c1-10 > \"$WORK/config-mode\" ;; esac; done\n" +
            "echo archive > \"$WORK/backup/dump\"\n");
        var script = DumpScript(BackupTests.Backup(a => a with { Engine = DatabaseEngine.Mongo }, caSecret: "events-ssl"));

        var (code, error) = Run(script, new()
        {
            ["DB_HOST"] = "events-rs0.data.svc.cluster.local",
            ["DB_PORT"] = "27017",
            ["DB_NAME"] = "events",
            ["DB_USER"] = "app",
            ["DB_PASSWORD"] = "it's a \"secret\" $x",
        });

        Assert.True(code == 0, error);
        Assert.Equal(
        [
            $"--config={dir}/tmp/mongodump.yaml --host=events-rs0.data.svc.cluster.local --port=27017 --username=app --authenticationDatabase=events " +
            $"--db=events --tls --tlsCAFile=/etc/database-ca/ca.crt --archive={dir}/backup/dump --gzip",
        ], Calls());
        Assert.Equal("password: 'it''s a \"secret\" $x'\n", File.ReadAllText(Path.Combine(dir, "config-copy")));
        Assert.Equal("-rw-------", File.ReadAllText(Path.Combine(dir, "config-mode")).Trim());
        Assert.False(File.Exists(Path.Combine(dir, "tmp", "mongodump.yaml")));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d{6}Z$", File.ReadAllText(Path.Combine(dir, "backup", "stamp")).Trim());
    }

    [Fact]
    public void A_failing_mysqldump_fails_the_job_although_gzip_succeeds()
    {
        Fake("mysqldump", "printf '%s\\n' \"$*\" >> \"$LOG\"\necho partial\nexit 2\n");
        var script = DumpScript(BackupTests.Backup(a => a with { Engine = DatabaseEngine.MySql }));

        var (code, _) = Run(script, new() { ["DB_HOST"] = "db", ["DB_PORT"] = "3306", ["DB_NAME"] = "orders", ["DB_USER"] = "app", ["DB_PASSWORD"] = "p" });

        Assert.NotEqual(0, code);
        Assert.Equal([$"--defaults-extra-file={dir}/tmp/mysqldump.cnf --single-transaction --routines --triggers --ssl-mode=REQUIRED --host=db --port=3306 --user=app orders"], Calls());
    }

    [Fact]
    public void Mysqldump_reads_an_escaped_password_from_a_private_option_file_never_from_its_arguments_or_environment()
    {
        Fake("mysqldump",
            "printf '%s\\n' \"$*\" >> \"$LOG\"\n" +
            "for a; do case \"$a\" in --defaults-extra-file=*) cp \"${a#--defaults-extra-file=}\" \"$WORK/config-copy\"; ls -l \"${a#--defaults-extra-file=}\" | cut -c1-10 > \"$WORK/config-mode\" ;; esac; done\n" +
            "env > \"$WORK/env-copy\"\n" +
            "echo dump\n");
        var script = DumpScript(BackupTests.Backup(a => a with { Engine = DatabaseEngine.MySql }));

        var (code, error) = Run(script, new() { ["DB_HOST"] = "db", ["DB_PORT"] = "3306", ["DB_NAME"] = "orders", ["DB_USER"] = "app", ["DB_PASSWORD"] = "a\\b \"c\" $d" });

        Assert.True(code == 0, error);
        Assert.Equal("[client]\npassword=\"a\\\\b \\\"c\\\" $d\"\n", File.ReadAllText(Path.Combine(dir, "config-copy")));
        Assert.Equal("-rw-------", File.ReadAllText(Path.Combine(dir, "config-mode")).Trim());
        Assert.False(File.Exists(Path.Combine(dir, "tmp", "mysqldump.cnf")));
        Assert.DoesNotContain("MYSQL_PWD", File.ReadAllText(Path.Combine(dir, "env-copy")), StringComparison.Ordinal);
    }

    private void FakeClickHouse(string failOnTable = "")
    {
        Fake("clickhouse-client",
            "printf '%s\\n' \"$*\" >> \"$LOG\"\n" +
            "prev=; query=; table=\n" +
            "for a; do\n" +
            "  [ \"$prev\" = --query ] && query=$a\n" +
            "  case \"$a\" in --param_table=*) table=${a#--param_table=} ;; --config-file=*) cp \"${a#--config-file=}\" \"$WORK/config-copy\"; ls -l \"${a#--config-file=}\" | cut -c1-10 > \"$WORK/config-mode\" ;; esac\n" +
            "  prev=$a\n" +
            "done\n" +
            "case \"$query\" in\n" +
            "  *create_table_query*) printf 'CREATE TABLE events.hits (id UInt64) ENGINE = MergeTree ORDER BY id;\\nCREATE VIEW events.daily AS SELECT 1;\\n' ;;\n" +
            "  *'SELECT name FROM'*) printf 'hits\\nodd\\\\tname\\n' ;;\n" +
            $"  *'FORMAT Native'*) [ \"$table\" = '{failOnTable}' ] && exit 3; printf 'native:%s' \"$table\" ;;\n" +
            "esac\n");
    }

    private static Dictionary<string, string> ClickHouseEnv() => new()
    {
        ["DB_HOST"] = "clickhouse-events.data.svc.cluster.local",
        ["DB_PORT"] = "9440",
        ["DB_NAME"] = "events",
        ["DB_USER"] = "app",
        ["DB_PASSWORD"] = "pa'ss",
    };

    [Fact]
    public void Clickhouse_exports_schema_then_each_tables_rows_as_one_tar_with_names_as_query_parameters()
    {
        FakeClickHouse();
        var script = DumpScript(BackupTests.Backup(a => a with { Engine = DatabaseEngine.ClickHouse }, caSecret: "events-ca"));

        var (code, error) = Run(script, ClickHouseEnv());

        Assert.True(code == 0, error);
        var connect = $"--config-file={dir}/tmp/clickhouse-client.yaml --secure --host=clickhouse-events.data.svc.cluster.local --port=9440 --param_db=events";
        var calls = Calls();
        Assert.Equal(4, calls.Count);
        Assert.StartsWith(connect + " --query SELECT create_table_query || ';' FROM system.tables WHERE database = {db:String}", calls[0], StringComparison.Ordinal);
        Assert.StartsWith(connect + " --query SELECT name FROM system.tables WHERE database = {db:String} AND has_own_data", calls[1], StringComparison.Ordinal);
        Assert.Equal(connect + " --param_table=hits --query SELECT * FROM {db:Identifier}.{table:Identifier} FORMAT Native", calls[2]);
        Assert.Equal(connect + " --param_table=odd\\tname --query SELECT * FROM {db:Identifier}.{table:Identifier} FORMAT Native", calls[3]);
        Assert.Equal(
            "user: 'app'\npassword: 'pa''ss'\nsecure: true\nopenSSL:\n  client:\n    verificationMode: strict\n    extendedVerification: true\n" +
            "    caConfig: /etc/database-ca/ca.crt\n    loadDefaultCAFile: false\n    invalidCertificateHandler:\n      name: RejectCertificateHandler\n",
            File.ReadAllText(Path.Combine(dir, "config-copy")));
        Assert.Equal("-rw-------", File.ReadAllText(Path.Combine(dir, "config-mode")).Trim());

        var files = new Dictionary<string, byte[]>();
        using (var tar = new TarReader(File.OpenRead(Path.Combine(dir, "backup", "dump"))))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                using var content = new MemoryStream();
                entry.DataStream?.CopyTo(content);
                files[entry.Name.TrimEnd('/')] = content.ToArray();
            }
        }

        Assert.Equal(["data", "data/1.native.gz", "data/2.native.gz", "schema.sql", "tables.tsv"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("CREATE TABLE events.hits (id UInt64) ENGINE = MergeTree ORDER BY id;\nCREATE VIEW events.daily AS SELECT 1;\n", System.Text.Encoding.UTF8.GetString(files["schema.sql"]));
        Assert.Equal("data/1.native.gz\thits\ndata/2.native.gz\todd\\tname\n", System.Text.Encoding.UTF8.GetString(files["tables.tsv"]));
        using var gzip = new GZipStream(new MemoryStream(files["data/1.native.gz"]), CompressionMode.Decompress);
        Assert.Equal("native:hits", new StreamReader(gzip).ReadToEnd());
        Assert.False(Directory.Exists(Path.Combine(dir, "backup", "export")));
        Assert.False(File.Exists(Path.Combine(dir, "tmp", "clickhouse-client.yaml")));
    }

    [Fact]
    public void A_failing_table_export_fails_the_clickhouse_dump()
    {
        FakeClickHouse(failOnTable: "hits");
        var script = DumpScript(BackupTests.Backup(a => a with { Engine = DatabaseEngine.ClickHouse }));

        var (code, _) = Run(script, ClickHouseEnv());

        Assert.NotEqual(0, code);
        Assert.False(File.Exists(Path.Combine(dir, "backup", "dump")));
        Assert.Equal(3, Calls().Count);
    }

    [Fact]
    public void Postgres_dump_goes_to_the_scratch_file_and_libpq_is_told_to_verify_the_server()
    {
        Fake("pg_dump", "echo \"$PGSSLMODE $PGSSLROOTCERT $*\" >> \"$LOG\"\n");
        var pod = BackupTests.PodOf(BackupTests.Backup(caSecret: "orders-pg-ca"));
        var dump = pod.Items("initContainers")[0];
        var env = dump.Items("env").Where(e => e.Text("value") is not null).ToDictionary(e => e.Text("name")!, e => e.Text("value")!);
        env["DB_USER"] = "app";

        var (code, error) = Run(dump.Strings("args")[0], env);

        Assert.True(code == 0, error);
        Assert.Equal([$"verify-full /etc/database-ca/ca.crt --format=custom --no-owner --host=orders-pg.data.svc --port=5432 --username=app --dbname=orders --file={dir}/backup/dump"], Calls());
    }
}
