using Infra.Components;
using Infra.Components.Aws;
using Infra.Components.Clusters;
using Infra.Components.Data;
using Infra.Components.Edge;
using Infra.Components.Gcp;
using Infra.Components.Kubernetes;
using Infra.Components.Messaging;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Components.Yandex;
using Infra.Core;

namespace Infra.Stacks.Platform;

/// <summary>
/// The typed environment config of the platform stack, read from <c>Pulumi.&lt;stack&gt;.yaml</c> in one place.
/// Every section binds to a component's argument record, whose documented defaults apply to what a stack
/// leaves out; a missing, mistyped or unknown key is reported together with all the others.
/// </summary>
public sealed record PlatformConfig
{
    public required CloudKind Cloud { get; init; }

    public required PlatformSettings Settings { get; init; }

    public AwsOptions? Aws { get; init; }

    /// <summary>AWS data-service choices (<c>infra:awsData</c>, e.g. <c>auroraPostgres: true</c>).</summary>
    public AwsDataOptions? AwsData { get; init; }

    public GcpOptions? Gcp { get; init; }

    public YandexOptions? Yandex { get; init; }

    public required ComponentSwitches Components { get; init; }

    public required NetworkArgs Network { get; init; }

    public KubernetesClusterArgs? Cluster { get; init; }

    public required IReadOnlyDictionary<string, WorkloadSection> Workloads { get; init; }

    public PostgresDatabaseArgs? Postgres { get; init; }

    public MongoDatabaseArgs? Mongo { get; init; }

    public RedisCacheArgs? Redis { get; init; }

    public ClickHouseDatabaseArgs? ClickHouse { get; init; }

    public KafkaClusterArgs? Kafka { get; init; }

    public ObjectStorageArgs? Storage { get; init; }

    public CdnArgs? Cdn { get; init; }

    public IngressArgs? Ingress { get; init; }

    /// <summary>The DNS zone records are made in (<c>infra:dnsZone</c>: <c>id</c>, <c>domain</c>); needed by the CDN.</summary>
    public DnsZone? DnsZone { get; init; }

    public required MonitoringArgs Monitoring { get; init; }

    public required LoggingArgs Logging { get; init; }

    public required TracingArgs Tracing { get; init; }

    public required BackupsSection Backups { get; init; }

