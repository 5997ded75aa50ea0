using Infra.Components;
using Infra.Components.Kubernetes;
using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Edge;

public sealed class KafkaClusterTests
{
    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void One_cluster_is_created_with_a_broker_in_each_private_subnet_of_up_to_three_zones(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var program = built.Program;
        var zones = built.Kafka.Spec.Subnets.Count;

        // The network spans 3 zones in production and 2 elsewhere; Kafka takes up to 3 of them.
        Assert.Equal(environment == "prod" ? 3 : 2, zones);
        Assert.Equal(zones, built.Kafka.Spec.BrokerCount);
        Assert.Equal(["orders", "payments"], built.Kafka.Spec.Topics.Select(t => t.Name));
        switch (cloud)
        {
            case CloudKind.Aws:
                var msk = program.Single("aws:msk/cluster:Cluster");
                Assert.Equal(zones, msk.Integer("numberOfBrokerNodes"));
                Assert.Equal("3.9.x", msk.Text("kafkaVersion"));
                Assert.Equal("kafka.m7g.large", msk.Text("brokerNodeGroupInfo.instanceType"));
                Assert.Equal("DISABLED", msk.Text("brokerNodeGroupInfo.connectivityInfo.publicAccess.type"));
                Assert.All(msk.List("brokerNodeGroupInfo.clientSubnets"), s => Assert.Contains("-private-", ((ReferenceNode)s).Root, StringComparison.Ordinal));
                break;
            case CloudKind.Gcp:
                var cluster = program.Single("gcp:managedkafka/cluster:Cluster");
                // Managed Kafka is sized as a whole: 2 vCPUs and 8 GiB per broker, at least 3 vCPUs.
                var cpus = Math.Max(3, 2 * zones);
                Assert.Equal(cpus.ToString(System.Globalization.CultureInfo.InvariantCulture), cluster.Text("capacityConfig.vcpuCount"));
                Assert.Equal((cpus * 4L * 1024 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), cluster.Text("capacityConfig.memoryBytes"));
                Assert.Equal(zones, cluster.List("gcpConfig.accessConfig.networkConfigs").Count);
                Assert.Equal(2, program.OfType("gcp:managedkafka/topic:Topic").Count);
                break;
            default:
                var yandex = program.Single("yandex:index/mdbKafkaCluster:MdbKafkaCluster");
                Assert.Equal(built.Kafka.Spec.Zones, yandex.Strings("config.zones"));
                Assert.Equal(1, yandex.Integer("config.brokersCount"));
                Assert.False(yandex.Bool("config.assignPublicIp"));
                Assert.Equal("s3-c2-m8", yandex.Text("config.kafka.resources.resourcePresetId"));
                Assert.Equal(2, program.OfType("yandex:index/mdbKafkaTopic:MdbKafkaTopic").Count);
                // Three brokers in three zones run KRaft themselves; two need three dedicated controllers, all listed for bootstrap.
                Assert.Equal(zones == 3, yandex.Get("config.kraft") is null);
                var bootstrap = Assert.IsType<ListNode>(((ListNode)((FunctionNode)built.Kafka.BootstrapServers.Node).Argument).Items[1]);
                Assert.Equal(zones == 3 ? 3 : 5, bootstrap.Items.Count);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Clients_connect_over_TLS_with_authentication_and_nothing_else_is_opened(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var program = built.Program;

        Assert.Equal("SASL_SSL", built.Kafka.Outputs.SecurityProtocol);
        switch (cloud)
        {
            case CloudKind.Aws:
                var msk = program.Single("aws:msk/cluster:Cluster");
                Assert.Equal("TLS", msk.Text("encryptionInfo.encryptionInTransit.clientBroker"));
                Assert.True(msk.Bool("encryptionInfo.encryptionInTransit.inCluster"));
                Assert.False(msk.Bool("clientAuthentication.unauthenticated"));
                Assert.True(msk.Bool("clientAuthentication.sasl.scram"));
                Assert.Null(msk.Get("clientAuthentication.tls"));
                var group = program.OfType("aws:ec2/securityGroup:SecurityGroup").Single(g => g.Key == "events-brokers");
                var rule = Assert.Single(group.List("ingress"));
                Assert.Equal(9096L, ((IntegerNode)rule.Get("fromPort")!).Value);
                Assert.Equal(9096L, ((IntegerNode)rule.Get("toPort")!).Value);
                Assert.Equal(["10.0.0.0/16"], rule.Strings("cidrBlocks"));
                Assert.Equal("${events-msk.bootstrapBrokersSaslScram}", Expression(built.Kafka.BootstrapServers.Node));
                break;
            case CloudKind.Gcp:
                // Managed Kafka has no plaintext or unauthenticated listener to turn off: it always uses TLS and IAM.
                Assert.Equal("OAUTHBEARER", built.Kafka.Outputs.SaslMechanism);
                Assert.Equal(9092, built.Kafka.Port);
                break;
            default:
                var cluster = program.Single("yandex:index/mdbKafkaCluster:MdbKafkaCluster");
                Assert.Equal(["SASL_MECHANISM_SCRAM_SHA_512"], cluster.Strings("config.kafka.kafkaConfig.saslEnabledMechanisms"));
                var sg = program.OfType("yandex:index/vpcSecurityGroup:VpcSecurityGroup").Single(g => g.Key == "events-brokers");
                var ingress = Assert.Single(sg.List("ingresses"));
                Assert.Equal(9091L, ((IntegerNode)ingress.Get("port")!).Value);
                Assert.Equal(["10.0.0.0/16"], ingress.Strings("v4CidrBlocks"));
                Assert.Empty(sg.List("egresses"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.CloudsAndEnvironments), MemberType = typeof(TestPlatforms))]
    public void Storage_is_encrypted_with_a_platform_key_in_production_and_the_cluster_is_protected(CloudKind cloud, string environment)
    {
        var built = EdgePrograms.Build(cloud, environment);
        var program = built.Program;
        var production = environment == "prod";

        var (type, keyPath) = cloud switch
        {
            CloudKind.Aws => ("aws:msk/cluster:Cluster", "encryptionInfo.encryptionAtRestKmsKeyArn"),
            CloudKind.Gcp => ("gcp:managedkafka/cluster:Cluster", "gcpConfig.kmsKey"),
            _ => ("yandex:index/mdbKafkaCluster:MdbKafkaCluster", "config"),
        };
        var cluster = program.Single(type);
        var key = cloud == CloudKind.Yandex ? cluster.Get("diskEncryptionKeyId") : cluster.Get(keyPath);
        // MSK's SCRAM secrets need a customer-managed key, so AWS has one in every environment.
        Assert.Equal(production || cloud == CloudKind.Aws, key is ReferenceNode { Root: "events-key" });
        Assert.Equal(production, cluster.Options?["protect"] is BoolNode { Value: true });
        if (cloud == CloudKind.Yandex)
        {
            Assert.Equal(production, cluster.Bool("deletionProtection"));
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Each_client_gets_one_identity_whatever_the_number_of_grants(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var program = built.Program;

        Assert.Equal(["billing", "orders-api"], built.Kafka.Clients.Keys.Order(StringComparer.Ordinal));
        switch (cloud)
        {
            case CloudKind.Aws:
                var secrets = program.OfType("aws:secretsmanager/secret:Secret").Where(s => s.Key.StartsWith("events-", StringComparison.Ordinal)).ToList();
                Assert.Equal(["AmazonMSK_acme-prod-events-orders-api", "AmazonMSK_acme-prod-events-billing"], secrets.Select(s => s.Text("name")));
                Assert.All(secrets, s => Assert.True(s.Get("kmsKeyId").References(program.Single("aws:kms/key:Key", "events-key"))));
                var association = program.Single("aws:msk/scramSecretAssociation:ScramSecretAssociation");
                Assert.Equal(["events-orders-api-scram-value", "events-billing-scram-value"],
                    association.List("secretArnLists").Select(n => ((ReferenceNode)n).Root));
                break;
            case CloudKind.Gcp:
                var accounts = program.OfType("gcp:serviceaccount/account:Account").Where(a => a.Key.StartsWith("events-", StringComparison.Ordinal));
                Assert.Equal(["acme-prod-events-orders-api", "acme-prod-events-billing"], accounts.Select(a => a.Text("accountId")));
                var roles = program.OfType("gcp:projects/iAMMember:IAMMember").Where(m => m.Key.StartsWith("events-", StringComparison.Ordinal)).ToList();
                Assert.Equal(2, roles.Count);
                Assert.All(roles, r => Assert.Equal("roles/managedkafka.client", r.Text("role")));
                var binding = program.OfType("gcp:serviceaccount/iAMMember:IAMMember").Single(m => m.Key == "events-orders-api-workload-identity");
                Assert.Equal("serviceAccount:acme-platform.svc.id.goog[shop/orders-api]", binding.Text("member"));
                Assert.Null(built.Orders.Credentials.Password);
                break;
            default:
                var users = program.OfType("yandex:index/mdbKafkaUser:MdbKafkaUser");
                Assert.Equal(["orders-api", "billing"], users.Select(u => u.Text("name")));
                var orders = users.Single(u => u.Text("name") == "orders-api");
                Assert.Equal([("orders", "ACCESS_ROLE_PRODUCER"), ("payments", "ACCESS_ROLE_CONSUMER")],
                    orders.List("permissions").Select(p => (p.Text("topicName"), p.Text("role"))));
                var billing = users.Single(u => u.Text("name") == "billing");
                Assert.Equal([("orders", "ACCESS_ROLE_CONSUMER")], billing.List("permissions").Select(p => (p.Text("topicName"), p.Text("role"))));
                Assert.Equal(2, program.OfType("yandex:index/lockboxSecret:LockboxSecret").Count);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void Passwords_are_generated_and_stay_secret(CloudKind cloud)
    {
        var built = EdgePrograms.Build(cloud, "prod");
        var yaml = YamlWriter.Write(built.Program);

        if (cloud == CloudKind.Gcp)
        {
            Assert.Empty(built.Program.OfType("random:index/randomPassword:RandomPassword"));
            Assert.Empty(built.Orders.Endpoint.Credentials);
            return;
        }

        Assert.IsType<FunctionNode>(built.Orders.Credentials.Password!.Node);
        Assert.Equal("secret", ((FunctionNode)built.Orders.Credentials.Password.Node).Name);
        Assert.Equal(["USERNAME", "PASSWORD"], built.Orders.Endpoint.Credentials.Select(c => c.Key));
        Assert.All(built.Orders.Endpoint.Credentials, c => Assert.Equal("secret", Assert.IsType<FunctionNode>(c.Value.Node).Name));
        var password = built.Program.OfType("random:index/randomPassword:RandomPassword").Single(p => p.Key == "events-orders-api-password");
        Assert.Equal(32, password.Integer("length"));
        var stored = cloud == CloudKind.Aws
            ? built.Program.Single("aws:secretsmanager/secretVersion:SecretVersion", "events-orders-api-scram-value").Get("secretString")
            : built.Program.Single("yandex:index/mdbKafkaUser:MdbKafkaUser", "events-user-orders-api").Get("password");
        Assert.Equal("secret", Assert.IsType<FunctionNode>(stored).Name);
        Assert.Contains("fn::secret: ${events-orders-api-password.result}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("password: ${events-orders-api-password.result}", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void A_workload_connects_through_the_granted_endpoint(CloudKind cloud)
    {
        EdgePrograms.Built? built = null;
        var program = TestPlatforms.Synthesize("prod", () =>
        {
            built = EdgePrograms.BuildInProgram(cloud, "prod");
            var shop = new Namespace("shop", new NamespaceArgs(), new ComponentResourceOptions { Providers = [built.Cluster.KubernetesProvider] });
            _ = new Workload("orders-api", new WorkloadArgs
            {
                Namespace = shop,
                Image = "registry.example.com/orders-api:1.4.2",
                ConnectsTo = [built.Orders.Endpoint],
            }, new ComponentResourceOptions { Providers = [built.Cluster.KubernetesProvider] });
        });

        var endpoint = built!.Orders.Endpoint;
        Assert.Equal("events", endpoint.Name);
        Assert.Equal([built.Kafka.Port], endpoint.Ports);
        Assert.Equal(built.Kafka.Spec.Subnets.Select(s => s.Cidr.ToString()), endpoint.Cidrs);
        var egress = program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Where(p => p.Key.Contains("events", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(egress);
        Assert.Contains(built.Kafka.Spec.Subnets[0].Cidr.ToString(), ProgramQueries.AllStrings(egress[0].Properties));

        // IAM-authenticated Kafka (GCP) is reached as the client's Google service account: the workload's Kubernetes
        // service account must be annotated with it and reach the metadata server; SCRAM clouds need neither.
        var account = program.Single("kubernetes:core/v1:ServiceAccount", "orders-api-sa");
        var annotation = account.Get("metadata.annotations")?.Get("iam.gke.io/gcp-service-account");
        var credentialPolicy = program.Resources.Any(r => r.Key == "orders-api-to-credential-endpoints");
        if (cloud == CloudKind.Gcp)
        {
            Assert.Equal("events-orders-api-sa.email", Assert.IsType<ReferenceNode>(annotation).ToExpressionText());
            Assert.True(credentialPolicy);
        }
        else
        {
            Assert.Null(annotation);
            Assert.False(credentialPolicy);
        }
    }

    [Fact]
    public void The_same_program_is_written_byte_for_byte_twice()
    {
        var first = YamlWriter.Write(EdgePrograms.Build(CloudKind.Yandex, "prod").Program);
        var second = YamlWriter.Write(EdgePrograms.Build(CloudKind.Yandex, "prod").Program);

        Assert.Equal(first, second);
    }

    private static string Expression(Node node) => "${" + ((ReferenceNode)node).ToExpressionText() + "}";
}
