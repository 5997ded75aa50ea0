using Infra.Components;
using Infra.Components.Data;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Data;

/// <summary>Versions, sizes, storage and retention outside what each cloud accepts give exact, complete messages.</summary>
public class DataValidationTests
{
    private static InfraException Build(CloudKind cloud, string environment, Func<DataStack, DataService> create) =>
        Assert.Throws<InfraException>(() => DataProgram.Run(cloud, environment, s => create(s)));

    [Theory]
    [InlineData(CloudKind.Aws, "RDS for PostgreSQL", "13, 14, 15, 16, 17")]
    [InlineData(CloudKind.Gcp, "Cloud SQL for PostgreSQL", "13, 14, 15, 16, 17")]
    [InlineData(CloudKind.Yandex, "Yandex Managed Service for PostgreSQL", "14, 15, 16, 17")]
    public void An_unknown_postgres_version_names_the_property_the_value_the_cloud_and_the_versions(CloudKind cloud, string service, string versions)
    {
        var error = Build(cloud, "dev", s => new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network, Version = "9.6" }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-001", problem.Code);
        Assert.Equal($"PostgresDatabaseArgs.Version: '9.6' is not a version {service} accepts.", problem.Message);
        Assert.Equal("PostgresDatabaseArgs.Version", problem.Key);
        Assert.Equal("9.6", problem.Value);
        Assert.Equal($"one of {versions}", problem.Rule);
        Assert.Equal("Use 16 (the default) or another listed version.", problem.Fix);
        Assert.Equal("orders", problem.Resource);
        Assert.EndsWith("DataValidationTests.cs", problem.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "Amazon DocumentDB (MongoDB-compatible)", "4.0, 5.0", "5.0")]
    [InlineData(CloudKind.Gcp, "MongoDB in the cluster (Percona Operator; Google Cloud has no managed MongoDB)", "7.0, 8.0", "8.0")]
    [InlineData(CloudKind.Yandex, "Yandex Managed Service for MongoDB", "6.0, 7.0", "7.0")]
    public void An_unknown_mongo_version_lists_what_the_cloud_accepts(CloudKind cloud, string service, string versions, string fallback)
    {
        var error = Build(cloud, "dev", s => new MongoDatabase("catalog",
            new MongoDatabaseArgs { Network = s.Network, Version = "3.6", KubernetesProvider = s.KubernetesProvider }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal($"MongoDatabaseArgs.Version: '3.6' is not a version {service} accepts.", problem.Message);
        Assert.Equal($"one of {versions}", problem.Rule);
        Assert.Equal($"Use {fallback} (the default) or another listed version.", problem.Fix);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "db.huge", "RDS for PostgreSQL", "an RDS instance class such as db.m7g.large", "db.m7g.large")]
    [InlineData(CloudKind.Gcp, "n2-standard-4", "Cloud SQL for PostgreSQL", "a Cloud SQL Enterprise tier such as db-custom-2-7680 (vCPUs and memory in MB)", "db-custom-2-7680")]
    [InlineData(CloudKind.Yandex, "medium", "Yandex Managed Service for PostgreSQL", "a Yandex resource preset such as s3-c4-m16", "s3-c4-m16")]
    public void A_machine_class_the_cloud_does_not_have_is_refused(CloudKind cloud, string machineClass, string service, string rule, string example)
    {
        var error = Build(cloud, "dev", s => new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network, MachineClass = machineClass }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-002", problem.Code);
        Assert.Equal($"PostgresDatabaseArgs.MachineClass: '{machineClass}' is not a machine class of {service}.", problem.Message);
        Assert.Equal(rule, problem.Rule);
        Assert.Equal($"Use a class such as {example}, or leave MachineClass unset to size by Size.", problem.Fix);
    }

    [Fact]
    public void A_memorystore_capacity_over_300_gb_is_refused()
    {
        var error = Build(CloudKind.Gcp, "dev", s => new RedisCache("sessions", new RedisCacheArgs { Network = s.Network, MachineClass = "512" }, s.Platform));

        Assert.Equal("RedisCacheArgs.MachineClass: '512' is not a machine class of Memorystore for Redis.", Assert.Single(error.Diagnostics).Message);
    }

    [Theory]
    [InlineData(CloudKind.Aws, 10, "RDS for PostgreSQL", "20 to 65536 GB")]
    [InlineData(CloudKind.Gcp, 70000, "Cloud SQL for PostgreSQL", "10 to 65536 GB")]
    [InlineData(CloudKind.Yandex, 5000, "Yandex Managed Service for PostgreSQL", "10 to 4096 GB")]
    public void Storage_outside_the_clouds_limits_is_refused(CloudKind cloud, int storage, string service, string rule)
    {
        var error = Build(cloud, "dev", s => new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network, StorageGb = storage }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-003", problem.Code);
        Assert.Equal($"PostgresDatabaseArgs.StorageGb: {storage} GB is outside what {service} accepts.", problem.Message);
        Assert.Equal(rule, problem.Rule);
    }

    [Fact]
    public void Storage_on_a_service_that_sizes_itself_is_refused_rather_than_ignored()
    {
        var error = Build(CloudKind.Aws, "dev", s => new MongoDatabase("catalog", new MongoDatabaseArgs { Network = s.Network, StorageGb = 100 }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("MongoDatabaseArgs.StorageGb: Amazon DocumentDB (MongoDB-compatible) sizes its storage itself.", problem.Message);
        Assert.Equal("Remove StorageGb.", problem.Fix);
    }

    [Theory]
    [InlineData(CloudKind.Aws, 36, "RDS for PostgreSQL", "1 to 35 days; at least 7 in production", "Use 35 or fewer days.")]
    [InlineData(CloudKind.Gcp, 400, "Cloud SQL for PostgreSQL", "1 to 365 days; at least 7 in production", "Use 365 or fewer days.")]
    [InlineData(CloudKind.Yandex, 61, "Yandex Managed Service for PostgreSQL", "7 to 60 days; at least 7 in production", "Use 60 or fewer days.")]
    public void Retention_longer_than_the_cloud_keeps_is_refused(CloudKind cloud, int days, string service, string rule, string fix)
    {
        var error = Build(cloud, "dev", s => new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network, BackupRetentionDays = days }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-004", problem.Code);
        Assert.Equal($"PostgresDatabaseArgs.BackupRetentionDays: {days} days is more than {service} keeps.", problem.Message);
        Assert.Equal(rule, problem.Rule);
        Assert.Equal(fix, problem.Fix);
    }

    [Theory]
    [MemberData(nameof(DataPlatformTests.CloudsAndEnvironments), MemberType = typeof(DataPlatformTests))]
    public void Production_keeps_backups_at_least_seven_days_and_development_may_keep_fewer(CloudKind cloud, string environment)
    {
        DataService Create(DataStack s) => new RedisCache("sessions", new RedisCacheArgs { Network = s.Network, BackupRetentionDays = 3 }, s.Platform);
        if (cloud == CloudKind.Gcp)
        {
            // Memorystore keeps no dated backups at all.
            Assert.Equal("RedisCacheArgs.BackupRetentionDays: Memorystore for Redis keeps no dated backups.", Assert.Single(Build(cloud, environment, Create).Diagnostics).Message);
        }
        else if (environment == "prod")
        {
            var problem = Assert.Single(Build(cloud, environment, Create).Diagnostics);
            Assert.Equal("RedisCacheArgs.BackupRetentionDays: 3 days is too short for production.", problem.Message);
            Assert.Equal("Use at least 7 days.", problem.Fix);
        }
        else
        {
            DataProgram.Run(cloud, environment, s => Create(s));
        }
    }

    [Theory]
    [InlineData(CloudKind.Aws, "ClickHouse in the cluster (Altinity operator; AWS has no managed ClickHouse)")]
    [InlineData(CloudKind.Gcp, "ClickHouse in the cluster (Altinity operator; Google Cloud has no managed ClickHouse)")]
    public void An_in_cluster_fallback_without_the_clusters_provider_says_what_to_pass(CloudKind cloud, string service)
    {
        var error = Build(cloud, "dev", s => new ClickHouseDatabase("events", new ClickHouseDatabaseArgs { Network = s.Network }, s.Platform));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-007", problem.Code);
        Assert.Equal($"ClickHouseDatabaseArgs.KubernetesProvider: {service} runs in a Kubernetes cluster, so it needs the cluster's provider.", problem.Message);
        Assert.Equal("Pass KubernetesProvider = cluster.KubernetesProvider.", problem.Fix);
    }

    [Fact]
    public void A_managed_service_does_not_need_the_clusters_provider() =>
        DataProgram.Run(CloudKind.Yandex, "dev", s => _ = new ClickHouseDatabase("events", new ClickHouseDatabaseArgs { Network = s.Network }, s.Platform));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Build(CloudKind.Aws, "prod", s => new PostgresDatabase("Orders DB", new PostgresDatabaseArgs
        {
            Network = s.Network,
            Version = "12",
            MachineClass = "m5.large",
            StorageGb = 5,
            BackupRetentionDays = 2,
            BackupStartHourUtc = 3,
            DatabaseName = "Orders",
            Username = "postgres",
        }, s.Platform));

        Assert.Equal(
            ["INFRA-NAME-001", "INFRA-DATA-001", "INFRA-DATA-002", "INFRA-DATA-003", "INFRA-DATA-004", "INFRA-DATA-005", "INFRA-DATA-006", "INFRA-DATA-006"],
            error.Diagnostics.Select(d => d.Code));
        Assert.Equal("PostgresDatabaseArgs.BackupStartHourUtc: the backup hour 3:00 UTC is also the maintenance hour.", error.Diagnostics[5].Message);
        Assert.Equal("PostgresDatabaseArgs.DatabaseName: 'Orders' cannot name a database on every cloud.", error.Diagnostics[6].Message);
        Assert.Equal("PostgresDatabaseArgs.Username: 'postgres' is reserved by the engine or the cloud.", error.Diagnostics[7].Message);
    }

    [Fact]
    public void An_hour_outside_the_day_is_refused()
    {
        var error = Build(CloudKind.Yandex, "dev", s => new PostgresDatabase("orders", new PostgresDatabaseArgs
        {
            Network = s.Network,
            BackupStartHourUtc = 24,
            Maintenance = new MaintenanceWindow { StartHourUtc = -1 },
        }, s.Platform));

        Assert.Equal(
            ["PostgresDatabaseArgs.BackupStartHourUtc: 24 is not an hour of the day.", "PostgresDatabaseArgs.Maintenance.StartHourUtc: -1 is not an hour of the day."],
            error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void High_availability_needs_a_network_in_two_zones()
    {
        var error = Assert.Throws<InfraException>(() => DataProgram.Run(CloudKind.Aws, "dev", s =>
        {
            var single = new Infra.Components.Networking.Network("edge", new Infra.Components.Networking.NetworkArgs { ZoneCount = 1, Cidr = "10.9.0.0/16" }, s.Platform);
            _ = new RedisCache("sessions", new RedisCacheArgs { Network = single, HighAvailability = true }, s.Platform);
        }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-009", problem.Code);
        Assert.Equal("RedisCacheArgs.HighAvailability: network 'edge' spans 1 zone, so replicas cannot be spread.", problem.Message);
    }

    [Fact]
    public void Aurora_sizes_its_storage_itself_and_takes_aurora_classes()
    {
        var error = Assert.Throws<InfraException>(() => DataProgram.Run(CloudKind.Aws, "dev",
            s => _ = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network, StorageGb = 100, MachineClass = "cache.r7g.large" }, s.Platform),
            _ => new Infra.Components.Aws.AwsDataOptions { AuroraPostgres = true }));

        Assert.Equal(
            [
                "PostgresDatabaseArgs.MachineClass: 'cache.r7g.large' is not a machine class of Aurora PostgreSQL.",
                "PostgresDatabaseArgs.StorageGb: Aurora PostgreSQL sizes its storage itself.",
            ],
            error.Diagnostics.Select(d => d.Message));
    }
}