    /// <summary>Reads and checks every key; stops with all problems when any is wrong.</summary>
    public static PlatformConfig Load()
    {
        var config = new Config();
        var cloudName = config.Require("cloud");
        CloudKind? cloud = cloudName switch
        {
            "aws" => CloudKind.Aws,
            "gcp" => CloudKind.Gcp,
            "yandex" => CloudKind.Yandex,
            _ => null,
        };
        if (cloud is null && cloudName.Length > 0)
        {
            config.ReportInvalid("cloud", "one of: aws, gcp, yandex", "Set infra:cloud to aws, gcp or yandex.");
        }

        var environment = config.Get("environment") ?? Deployment.Current.StackName;
        var settings = Required<PlatformSection>(config, "platform");
        var components = config.GetObject<ComponentSwitches>("components", ConfigJson.Options) ?? new ComponentSwitches();
        var loaded = new PlatformConfig
        {
            Cloud = cloud ?? CloudKind.Aws,
            Settings = settings?.ToSettings(environment) ?? new PlatformSettings { Environment = environment, Region = "", Zones = [], NamePrefix = "" },
            Aws = cloud == CloudKind.Aws ? config.GetObject<AwsOptions>("aws", ConfigJson.Options) ?? new AwsOptions() : null,
            AwsData = cloud == CloudKind.Aws ? config.GetObject<AwsDataOptions>("awsData", ConfigJson.Options) : null,
            Gcp = cloud == CloudKind.Gcp ? Required<GcpOptions>(config, "gcp") : null,
            Yandex = cloud == CloudKind.Yandex ? Required<YandexOptions>(config, "yandex") : null,
            Components = components,
            Network = config.GetObject<NetworkArgs>("network", ConfigJson.Options) ?? new NetworkArgs(),
            Cluster = components.Cluster ? config.GetObject<KubernetesClusterArgs>("cluster", ConfigJson.Options) : null,
            Workloads = config.GetObject<Dictionary<string, WorkloadSection>>("workloads", ConfigJson.Options) ?? [],
            Postgres = config.GetObject<PostgresDatabaseArgs>("postgres", ConfigJson.Options),
            Mongo = config.GetObject<MongoDatabaseArgs>("mongo", ConfigJson.Options),
            Redis = config.GetObject<RedisCacheArgs>("redis", ConfigJson.Options),
            ClickHouse = config.GetObject<ClickHouseDatabaseArgs>("clickhouse", ConfigJson.Options),
            Kafka = config.GetObject<KafkaClusterArgs>("kafka", ConfigJson.Options),
            Storage = config.GetObject<ObjectStorageArgs>("storage", ConfigJson.Options),
            Cdn = components.Cdn ? Required<CdnArgs>(config, "cdn") : null,
            Ingress = components.Ingress && components.Cluster ? Required<IngressArgs>(config, "ingress") : null,
            DnsZone = config.GetObject<DnsZoneSection>("dnsZone", ConfigJson.Options) is { } zone ? new DnsZone(zone.Id, zone.Domain) : null,
            Monitoring = config.GetObject<MonitoringArgs>("monitoring", ConfigJson.Options) ?? new MonitoringArgs(),
            Logging = config.GetObject<LoggingArgs>("logging", ConfigJson.Options) ?? new LoggingArgs(),
            Tracing = config.GetObject<TracingArgs>("tracing", ConfigJson.Options) ?? new TracingArgs(),
            Backups = config.GetObject<BackupsSection>("backups", ConfigJson.Options) ?? new BackupsSection(),
        };
        if (loaded.Backups.RetentionDays < 1)
        {
            config.ReportInvalid("backups", "retentionDays is at least 1 (days a dump is kept)", "Set infra:backups.retentionDays to e.g. 30.");
        }
        if (components.Cluster && loaded.Cluster is null)
        {
            _ = Required<KubernetesClusterArgs>(config, "cluster");
        }

        if (components.Cdn && loaded.DnsZone is null)
        {
            _ = Required<DnsZoneSection>(config, "dnsZone");
        }

        Deployment.Current.ThrowIfConfigInvalid();
        return loaded;
    }

    /// <summary>A section that must be present: when absent the problem is recorded (and reported with the others).</summary>
    private static T? Required<T>(Config config, string key)
        where T : class
    {
        var value = config.GetObject<T>(key, ConfigJson.Options);
        if (value is null && config.Get(key) is null)
        {
            _ = config.Require(key);
        }

        return value;
    }

    /// <summary>The <c>infra:dnsZone</c> section: the hosted zone's ID and its domain.</summary>
    public sealed record DnsZoneSection
    {
        public required string Id { get; init; }

        public required string Domain { get; init; }
    }

    /// <summary>The <c>infra:platform</c> section: where the stack runs and how its resources are named.</summary>
    public sealed record PlatformSection
    {
        /// <summary>The cloud region. Required.</summary>
        public required string Region { get; init; }

        /// <summary>Zones of the region, in order of preference. Required.</summary>
        public required IReadOnlyList<string> Zones { get; init; }

        /// <summary>Prefix of every cloud resource name, e.g. <c>acme-dev</c>. Required.</summary>
        public required string NamePrefix { get; init; }

        /// <summary>Labels on every resource that takes them. Default: none.</summary>
        public IReadOnlyDictionary<string, string>? Labels { get; init; }

        /// <summary>Protect stateful resources. Default: the environment serves production (see <see cref="PlatformSettings"/>).</summary>
        public bool? ProtectStatefulResources { get; init; }

        public PlatformSettings ToSettings(string environment)
        {
            var settings = new PlatformSettings
            {
                Environment = environment,
                Region = Region,
                Zones = Zones,
                NamePrefix = NamePrefix,
                Labels = Labels ?? new Dictionary<string, string>(),
            };
            return ProtectStatefulResources is { } protect ? settings with { ProtectStatefulResources = protect } : settings;
        }
    }
}
