using System.Globalization;
using Infra.Components.Connectivity;
using Infra.Components.Messaging;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>The SASL_SSL port of Managed Kafka brokers; the plaintext SASL port (9092) is left closed.</summary>
    internal const int KafkaTlsPort = 9091;

    /// <summary>Dedicated KRaft controller hosts Managed Kafka adds when the brokers cannot host KRaft themselves.</summary>
    internal const int KraftControllers = 3;

    private readonly Dictionary<KafkaCluster, YandexKafka> yandexKafkas = [];

    /// <summary>
    /// A Managed Service for Apache Kafka cluster: brokers in the private subnets without public addresses, SCRAM-SHA-512
    /// users only, a security group admitting the TLS port from the network (the plaintext port stays closed), disks
    /// encrypted with a rotating key in production, deletion protection in production, and the topics.
    /// </summary>
    public KafkaClusterOutputs CreateKafkaCluster(KafkaCluster kafka, KafkaClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(spec);
        var name = kafka.CloudResourceName();
        var key = spec.CustomerManagedKey ? SymmetricKey(kafka, "kafka") : null;
        var securityGroup = new CustomResource("yandex:index/vpcSecurityGroup:VpcSecurityGroup", kafka.ChildResourceName("brokers"), new Props
        {
            ["name"] = ComponentNames.Fit(kafka.CloudResourceName("brokers"), 63),
            ["description"] = $"Kafka clients in the network reach the SASL_SSL listener of {name}",
            ["networkId"] = spec.NetworkId,
            ["ingresses"] = new Input[]
            {
                new Props
                {
                    ["description"] = "SASL_SSL from the network",
                    ["protocol"] = "TCP",
                    ["port"] = KafkaTlsPort,
                    ["v4CidrBlocks"] = new[] { spec.ClientCidr.ToString() },
                },
            },
            ["labels"] = Labels(),
        }, kafka.ChildResourceOptions);

        var preset = $"s3-c{spec.BrokerCpus}-m{spec.BrokerMemoryGb}";
        var config = new Props
        {
            ["version"] = spec.Version,
            ["zones"] = spec.Zones.ToArray(),
            ["brokersCount"] = spec.BrokersPerZone,
            ["assignPublicIp"] = false,
            ["schemaRegistry"] = false,
            ["kafka"] = new Props
            {
                ["resources"] = new Props
                {
                    ["resourcePresetId"] = preset,
                    ["diskTypeId"] = "network-ssd",
                    ["diskSize"] = spec.BrokerDiskGb,
                },
                ["kafkaConfig"] = new Props
                {
                    ["autoCreateTopicsEnable"] = false,
                    ["saslEnabledMechanisms"] = new[] { "SASL_MECHANISM_SCRAM_SHA_512" },
                },
            },
        };
        // KRaft runs on the brokers with one broker in each of three zones; any other layout needs its own controllers.
        var dedicatedControllers = spec.BrokerCount > 1 && !(spec.Subnets.Count == 3 && spec.BrokersPerZone == 1);
        if (dedicatedControllers)
        {
            config["kraft"] = new Props
            {
                ["resources"] = new Props { ["resourcePresetId"] = "s3-c2-m8", ["diskTypeId"] = "network-ssd", ["diskSize"] = 10 },
            };
        }

        var cluster = new CustomResource("yandex:index/mdbKafkaCluster:MdbKafkaCluster", kafka.ChildResourceName("cluster"), new Props
        {
            ["name"] = name,
            ["description"] = $"Kafka cluster {name}",
            ["environment"] = "PRODUCTION",
            ["networkId"] = spec.NetworkId,
            ["subnetIds"] = Input.List(spec.Subnets.Select(s => (Input)s.Id)),
            ["securityGroupIds"] = Input.List(securityGroup.Id),
            ["deletionProtection"] = spec.DeletionProtection,
            ["diskEncryptionKeyId"] = key is null ? default : (Input)key.Id,
            ["config"] = config,
            ["maintenanceWindow"] = new Props { ["type"] = "WEEKLY", ["day"] = "SUN", ["hour"] = 3 },
            ["labels"] = Labels(),
        }, kafka.StatefulChildResourceOptions);

        foreach (var topic in spec.Topics)
        {
            _ = new CustomResource("yandex:index/mdbKafkaTopic:MdbKafkaTopic", kafka.ChildResourceName($"topic-{topic.Name}"), new Props
            {
                ["clusterId"] = cluster.Id,
                ["name"] = topic.Name,
                ["partitions"] = topic.Partitions,
                ["replicationFactor"] = topic.ReplicationFactor,
                ["topicConfig"] = new Props
                {
                    ["cleanupPolicy"] = topic.CleanupPolicy switch
                    {
                        KafkaCleanupPolicy.Compact => "CLEANUP_POLICY_COMPACT",
                        KafkaCleanupPolicy.CompactAndDelete => "CLEANUP_POLICY_COMPACT_AND_DELETE",
                        _ => "CLEANUP_POLICY_DELETE",
                    },
                    ["retentionMs"] = topic.RetentionMs.ToString(CultureInfo.InvariantCulture),
                },
            }, kafka.StatefulChildResourceOptions);
        }

        yandexKafkas[kafka] = new YandexKafka(cluster, key, []);
        // The provider lists hosts in no set order and the cluster has no bootstrap name, so every host is listed:
        // the brokers answer on the TLS port, dedicated KRaft controllers (3 when present) do not and clients skip them.
        var hosts = spec.BrokerCount + (dedicatedControllers ? KraftControllers : 0);
        var brokers = Enumerable.Range(0, hosts)
            .Select(i => (Input)Output.Format($"{cluster.GetOutput<string>($"hosts[{i}].name")}:{KafkaTlsPort}"));
        return new KafkaClusterOutputs
        {
            ClusterId = cluster.Id,
            BootstrapServers = Fn.Join(",", Input.List(brokers)),
            Port = KafkaTlsPort,
            SaslMechanism = "SCRAM-SHA-512",
        };
    }

    /// <summary>A SCRAM user with a generated password, whose credentials are also kept in a Lockbox secret.</summary>
    public KafkaCredentials CreateKafkaClient(KafkaCluster kafka, WorkloadIdentity client)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(client);
        var state = yandexKafkas[kafka];
        var password = Password(kafka, $"{client.Name}-password");
        var permissions = new GrowingList();
        _ = new CustomResource("yandex:index/mdbKafkaUser:MdbKafkaUser", kafka.ChildResourceName($"user-{client.Name}"), new Props
        {
            ["clusterId"] = state.Cluster.Id,
            ["name"] = client.Name,
            ["password"] = password,
            ["permissions"] = permissions.Node,
        }, kafka.ChildResourceOptions);
        state.Permissions[client.Name] = permissions;

        var secret = new CustomResource("yandex:index/lockboxSecret:LockboxSecret", kafka.ChildResourceName($"{client.Name}-secret"), new Props
        {
            ["name"] = ComponentNames.Fit(kafka.CloudResourceName(client.Name), 63),
            ["description"] = $"SCRAM credentials of {client.Name} on Kafka cluster {kafka.CloudResourceName()}",
            ["kmsKeyId"] = state.Key is null ? default : (Input)state.Key.Id,
            ["deletionProtection"] = kafka.Settings.ProtectStatefulResources,
            ["labels"] = Labels(),
        }, kafka.ChildResourceOptions);
        _ = new CustomResource("yandex:index/lockboxSecretVersion:LockboxSecretVersion", kafka.ChildResourceName($"{client.Name}-secret-value"), new Props
        {
            ["secretId"] = secret.Id,
            ["entries"] = new Input[]
            {
                new Props { ["key"] = "username", ["textValue"] = client.Name },
                new Props { ["key"] = "password", ["textValue"] = password },
            },
        }, kafka.ChildResourceOptions);

        return new KafkaCredentials { Username = Output.Create(client.Name), Password = password, SecretId = secret.Id };
    }

    /// <summary>A producer or consumer permission on the topic, added to the client's user.</summary>
    public void GrantKafkaAccess(KafkaCluster kafka, WorkloadIdentity client, KafkaGrant grant)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(grant);
        yandexKafkas[kafka].Permissions[client.Name].Add(new Props
        {
            ["topicName"] = grant.Topic,
            ["role"] = grant.Role == KafkaRole.Produce ? "ACCESS_ROLE_PRODUCER" : "ACCESS_ROLE_CONSUMER",
        });
    }

    private sealed record YandexKafka(CustomResource Cluster, CustomResource? Key, Dictionary<string, GrowingList> Permissions);
}
