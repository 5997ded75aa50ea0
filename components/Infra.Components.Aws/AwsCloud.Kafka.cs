using Infra.Components.Connectivity;
using Infra.Components.Messaging;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>The port of MSK's SASL/SCRAM listener over TLS, the only one opened.</summary>
    internal const int MskScramPort = 9096;

    private static readonly Dictionary<(int, int), string> MskInstanceTypes = new()
    {
        [(2, 8)] = "kafka.m7g.large",
        [(4, 16)] = "kafka.m7g.xlarge",
        [(8, 32)] = "kafka.m7g.2xlarge",
        [(16, 64)] = "kafka.m7g.4xlarge",
    };

    private readonly Dictionary<KafkaCluster, MskCluster> mskClusters = [];

    /// <summary>
    /// An MSK cluster in the private subnets: TLS between clients and brokers and between brokers, SASL/SCRAM the
    /// only authentication (no unauthenticated or plaintext listener), storage, SCRAM secrets and broker logs
    /// encrypted with a rotating key, broker logs in CloudWatch, a security group opening the SCRAM port to the
    /// network only. Topics are declared through the configuration's defaults (see remarks of the report).
    /// </summary>
    public KafkaClusterOutputs CreateKafkaCluster(KafkaCluster kafka, KafkaClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(spec);
        var clusterName = kafka.CloudResourceName();
        // SCRAM secrets must be encrypted with a customer-managed key, so MSK always gets one; it also encrypts storage and logs.
        var key = new CustomResource("aws:kms/key:Key", kafka.ChildResourceName("key"), new Props
        {
            ["description"] = $"Encrypts the storage, SCRAM secrets and broker logs of MSK cluster {clusterName}",
            ["enableKeyRotation"] = true,
            ["rotationPeriodInDays"] = 365,
            ["deletionWindowInDays"] = Options.KmsDeletionWindowDays,
            ["policy"] = AwsPolicies.KeyForLogs(AccountId, Region),
            ["tags"] = NameTag(clusterName),
        }, kafka.StatefulChildResourceOptions);
        var keyArn = key.GetOutput<string>("arn");

        var securityGroup = new CustomResource("aws:ec2/securityGroup:SecurityGroup", kafka.ChildResourceName("brokers"), new Props
        {
            ["name"] = $"{clusterName}-brokers",
            ["description"] = $"Kafka clients in the network reach the SASL/SCRAM TLS listener of {clusterName}",
            ["vpcId"] = spec.NetworkId,
            ["ingress"] = new Input[]
            {
                new Props
                {
                    ["description"] = "SASL/SCRAM over TLS from the network",
                    ["protocol"] = "tcp",
                    ["fromPort"] = MskScramPort,
                    ["toPort"] = MskScramPort,
                    ["cidrBlocks"] = new[] { spec.ClientCidr.ToString() },
                },
            },
            ["tags"] = NameTag($"{clusterName}-brokers"),
        }, kafka.ChildResourceOptions);

        var logGroup = new CustomResource("aws:cloudwatch/logGroup:LogGroup", kafka.ChildResourceName("broker-logs"), new Props
        {
            ["name"] = $"/infra/{clusterName}/kafka-brokers",
            ["retentionInDays"] = Options.LogRetentionDays,
            ["kmsKeyId"] = keyArn,
            ["tags"] = NameTag($"{clusterName}-brokers"),
        }, kafka.ChildResourceOptions);

        var version = MskVersion(spec.Version);
        var configuration = new CustomResource("aws:msk/configuration:Configuration", kafka.ChildResourceName("config"), new Props
        {
            ["name"] = clusterName,
            ["description"] = $"Broker settings of {clusterName}",
            ["kafkaVersions"] = new[] { version },
            ["serverProperties"] = ServerProperties(spec),
        }, kafka.ChildResourceOptions);

        var msk = new CustomResource("aws:msk/cluster:Cluster", kafka.ChildResourceName("msk"), new Props
        {
            ["clusterName"] = clusterName,
            ["kafkaVersion"] = version,
            ["numberOfBrokerNodes"] = spec.BrokerCount,
            ["brokerNodeGroupInfo"] = new Props
            {
                ["instanceType"] = MskInstanceTypes[(spec.BrokerCpus, spec.BrokerMemoryGb)],
                ["clientSubnets"] = Input.List(spec.Subnets.Select(s => (Input)s.Id)),
                ["securityGroups"] = Input.List(securityGroup.Id),
                ["storageInfo"] = new Props { ["ebsStorageInfo"] = new Props { ["volumeSize"] = spec.BrokerDiskGb } },
                ["connectivityInfo"] = new Props { ["publicAccess"] = new Props { ["type"] = "DISABLED" } },
            },
            ["clientAuthentication"] = new Props
            {
                ["sasl"] = new Props { ["scram"] = true, ["iam"] = false },
                ["unauthenticated"] = false,
            },
            ["encryptionInfo"] = new Props
            {
                ["encryptionAtRestKmsKeyArn"] = keyArn,
                ["encryptionInTransit"] = new Props { ["clientBroker"] = "TLS", ["inCluster"] = true },
            },
            ["configurationInfo"] = new Props
            {
                ["arn"] = configuration.GetOutput<string>("arn"),
                ["revision"] = configuration.GetOutput<int>("latestRevision"),
            },
            ["loggingInfo"] = new Props
            {
                ["brokerLogs"] = new Props
                {
                    ["cloudwatchLogs"] = new Props { ["enabled"] = true, ["logGroup"] = logGroup.GetOutput<string>("name") },
                },
            },
            ["enhancedMonitoring"] = "PER_BROKER",
            ["tags"] = NameTag(clusterName),
        }, kafka.StatefulChildResourceOptions);

        mskClusters[kafka] = new MskCluster(msk, keyArn, new GrowingList());
        return new KafkaClusterOutputs
        {
            ClusterId = msk.GetOutput<string>("arn"),
            BootstrapServers = msk.GetOutput<string>("bootstrapBrokersSaslScram"),
            Port = MskScramPort,
            SaslMechanism = "SCRAM-SHA-512",
        };
    }

    /// <summary>
    /// A SCRAM user: a generated password stored with its username in Secrets Manager (the secret name MSK requires,
    /// encrypted with the cluster's key) and associated with the cluster.
    /// </summary>
    public KafkaCredentials CreateKafkaClient(KafkaCluster kafka, WorkloadIdentity client)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(client);
        var cluster = mskClusters[kafka];
        var password = new CustomResource("random:index/randomPassword:RandomPassword", kafka.ChildResourceName($"{client.Name}-password"), new Props
        {
            ["length"] = 32,
            ["special"] = false,
        }, kafka.ChildResourceOptions);
        var secret = new CustomResource("aws:secretsmanager/secret:Secret", kafka.ChildResourceName($"{client.Name}-scram"), new Props
        {
            // MSK only associates secrets whose name starts with AmazonMSK_.
            ["name"] = $"AmazonMSK_{kafka.CloudResourceName(client.Name)}",
            ["description"] = $"SCRAM credentials of {client.Name} on MSK cluster {kafka.CloudResourceName()}",
            ["kmsKeyId"] = cluster.KeyArn,
            ["recoveryWindowInDays"] = kafka.Settings.IsProduction ? 30 : 7,
            ["tags"] = NameTag(kafka.CloudResourceName(client.Name)),
        }, kafka.ChildResourceOptions);
        var passwordValue = Output.CreateSecret<string>(password.GetOutput<string>("result"));
        var version = new CustomResource("aws:secretsmanager/secretVersion:SecretVersion", kafka.ChildResourceName($"{client.Name}-scram-value"), new Props
        {
            ["secretId"] = secret.Id,
            ["secretString"] = Output.CreateSecret<string>(Output.JsonSerialize(new Props
            {
                ["username"] = client.Name,
                ["password"] = passwordValue,
            })),
        }, kafka.ChildResourceOptions);

        // One association holds every secret of the cluster (a second one would remove the first one's secrets).
        cluster.SecretArns.Add(version.GetOutput<string>("arn"));
        if (cluster.SecretArns.Count == 1)
        {
            _ = new CustomResource("aws:msk/scramSecretAssociation:ScramSecretAssociation", kafka.ChildResourceName("scram-secrets"), new Props
            {
                ["clusterArn"] = cluster.Msk.GetOutput<string>("arn"),
                ["secretArnLists"] = cluster.SecretArns.Node,
            }, kafka.ChildResourceOptions);
        }

        return new KafkaCredentials
        {
            Username = Output.Create(client.Name),
            Password = passwordValue,
            SecretId = secret.GetOutput<string>("arn"),
        };
    }

    /// <summary>
    /// MSK authorises SCRAM users with Kafka ACLs, which only the Kafka admin API sets (no AWS resource exists); the
    /// cluster lets authenticated users use every topic until ACLs are added. Nothing is created per grant.
    /// </summary>
    public void GrantKafkaAccess(KafkaCluster kafka, WorkloadIdentity client, KafkaGrant grant)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        _ = mskClusters[kafka];
    }

    /// <summary>MSK names versions with a wildcard patch (<c>3.9.x</c>), except 3.6 (<c>3.6.0</c>).</summary>
    internal static string MskVersion(string version) => version == "3.6" ? "3.6.0" : version + ".x";

    /// <summary>
    /// Broker settings. MSK has no topic resource, so topics are created on first use with these defaults: as many
    /// copies as the declared topics ask for, and the most partitions and longest retention any of them asks for.
    /// </summary>
    internal static string ServerProperties(KafkaClusterSpec spec)
    {
        var replication = spec.Topics.Count == 0 ? Math.Min(3, spec.BrokerCount) : spec.Topics.Max(t => t.ReplicationFactor);
        var partitions = spec.Topics.Count == 0 ? 3 : spec.Topics.Max(t => t.Partitions);
        var retention = spec.Topics.Count == 0 ? 168 : spec.Topics.Any(t => t.RetentionHours < 0) ? -1 : spec.Topics.Max(t => t.RetentionHours);
        var lines = new[]
        {
            "auto.create.topics.enable=true",
            $"default.replication.factor={replication}",
            $"min.insync.replicas={(replication >= 3 ? 2 : 1)}",
            $"num.partitions={partitions}",
            $"log.retention.hours={retention}",
            "unclean.leader.election.enable=false",
            "allow.everyone.if.no.acl.found=true",
        };
        return string.Join('\n', lines) + "\n";
    }

    private sealed record MskCluster(CustomResource Msk, Output<string> KeyArn, GrowingList SecretArns);
}
