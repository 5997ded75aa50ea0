using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class BackupTests
{
    private const string Pod = "spec.jobTemplate.spec.template.spec";

    internal static ObjectStorageTarget Bucket(string name, string endpoint = "https://storage.yandexcloud.net") => new()
    {
        Bucket = name,
        Endpoint = endpoint,
        Region = "ru-central1",
        AccessKeyId = Output.CreateSecret<string>("id-" + name),
        SecretAccessKey = Output.CreateSecret<string>("key-" + name),
    };

    /// <summary>An S3 bucket written with EKS Pod Identity, granted to the job's default account in namespace data.</summary>
    internal static ObjectStorageTarget PodIdentityBucket(string name, string account = "orders-backup", string ns = "data") => new()
    {
        Bucket = name,
        Endpoint = "https://s3.eu-central-1.amazonaws.com",
        Region = "eu-central-1",
        GrantedTo = new WorkloadIdentity { Name = account, KubernetesNamespace = ns },
        CredentialEndpoints = [new("169.254.170.23/32", 80)],
    };

    /// <summary>A GCS bucket written with GKE Workload Identity.</summary>
    internal static ObjectStorageTarget GcsBucket(string name, string email = "orders-backup@acme.iam.gserviceaccount.com") => new()
    {
        Bucket = name,
        Endpoint = "https://storage.googleapis.com",
        Api = ObjectStorageApi.GoogleCloudStorage,
        GrantedTo = new WorkloadIdentity { Name = "orders-backup", KubernetesNamespace = "data" },
        ServiceAccountAnnotations = new Dictionary<string, Output<string>> { ["iam.gke.io/gcp-service-account"] = Output.Create(email) },
        CredentialEndpoints = [new("169.254.169.254/32", 80), new("169.254.169.252/32", 988)],
    };

    internal static ServiceEndpoint InClusterPostgres(ComponentResourceOptions options, string? caSecret = null)
    {
        var password = new CustomResource("random:index/randomPassword:RandomPassword", "orders-pg-password", new Props { ["length"] = 24 });
        return new ServiceEndpoint
        {
            Name = "orders-pg",
            Host = "orders-pg.data.svc",
            Ports = [5432],
            InCluster = new InClusterSelector("data", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "orders-pg" }) { CaSecretName = caSecret },
            Credentials = [new("USERNAME", Output.CreateSecret<string>("orders")), new("PASSWORD", password.GetOutput<string>("result"))],
        };
    }

    internal static ProgramDocument Backup(Func<DatabaseBackupArgs, DatabaseBackupArgs>? change = null, string? caSecret = null, bool withNamespace = true) =>
        ClusterProgram.Synthesize(o =>
        {
            var args = new DatabaseBackupArgs
            {
                Namespace = withNamespace ? new Namespace("data", new NamespaceArgs(), o) : null,
                Database = InClusterPostgres(o, caSecret),
                DatabaseName = "orders",
                Destination = Bucket("acme-prod-backups"),
            };
            _ = new DatabaseBackup("orders-backup", change is null ? args : change(args), o);
        });

    internal static Node PodOf(ProgramDocument program) => program.Named("orders-backup-cronjob").Properties.At(Pod)!;

    private static Dictionary<string, string> PlainEnv(Node container) =>
        container.Items("env").Where(e => e.At("value") is StringNode).ToDictionary(e => e.Text("name")!, e => e.Text("value")!);

    private static string[] EnvNames(Node container) => [.. container.Items("env").Select(e => e.Text("name")!)];

    private static string[] Describe(ProgramDocument program) =>
        [.. program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Where(p => p.LogicalName.StartsWith("orders-backup", StringComparison.Ordinal))
            .Select(NetworkPolicyTests.Describe)];

    [Fact]
    public void The_job_runs_daily_at_three_utc_and_uploads_once_per_destination()
    {
        var cron = Backup().Named("orders-backup-cronjob");

        Assert.Equal("kubernetes:batch/v1:CronJob", cron.Type);
        Assert.Equal("0 3 * * *", cron.Properties.Text("spec.schedule"));
        Assert.Equal("Etc/UTC", cron.Properties.Text("spec.timeZone"));
        Assert.Equal("Forbid", cron.Properties.Text("spec.concurrencyPolicy"));
        var upload = Assert.Single(cron.Properties.Items($"{Pod}.containers"));
        Assert.Equal("upload-primary", upload.Text("name"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["DB_NAME"] = "orders",
            ["EXTENSION"] = "dump",
            ["BUCKET"] = "acme-prod-backups",
            ["ENDPOINT"] = "https://storage.yandexcloud.net",
            ["PREFIX"] = "backups/",
            ["AWS_DEFAULT_REGION"] = "ru-central1",
            ["HOME"] = "/tmp",
        }, PlainEnv(upload));
        Assert.Equal("k8s", cron.ProviderKey());
    }

    [Fact]
    public void Uploads_only_create_objects_and_never_list_or_delete()
    {
        var script = PodOf(Backup()).Items("containers")[0].Strings("args")[0];

        Assert.Contains("aws s3 cp /backup/dump \"s3://${BUCKET}/${object}\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("s3api", script, StringComparison.Ordinal);
        Assert.DoesNotContain(" rm ", script, StringComparison.Ordinal);
        Assert.DoesNotContain("RETENTION", script, StringComparison.Ordinal);
    }

    public static TheoryData<DatabaseEngine, string, string> Engines => new()
    {
        { DatabaseEngine.Postgres, "postgres:17.6", "dump" },
        { DatabaseEngine.MySql, "mysql:8.4.6", "sql.gz" },
        { DatabaseEngine.Mongo, "percona/percona-server-mongodb:8.0.19-7", "archive.gz" },
        { DatabaseEngine.ClickHouse, "clickhouse/clickhouse-server:25.8", "tar" },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Each_engine_dumps_with_its_pinned_image_and_names_its_file(DatabaseEngine engine, string image, string extension)
    {
        var pod = PodOf(Backup(a => a with { Engine = engine }));

        var dump = Assert.Single(pod.Items("initContainers"));
        Assert.Equal("dump", dump.Text("name"));
        Assert.Equal(image, dump.Text("image"));
        Assert.Equal(extension, PlainEnv(pod.Items("containers")[0])["EXTENSION"]);
        var password = dump.Items("env").Single(e => e.Text("valueFrom.secretKeyRef.key") == "DB_PASSWORD");
        Assert.Equal(engine switch { DatabaseEngine.Postgres => "PGPASSWORD", _ => "DB_PASSWORD" }, password.Text("name"));
    }

    [Theory]
    [InlineData(DatabaseEngine.Postgres, "pg_dump --format=custom")]
    [InlineData(DatabaseEngine.MySql, "compress mysqldump --defaults-extra-file=\"$config\" --single-transaction --routines --triggers --ssl-mode=REQUIRED ")]
    [InlineData(DatabaseEngine.Mongo, "--tls --archive=/backup/dump --gzip\n")]
    [InlineData(DatabaseEngine.ClickHouse, "clickhouse-client --config-file=\"$config\" --secure ")]
    public void Every_engine_requires_tls_without_a_ca(DatabaseEngine engine, string expected)
    {
        var dump = PodOf(Backup(a => a with { Engine = engine })).Items("initContainers")[0];

        Assert.Contains(expected, dump.Strings("args")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/database-ca", dump.Strings("args")[0], StringComparison.Ordinal);
        Assert.Equal(engine == DatabaseEngine.Postgres ? "require" : null, PlainEnv(dump).GetValueOrDefault("PGSSLMODE"));
    }

    [Theory]
    [InlineData(DatabaseEngine.MySql, "--ssl-mode=VERIFY_IDENTITY --ssl-ca=/etc/database-ca/ca.crt ")]
    [InlineData(DatabaseEngine.Mongo, "--tls --tlsCAFile=/etc/database-ca/ca.crt --archive=/backup/dump --gzip\n")]
    [InlineData(DatabaseEngine.ClickHouse, "printf '    caConfig: /etc/database-ca/ca.crt\\n    loadDefaultCAFile: false\\n'\n")]
    public void With_a_ca_every_engine_verifies_the_server_against_it(DatabaseEngine engine, string expected)
    {
        var dump = PodOf(Backup(a => a with { Engine = engine }, caSecret: "orders-pg-ca")).Items("initContainers")[0];

        Assert.Contains(expected, dump.Strings("args")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_cluster_databases_ca_is_mounted_read_only_into_the_dump_container_only()
    {
        var pod = PodOf(Backup(caSecret: "orders-pg-ca"));

        var dump = pod.Items("initContainers")[0];
        Assert.Equal("verify-full", PlainEnv(dump)["PGSSLMODE"]);
        Assert.Equal("/etc/database-ca/ca.crt", PlainEnv(dump)["PGSSLROOTCERT"]);
        var mount = dump.Items("volumeMounts").Single(m => m.Text("name") == "database-ca");
        Assert.Equal("/etc/database-ca", mount.Text("mountPath"));
        Assert.True(mount.Bool("readOnly"));
        var volume = pod.Items("volumes").Single(v => v.Text("name") == "database-ca");
        Assert.Equal("orders-pg-ca", volume.Text("secret.secretName"));
        var item = Assert.Single(volume.Items("secret.items"));
        Assert.Equal(("ca.crt", "ca.crt"), (item.Text("key"), item.Text("path")));
        Assert.Equal(292, volume.Integer("secret.defaultMode"));
        Assert.DoesNotContain(pod.Items("containers"), c => c.Items("volumeMounts").Any(m => m.Text("name") == "database-ca"));
    }

    [Fact]
    public void A_named_ca_secret_wins_and_without_any_no_volume_is_declared()
    {
        var named = PodOf(Backup(a => a with { DatabaseCaSecret = "pg-root-ca" }, caSecret: "orders-pg-ca"));
        var none = PodOf(Backup());

        Assert.Equal("pg-root-ca", named.Items("volumes").Single(v => v.Text("name") == "database-ca").Text("secret.secretName"));
        Assert.DoesNotContain(none.Items("volumes"), v => v.Text("name") == "database-ca");
    }

    [Fact]
    public void Without_a_namespace_the_job_runs_beside_the_in_cluster_database()
    {
        var program = Backup(withNamespace: false, caSecret: "orders-pg-ca");

        var owned = program.Resources.Where(r => r.LogicalName.StartsWith("orders-backup-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, owned.Count);
        Assert.All(owned, r => Assert.Equal("data", r.Properties.Text("metadata.namespace")));
        Assert.DoesNotContain(program.Resources, r => r.Type == "kubernetes:core/v1:Namespace");
    }

    [Fact]
    public void A_database_outside_the_cluster_needs_a_namespace()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o => _ = new DatabaseBackup("orders-backup", new DatabaseBackupArgs
        {
            Database = new ServiceEndpoint
            {
                Name = "orders-db",
                Host = "10.20.0.5",
                Ports = [5432],
                Cidrs = ["10.20.0.0/24"],
                Credentials = [new("USERNAME", Output.CreateSecret<string>("u")), new("PASSWORD", Output.CreateSecret<string>("p"))],
            },
            DatabaseName = "orders",
            Destination = Bucket("acme-prod-backups"),
        }, o)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("DatabaseBackupArgs.Namespace is not set and the database 'orders-db' does not run in the cluster, so the job has no namespace to run in.", problem.Message);
        Assert.Equal("Pass the Namespace component the job should run in.", problem.Fix);
    }

    [Fact]
    public void An_in_cluster_ca_cannot_be_mounted_from_another_namespace()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o => _ = new DatabaseBackup("orders-backup", new DatabaseBackupArgs
        {
            Namespace = new Namespace("jobs", new NamespaceArgs(), o),
            Database = InClusterPostgres(o, "orders-pg-ca"),
            DatabaseName = "orders",
            Destination = Bucket("acme-prod-backups"),
        }, o)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("The database's CA Secret 'orders-pg-ca' is in namespace 'data', but the job runs in 'jobs', where a pod cannot mount it.", problem.Message);
        Assert.Equal("Leave DatabaseBackupArgs.Namespace unset so that the job runs beside the database in 'data', or copy the CA into a Secret in 'jobs' and name it in DatabaseBackupArgs.DatabaseCaSecret.", problem.Fix);
    }

    [Fact]
    public void Static_keys_come_from_a_secret_whose_values_stay_secret()
    {
        var program = Backup();

        var data = (MapNode)program.Named("orders-backup-credentials").Properties.At("stringData")!;
        Assert.Equal(["DB_USER", "DB_PASSWORD", "PRIMARY_ACCESS_KEY_ID", "PRIMARY_SECRET_ACCESS_KEY"], data.Entries.Select(e => e.Key));
        Assert.All(data.Entries, e => Assert.Equal("secret", Assert.IsType<FunctionNode>(e.Value).Name));
        var pod = PodOf(program);
        var password = pod.Items("initContainers")[0].Items("env").Single(e => e.Text("name") == "PGPASSWORD");
        Assert.Equal("orders-backup-credentials.metadata.name", Assert.IsType<ReferenceNode>(password.At("valueFrom.secretKeyRef.name")).ToExpressionText());
        var upload = pod.Items("containers")[0];
        Assert.Equal("PRIMARY_ACCESS_KEY_ID", upload.Items("env").Single(e => e.Text("name") == "AWS_ACCESS_KEY_ID").Text("valueFrom.secretKeyRef.key"));
        Assert.Equal("PRIMARY_SECRET_ACCESS_KEY", upload.Items("env").Single(e => e.Text("name") == "AWS_SECRET_ACCESS_KEY").Text("valueFrom.secretKeyRef.key"));
        Assert.Null(program.Named("orders-backup-sa").Properties.At("metadata.annotations"));
    }

    [Fact]
    public void An_ambient_identity_destination_has_no_key_and_opens_its_credential_endpoint()
    {
        var program = Backup(a => a with { Destination = PodIdentityBucket("acme-prod-backups") });

        var data = (MapNode)program.Named("orders-backup-credentials").Properties.At("stringData")!;
        Assert.Equal(["DB_USER", "DB_PASSWORD"], data.Entries.Select(e => e.Key));
        var upload = PodOf(program).Items("containers")[0];
        Assert.Equal(["DB_NAME", "EXTENSION", "BUCKET", "ENDPOINT", "PREFIX", "AWS_DEFAULT_REGION", "HOME"], EnvNames(upload));
        Assert.Equal("eu-central-1", PlainEnv(upload)["AWS_DEFAULT_REGION"]);
        Assert.False(PodOf(program).Bool("automountServiceAccountToken"));
        Assert.False(program.Named("orders-backup-sa").Properties.Bool("automountServiceAccountToken"));
        Assert.Equal(
        [
            "orders-backup-to-database [app.kubernetes.io/name=orders-backup] Egress: to ns data pods app.kubernetes.io/name=orders-pg on TCP/5432",
            "orders-backup-to-object-storage [app.kubernetes.io/name=orders-backup] Egress: to cidr 0.0.0.0/0 on TCP/443",
            "orders-backup-to-credential-endpoints [app.kubernetes.io/name=orders-backup] Egress: to cidr 169.254.170.23/32 on TCP/80",
        ], Describe(program));
    }

    [Fact]
    public void A_gke_destination_annotates_the_service_account_and_opens_each_metadata_endpoint_on_its_own_port()
    {
        var program = Backup(a => a with { Destination = GcsBucket("acme-prod-backups") });

        Assert.Equal(new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "orders-backup@acme.iam.gserviceaccount.com" },
            program.Named("orders-backup-sa").Properties.StringMap("metadata.annotations"));
        Assert.Equal("orders-backup", program.Named("orders-backup-sa").Properties.Text("metadata.name"));
        var upload = PodOf(program).Items("containers")[0];
        Assert.Equal("curlimages/curl:8.11.1", upload.Text("image"));
        Assert.Equal(["DB_NAME", "EXTENSION", "BUCKET", "ENDPOINT", "PREFIX", "HOME"], EnvNames(upload));
        Assert.Contains("orders-backup-to-credential-endpoints [app.kubernetes.io/name=orders-backup] Egress: to cidr 169.254.169.254/32 on TCP/80; to cidr 169.254.169.252/32 on TCP/988",
            Describe(program));
    }

    [Fact]
    public void Primary_and_secondary_may_speak_different_apis_each_in_its_own_container()
    {
        var program = Backup(a => a with { Destination = GcsBucket("acme-prod-backups"), SecondaryDestination = Bucket("acme-dr", "https://s3.eu-west-1.amazonaws.com") });

        var uploads = PodOf(program).Items("containers");
        Assert.Equal(["upload-primary", "upload-secondary"], uploads.Select(c => c.Text("name")));
        Assert.Equal(["curlimages/curl:8.11.1", "amazon/aws-cli:2.27.50"], uploads.Select(c => c.Text("image")));
        Assert.Contains("/upload/storage/v1/b/", uploads[0].Strings("args")[0], StringComparison.Ordinal);
        Assert.Contains("aws s3 cp ", uploads[1].Strings("args")[0], StringComparison.Ordinal);
        Assert.Equal("acme-dr", PlainEnv(uploads[1])["BUCKET"]);
        Assert.Equal("SECONDARY_ACCESS_KEY_ID", uploads[1].Items("env").Single(e => e.Text("name") == "AWS_ACCESS_KEY_ID").Text("valueFrom.secretKeyRef.key"));
        var data = (MapNode)program.Named("orders-backup-credentials").Properties.At("stringData")!;
        Assert.Equal(["DB_USER", "DB_PASSWORD", "SECONDARY_ACCESS_KEY_ID", "SECONDARY_SECRET_ACCESS_KEY"], data.Entries.Select(e => e.Key));
        Assert.Equal(["tmp-upload-primary", "tmp-upload-secondary"], uploads.Select(c => c.Items("volumeMounts")[1].Text("name")));
    }

    public static TheoryData<string> Variants => ["postgres-static", "mysql-ca", "mongo-ambient", "clickhouse-mixed"];

    private static ProgramDocument Variant(string variant) => variant switch
    {
        "mysql-ca" => Backup(a => a with { Engine = DatabaseEngine.MySql }, caSecret: "orders-ca"),
        "mongo-ambient" => Backup(a => a with { Engine = DatabaseEngine.Mongo, Destination = PodIdentityBucket("acme-prod-backups") }, withNamespace: false),
        "clickhouse-mixed" => Backup(a => a with { Engine = DatabaseEngine.ClickHouse, Destination = GcsBucket("acme-prod-backups"), SecondaryDestination = Bucket("acme-dr") }, caSecret: "orders-ca"),
        _ => Backup(a => a with { SecondaryDestination = Bucket("acme-dr") }),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_emitted_cronjob_is_hardened_like_every_workload(string variant)
    {
        var cron = Variant(variant).Named("orders-backup-cronjob");

        Assert.Empty(WorkloadRules.Violations(cron));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Everything_emitted_matches_the_kubernetes_schema(string variant)
    {
        var program = Variant(variant);

        Assert.Empty(program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).SelectMany(ProviderSchema.Load("kubernetes").Problems));
    }

    [Fact]
    public void An_ambient_destination_granted_to_another_account_or_namespace_is_refused_with_the_fix()
    {
        var error = Assert.Throws<InfraException>(() => Backup(a => a with { Destination = PodIdentityBucket("acme-prod-backups", "events-backup", "analytics") }));

        Assert.Equal(
        [
            "DatabaseBackupArgs.Destination was granted to service account 'events-backup', but the job runs as 'orders-backup'.",
            "DatabaseBackupArgs.Destination was granted to namespace 'analytics', but the job runs in 'data' (DatabaseBackupArgs.Namespace).",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.Equal(
        [
            "Set DatabaseBackupArgs.Name to 'events-backup', or grant the write access to 'orders-backup'.",
            "Set DatabaseBackupArgs.Namespace to the Namespace 'analytics', or grant the write access in 'data'.",
        ], error.Diagnostics.Select(d => d.Fix));
    }

    [Fact]
    public void A_defaulted_namespace_is_named_as_such_when_the_grant_does_not_match_it()
    {
        var error = Assert.Throws<InfraException>(() => Backup(a => a with { Destination = PodIdentityBucket("acme-prod-backups", ns: "backups") }, withNamespace: false));

        Assert.Equal("DatabaseBackupArgs.Destination was granted to namespace 'backups', but the job runs in 'data' (the database's namespace, where the job runs when DatabaseBackupArgs.Namespace is not set).",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Two_destinations_needing_different_annotation_values_are_refused()
    {
        var error = Assert.Throws<InfraException>(() => Backup(a => a with
        {
            Destination = GcsBucket("acme-prod-backups"),
            SecondaryDestination = GcsBucket("acme-dr", "other@acme.iam.gserviceaccount.com"),
        }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(
            "DatabaseBackupArgs.SecondaryDestination.ServiceAccountAnnotations['iam.gke.io/gcp-service-account'] is \"other@acme.iam.gserviceaccount.com\", but "
            + "DatabaseBackupArgs.Destination.ServiceAccountAnnotations['iam.gke.io/gcp-service-account'] is \"orders-backup@acme.iam.gserviceaccount.com\"; "
            + "the job's one ServiceAccount cannot carry both.", problem.Message);
        Assert.Equal("DatabaseBackupArgs.SecondaryDestination.ServiceAccountAnnotations['iam.gke.io/gcp-service-account']", problem.Key);
    }

    [Fact]
    public void Invalid_arguments_are_reported_at_once_with_exact_messages()
    {
        var error = Assert.Throws<InfraException>(() => Backup(a => a with
        {
            Schedule = "daily",
            PasswordKey = "PASS",
            S3UploadImage = "amazon/aws-cli",
            DatabaseCaSecret = "CA!",
            Destination = Bucket("Backups") with { Endpoint = "http://minio.local", SecretAccessKey = null },
            SecondaryDestination = GcsBucket("Backups") with { Endpoint = "http://minio.local", AccessKeyId = Output.CreateSecret<string>("k"), SecretAccessKey = Output.CreateSecret<string>("s"), CredentialEndpoints = [new("169.254.169.254", 0)] },
        }));

        Assert.Equal(
        [
            "DatabaseBackupArgs.DatabaseCaSecret 'CA!' is not a Secret name.",
            "DatabaseBackupArgs.Database has no credential 'PASS' (DatabaseBackupArgs.PasswordKey).",
            "DatabaseBackupArgs.Schedule 'daily' is not a cron schedule.",
            "DatabaseBackupArgs.Destination.Bucket 'Backups' is not a bucket name.",
            "DatabaseBackupArgs.Destination.Endpoint 'http://minio.local' is not an https URL.",
            "DatabaseBackupArgs.Destination gives only one of AccessKeyId and SecretAccessKey.",
            "DatabaseBackupArgs.SecondaryDestination.Bucket 'Backups' is not a bucket name.",
            "DatabaseBackupArgs.SecondaryDestination.Endpoint 'http://minio.local' is not an https URL.",
            "DatabaseBackupArgs.SecondaryDestination gives both a static key and GrantedTo.",
            "DatabaseBackupArgs.SecondaryDestination speaks the Google Cloud Storage API but gives a static key.",
            "DatabaseBackupArgs.SecondaryDestination.CredentialEndpoints[0].Cidr '169.254.169.254' is not a CIDR block.",
            "DatabaseBackupArgs.SecondaryDestination.CredentialEndpoints[0].Port 0 is not a TCP port.",
            "DatabaseBackupArgs.SecondaryDestination is the same bucket as Destination ('Backups'), so it is no second copy.",
            "DatabaseBackupArgs.S3UploadImage 'amazon/aws-cli' has no tag or digest, so every pull may get a different image.",
        ], error.Diagnostics.Select(d => d.Message));
    }
}
