using System.Globalization;
using Infra.Components.Connectivity;
using Infra.Components.Messaging;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>The port of Managed Kafka's bootstrap address (SASL over TLS).</summary>
    internal const int ManagedKafkaPort = 9092;

    /// <summary>Fewest vCPUs of a Managed Kafka cluster.</summary>
    internal const int ManagedKafkaMinCpus = 3;

    /// <summary>The role that lets a principal connect to Managed Kafka clusters and use their topics.</summary>
    internal const string ManagedKafkaClientRole = "roles/managedkafka.client";

    private readonly Dictionary<KafkaCluster, CustomResource> managedKafkaClusters = [];

    /// <summary>
    /// A Managed Service for Apache Kafka cluster reached through private endpoints in the private subnets. The
    /// service always encrypts in transit and authenticates with IAM (SASL OAUTHBEARER or PLAIN with Google
    /// credentials); storage is encrypted with a rotating key of its own in production. Topics are created with it.
    /// </summary>
    public KafkaClusterOutputs CreateKafkaCluster(KafkaCluster kafka, KafkaClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(spec);
        var clusterId = kafka.CloudResourceName();
        var options = kafka.StatefulChildResourceOptions;
        Input kmsKey = default;
        if (spec.CustomerManagedKey)
        {
            var (keyId, grant) = ServiceAgentKey(kafka, "kafka", "gcp-sa-managedkafka.iam.gserviceaccount.com");
            kmsKey = keyId;
            options = options with { DependsOn = [grant] };
        }

        // Managed Kafka sizes the cluster as a whole, at least 3 vCPUs and here 4 GiB of memory per vCPU.
        var cpus = Math.Max(ManagedKafkaMinCpus, spec.BrokerCpus * spec.BrokerCount);
        var cluster = new CustomResource("gcp:managedkafka/cluster:Cluster", kafka.ChildResourceName("cluster"), new Props
        {
            ["clusterId"] = clusterId,
            ["location"] = Region,
            ["capacityConfig"] = new Props
            {
                ["vcpuCount"] = cpus.ToString(CultureInfo.InvariantCulture),
                ["memoryBytes"] = (cpus * 4L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            },
            ["gcpConfig"] = new Props
            {
                ["accessConfig"] = new Props
                {
                    ["networkConfigs"] = Input.List(spec.Subnets.Select(s => (Input)new Props { ["subnet"] = s.Id })),
                },
                ["kmsKey"] = kmsKey,
            },
            ["rebalanceConfig"] = new Props { ["mode"] = "AUTO_REBALANCE_ON_SCALE_UP" },
        }, options);
        var clusterRef = cluster.GetOutput<string>("clusterId");

        foreach (var topic in spec.Topics)
        {
            _ = new CustomResource("gcp:managedkafka/topic:Topic", kafka.ChildResourceName($"topic-{topic.Name}"), new Props
            {
                ["topicId"] = topic.Name,
                ["cluster"] = clusterRef,
                ["location"] = Region,
                ["partitionCount"] = topic.Partitions,
                ["replicationFactor"] = topic.ReplicationFactor,
                ["configs"] = new Props
                {
                    ["cleanup.policy"] = CleanupPolicy(topic.CleanupPolicy),
                    ["retention.ms"] = topic.RetentionMs.ToString(CultureInfo.InvariantCulture),
                },
            }, kafka.StatefulChildResourceOptions);
        }

        managedKafkaClusters[kafka] = cluster;
        return new KafkaClusterOutputs
        {
            ClusterId = cluster.Id,
            BootstrapServers = Output.Format($"bootstrap.{clusterRef}.{Region}.managedkafka.{Options.Project}.cloud.goog:{ManagedKafkaPort}"),
            Port = ManagedKafkaPort,
            SaslMechanism = "OAUTHBEARER",
        };
    }

    /// <summary>
    /// A service account for the client with the Managed Kafka client role, impersonable by the workload's
    /// Kubernetes service account (GKE Workload Identity) when its namespace is given. No password exists.
    /// </summary>
    public KafkaCredentials CreateKafkaClient(KafkaCluster kafka, WorkloadIdentity client)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(client);
        _ = managedKafkaClusters[kafka];
        var account = new CustomResource("gcp:serviceaccount/account:Account", kafka.ChildResourceName($"{client.Name}-sa"), new Props
        {
            ["accountId"] = ComponentNames.Fit(kafka.CloudResourceName(client.Name), 30),
            ["displayName"] = $"{client.Name} on Kafka {kafka.CloudResourceName()}",
        }, kafka.ChildResourceOptions);
        _ = new CustomResource("gcp:projects/iAMMember:IAMMember", kafka.ChildResourceName($"{client.Name}-client"), new Props
        {
            ["project"] = Options.Project,
            ["role"] = ManagedKafkaClientRole,
            ["member"] = account.GetOutput<string>("member"),
        }, kafka.ChildResourceOptions);
        if (client.KubernetesNamespace is { } ns)
        {
            BindWorkloadIdentity(kafka, kafka.ChildResourceName($"{client.Name}-workload-identity"), account, ns, client.KubernetesServiceAccount ?? client.Name);
        }

        var email = account.GetOutput<string>("email");
        return client.KubernetesNamespace is null
            ? new KafkaCredentials { Username = email, Principal = email }
            : new KafkaCredentials
            {
                Username = email,
                Principal = email,
                ServiceAccountAnnotations = new Dictionary<string, Output<string>> { [WorkloadIdentityAnnotation] = email },
                CredentialEndpoints = MetadataServer,
            };
    }

    /// <summary>
    /// The client role already covers the cluster's topics; Managed Kafka narrows it per topic only with Kafka ACLs,
    /// which have no resource here. Nothing is created per grant.
    /// </summary>
    public void GrantKafkaAccess(KafkaCluster kafka, WorkloadIdentity client, KafkaGrant grant)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        _ = managedKafkaClusters[kafka];
    }

    private static string CleanupPolicy(KafkaCleanupPolicy policy) => policy switch
    {
        KafkaCleanupPolicy.Compact => "compact",
        KafkaCleanupPolicy.CompactAndDelete => "compact,delete",
        _ => "delete",
    };
}
