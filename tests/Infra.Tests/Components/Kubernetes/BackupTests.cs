using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class BackupTests
{
    internal static ObjectStorageTarget Bucket(string name, string endpoint = "https://storage.yandexcloud.net") => new()
    {
        Bucket = name,
        Endpoint = endpoint,
        Region = "ru-central1",
        AccessKeyId = Output.CreateSecret<string>("id-" + name),
        SecretAccessKey = Output.CreateSecret<string>("key-" + name),
    };

    internal static ServiceEndpoint InClusterPostgres(ComponentResourceOptions options)
    {
        var password = new CustomResource("random:index/randomPassword:RandomPassword", "orders-pg-password", new Props { ["length"] = 24 });
        return new ServiceEndpoint
        {
            Name = "orders-pg",
            Host = "orders-pg.data.svc",
            Ports = [5432],
            InCluster = new InClusterSelector("data", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "orders-pg" }),
            Credentials = [new("USERNAME", Output.CreateSecret<string>("orders")), new("PASSWORD", password.GetOutput<string>("result"))],
        };
    }

    private static ProgramDocument Backup(Func<DatabaseBackupArgs, DatabaseBackupArgs>? change = null) => ClusterProgram.Synthesize(o =>
    {
        var data = new Namespace("data", new NamespaceArgs(), o);
        var args = new DatabaseBackupArgs
        {
            Namespace = data,
            Database = InClusterPostgres(o),
            DatabaseName = "orders",
            Destination = Bucket("acme-prod-backups"),
        };
        _ = new DatabaseBackup("orders-backup", change is null ? args : change(args), o);
    });

    [Fact]
    public void The_job_runs_daily_at_three_utc_and_keeps_thirty_days()
    {
        var cron = Backup().Named("orders-backup-cronjob");

        Assert.Equal("kubernetes:batch/v1:CronJob", cron.Type);
        Assert.Equal("0 3 * * *", cron.Properties.Text("spec.schedule"));
        Assert.Equal("Etc/UTC", cron.Properties.Text("spec.timeZone"));
        Assert.Equal("Forbid", cron.Properties.Text("spec.concurrencyPolicy"));
        var upload = Assert.Single(cron.Properties.Items("spec.jobTemplate.spec.template.spec.containers"));
        var env = upload.Items("env").Where(e => e.At("value") is StringNode).ToDictionary(e => e.Text("name")!, e => e.Text("value")!);
        Assert.Equal("30", env["RETENTION_DAYS"]);
        Assert.Equal("acme-prod-backups", env["PRIMARY_BUCKET"]);
        Assert.Equal("https://storage.yandexcloud.net", env["PRIMARY_ENDPOINT"]);
        Assert.False(env.ContainsKey("SECONDARY_BUCKET"));
        Assert.Equal("k8s", cron.ProviderKey());
    }

    [Fact]
    public void The_job_is_hardened_like_every_workload()
    {
        var cron = Backup().Named("orders-backup-cronjob");

        Assert.Empty(WorkloadRules.Violations(cron));
        var pod = cron.Properties.At("spec.jobTemplate.spec.template.spec");
        Assert.Equal(["dump"], pod.Items("initContainers").Select(c => c.Text("name")));
        Assert.Equal("postgres:17.6", pod.Items("initContainers")[0].Text("image"));
        Assert.Equal("amazon/aws-cli:2.27.50", pod.Items("containers")[0].Text("image"));
    }

    [Fact]
    public void Credentials_come_from_a_secret_whose_values_stay_secret()
    {
        var program = Backup();

        var data = (MapNode)program.Named("orders-backup-credentials").Properties.At("stringData")!;
        Assert.Equal(["DB_USER", "DB_PASSWORD", "PRIMARY_ACCESS_KEY_ID", "PRIMARY_SECRET_ACCESS_KEY"], data.Entries.Select(e => e.Key));
        Assert.All(data.Entries, e => Assert.Equal("secret", Assert.IsType<FunctionNode>(e.Value).Name));
        var dump = program.Named("orders-backup-cronjob").Properties.Items("spec.jobTemplate.spec.template.spec.initContainers")[0];
        var password = dump.Items("env").Single(e => e.Text("name") == "PGPASSWORD");
        Assert.Equal("DB_PASSWORD", password.Text("valueFrom.secretKeyRef.key"));
        Assert.Equal("orders-backup-credentials.metadata.name",
            Assert.IsType<ReferenceNode>(password.At("valueFrom.secretKeyRef.name")).ToExpressionText());
    }

    [Fact]
    public void A_second_region_copy_goes_to_the_given_destination()
    {
        var program = Backup(a => a with { SecondaryDestination = Bucket("acme-prod-backups-dr", "https://s3.eu-west-1.amazonaws.com") });

        var upload = program.Named("orders-backup-cronjob").Properties.Items("spec.jobTemplate.spec.template.spec.containers")[0];
        Assert.EndsWith("copy PRIMARY\ncopy SECONDARY\n", upload.Strings("args")[0], StringComparison.Ordinal);
        Assert.Contains(upload.Items("env"), e => e.Text("name") == "SECONDARY_BUCKET" && e.Text("value") == "acme-prod-backups-dr");
        var data = (MapNode)program.Named("orders-backup-credentials").Properties.At("stringData")!;
        Assert.Contains("SECONDARY_SECRET_ACCESS_KEY", data.Entries.Select(e => e.Key));
    }

    [Fact]
    public void The_job_may_reach_only_the_database_and_object_storage()
    {
        var program = Backup();

        Assert.Equal(
        [
            "orders-backup-to-database [app.kubernetes.io/name=orders-backup] Egress: to ns data pods app.kubernetes.io/name=orders-pg on TCP/5432",
            "orders-backup-to-object-storage [app.kubernetes.io/name=orders-backup] Egress: to cidr 0.0.0.0/0 on TCP/443",
        ], program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Where(p => p.LogicalName.StartsWith("orders-backup", StringComparison.Ordinal))
            .Select(NetworkPolicyTests.Describe));
    }

    [Fact]
    public void Mysql_dumps_with_mysqldump_and_its_password_variable()
    {
        var program = Backup(a => a with { Engine = DatabaseEngine.MySql });

        var dump = program.Named("orders-backup-cronjob").Properties.Items("spec.jobTemplate.spec.template.spec.initContainers")[0];
        Assert.Equal("mysql:8.4.6", dump.Text("image"));
        Assert.StartsWith("set -eu\nmysqldump ", dump.Strings("args")[0], StringComparison.Ordinal);
        Assert.Contains(dump.Items("env"), e => e.Text("name") == "MYSQL_PWD");
    }

    [Fact]
    public void Everything_emitted_matches_the_kubernetes_schema()
    {
        var program = Backup(a => a with { SecondaryDestination = Bucket("acme-dr") });

        Assert.Empty(program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).SelectMany(ProviderSchema.Load("kubernetes").Problems));
    }

    [Fact]
    public void Invalid_arguments_are_reported_at_once_with_exact_messages()
    {
        var error = Assert.Throws<InfraException>(() => Backup(a => a with
        {
            Schedule = "daily",
            RetentionDays = 0,
            PasswordKey = "PASS",
            UploadImage = "amazon/aws-cli",
            Destination = Bucket("Backups") with { Endpoint = "http://minio.local" },
            SecondaryDestination = Bucket("Backups") with { Endpoint = "http://minio.local" },
        }));

        Assert.Equal(
        [
            "DatabaseBackupArgs.Database has no credential 'PASS' (DatabaseBackupArgs.PasswordKey).",
            "DatabaseBackupArgs.Schedule 'daily' is not a cron schedule.",
            "DatabaseBackupArgs.RetentionDays is 0; every dump would be deleted right after it is written.",
            "DatabaseBackupArgs.UploadImage 'amazon/aws-cli' has no tag or digest, so every pull may get a different image.",
            "DatabaseBackupArgs.Destination.Bucket 'Backups' is not a bucket name.",
            "DatabaseBackupArgs.Destination.Endpoint 'http://minio.local' is not an https URL.",
            "DatabaseBackupArgs.SecondaryDestination.Bucket 'Backups' is not a bucket name.",
            "DatabaseBackupArgs.SecondaryDestination.Endpoint 'http://minio.local' is not an https URL.",
            "DatabaseBackupArgs.SecondaryDestination is the same bucket as Destination ('Backups'), so it is no second copy.",
        ], error.Diagnostics.Select(d => d.Message));
    }
}
