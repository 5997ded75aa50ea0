using Infra.Components;
using Infra.Components.Edge;
using Infra.Components.Kubernetes;
using Infra.Components.Messaging;
using Infra.Components.Networking;
using Infra.Components.Storage;
using Infra.Core.Diagnostics;

namespace Infra.Tests.Components.Edge;

public sealed class EdgeValidationTests
{
    private const string ThisFile = "tests/Infra.Tests/Components/Edge/EdgeValidationTests.cs";

    [Theory]
    [MemberData(nameof(TestPlatforms.Clouds), MemberType = typeof(TestPlatforms))]
    public void A_replication_factor_below_3_is_refused_in_production(CloudKind cloud)
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(cloud, "prod", kafka: a => a with
        {
            Topics = [new KafkaTopicArgs { Name = "orders", ReplicationFactor = 2 }],
        }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-KAFKA-001", problem.Code);
        Assert.Equal("KafkaClusterArgs.Topics[0].ReplicationFactor: replication factor 2 is below 3, the minimum in production.", problem.Message);
        Assert.Equal("KafkaClusterArgs.Topics[0].ReplicationFactor", problem.Key);
        Assert.Equal("2", problem.Value);
        Assert.Equal("Set ReplicationFactor = 3 (or leave it unset).", problem.Fix);
        Assert.Equal("events", problem.Resource);
    }

    [Fact]
    public void A_replication_factor_of_2_is_accepted_outside_production()
    {
        var built = EdgePrograms.Build(CloudKind.Aws, "dev", kafka: a => a with
        {
            Topics = [new KafkaTopicArgs { Name = "orders", ReplicationFactor = 2 }, new KafkaTopicArgs { Name = "payments", ReplicationFactor = 1 }],
        });

        Assert.Equal([2, 1], built.Kafka.Spec.Topics.Select(t => t.ReplicationFactor));
    }

    [Fact]
    public void Every_problem_of_the_kafka_args_is_reported_at_once()
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(CloudKind.Gcp, "dev", kafka: a => a with
        {
            Version = "2.8",
            BrokerCpus = 3,
            BrokerDiskGb = 5,
            Topics =
            [
                new KafkaTopicArgs { Name = "orders" },
                new KafkaTopicArgs { Name = "orders", Partitions = 0 },
                new KafkaTopicArgs { Name = "bad topic", ReplicationFactor = 5, RetentionHours = 0 },
            ],
        }));

        Assert.Equal(
        [
            "KafkaClusterArgs.Version: '2.8' is not a Kafka version every cloud offers.",
            "KafkaClusterArgs.BrokerCpus: 3 vCPUs with 8 GiB is not a broker shape every cloud offers.",
            "KafkaClusterArgs.BrokerDiskGb: 5 GiB is outside 10..16384.",
            "KafkaClusterArgs.Topics[1].Name: topic 'orders' is declared twice.",
            "KafkaClusterArgs.Topics[1].Partitions: 0 partitions is outside 1..1000.",
            "KafkaClusterArgs.Topics[2].Name: 'bad topic' is not a topic name.",
            "KafkaClusterArgs.Topics[2].ReplicationFactor: replication factor 5 needs 5 brokers; the cluster has 2.",
            "KafkaClusterArgs.Topics[2].RetentionHours: 0 hours is not a retention.",
        ], error.Diagnostics.Select(d => d.Message));
        // The problems point at the line that declared the cluster.
        Assert.All(error.Diagnostics, d => Assert.Equal(("INFRA-KAFKA-001", "tests/Infra.Tests/Components/Edge/EdgePrograms.cs"), (d.Code, d.File)));
    }

    [Fact]
    public void A_grant_on_an_undeclared_topic_names_the_declared_ones_and_the_callers_line()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var platform = TestPlatforms.Create(CloudKind.Yandex, "dev");
            var kafka = new KafkaCluster("events", EdgePrograms.KafkaArgs(new Network("main", new NetworkArgs(), platform)), platform);
            kafka.GrantProduce("refunds", new() { Name = "Orders_API" });
        }));

        Assert.Equal(
        [
            "GrantProduce(topic): topic 'refunds' is not declared on Kafka cluster 'events'.",
            "GrantProduce(client).Name: 'Orders_API' cannot name a Kafka user or service account.",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.Equal("Use one of: orders, payments.", error.Diagnostics[0].Fix);
        Assert.All(error.Diagnostics, d => Assert.Equal(("INFRA-KAFKA-002", ThisFile), (d.Code, d.File)));
    }

    [Fact]
    public void A_client_keeps_one_identity()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var platform = TestPlatforms.Create(CloudKind.Gcp, "dev");
            var kafka = new KafkaCluster("events", EdgePrograms.KafkaArgs(new Network("main", new NetworkArgs(), platform)), platform);
            kafka.GrantProduce("orders", new() { Name = "orders-api", KubernetesNamespace = "shop" });
            kafka.GrantConsume("payments", new() { Name = "orders-api", KubernetesNamespace = "billing" });
        }));

        Assert.Equal("GrantConsume(client): client 'orders-api' was granted access before with a different Kubernetes namespace or service account.",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Bad_lifecycle_rules_are_refused_with_what_to_change()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("prod", () =>
            new ObjectStorage("assets", new ObjectStorageArgs
            {
                Versioning = false,
                ForceDestroy = true,
                LifecycleRules =
                [
                    new LifecycleRule { Id = "tmp", TransitionToColdAfterDays = 60, ExpireAfterDays = 30 },
                    new LifecycleRule { Id = "nothing" },
                    new LifecycleRule { Id = "old", NoncurrentVersionsExpireAfterDays = 30 },
                    new LifecycleRule { Id = "tmp", TransitionToColdAfterDays = 10 },
                ],
            }, TestPlatforms.Create(CloudKind.Aws, "prod"))));

        Assert.Equal(
        [
            "ObjectStorageArgs.ForceDestroy: a production bucket may not be deleted with its objects.",
            "ObjectStorageArgs.LifecycleRules[0].TransitionToColdAfterDays: objects would move to cold storage after 60 days but expire after 30.",
            "ObjectStorageArgs.LifecycleRules[1]: lifecycle rule 'nothing' has no action.",
            "ObjectStorageArgs.LifecycleRules[2].NoncurrentVersionsExpireAfterDays: without versioning there are no non-current versions to expire.",
            "ObjectStorageArgs.LifecycleRules[3].Id: lifecycle rule 'tmp' is declared twice.",
            "ObjectStorageArgs.LifecycleRules[3].TransitionToColdAfterDays: 10 days is below 30.",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.Equal("Transition before day 30, or drop the transition.", error.Diagnostics[1].Fix);
        Assert.All(error.Diagnostics, d => Assert.Equal("INFRA-STORAGE-001", d.Code));
    }

    [Theory]
    [InlineData("Assets_Bucket", "ObjectStorageArgs.BucketName: 'Assets_Bucket' is not a bucket name every cloud accepts.")]
    [InlineData("ab", "ObjectStorageArgs.BucketName: 'ab' is not a bucket name every cloud accepts.")]
    [InlineData("acme--assets", "ObjectStorageArgs.BucketName: 'acme--assets' is not a bucket name every cloud accepts.")]
    public void A_bucket_name_every_cloud_refuses_is_refused(string bucketName, string message)
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
            new ObjectStorage("assets", new ObjectStorageArgs { BucketName = bucketName }, TestPlatforms.Create(CloudKind.Gcp, "dev"))));

        Assert.Equal(message, Assert.Single(error.Diagnostics).Message);
    }

    [Theory]
    [InlineData("static_example.com", "CdnArgs.Domain: 'static_example.com' is not a domain name a certificate can be issued for.")]
    [InlineData("*.example.com", "CdnArgs.Domain: '*.example.com' is not a domain name a certificate can be issued for.")]
    [InlineData("Static.Example.com", "CdnArgs.Domain: 'Static.Example.com' is not a domain name a certificate can be issued for.")]
    [InlineData("static.example.org", "CdnArgs.Domain: 'static.example.org' is not in DNS zone 'example.com'.")]
    public void A_bad_cdn_domain_is_refused(string domain, string message)
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(CloudKind.Aws, "prod", cdn: a => a with { Domain = domain }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(("INFRA-DOMAIN-001", message, "static"), (problem.Code, problem.Message, problem.Resource));
    }

    [Fact]
    public void A_cdn_needs_a_bucket_made_for_it()
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(CloudKind.Yandex, "dev", storage: a => a with { ServeThroughCdn = false }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("CdnArgs.Origin: bucket 'assets' was not created to be served through a CDN.", problem.Message);
        Assert.Equal("Set ServeThroughCdn = true on ObjectStorage 'assets'.", problem.Fix);
    }

    [Fact]
    public void A_bucket_is_served_by_one_cdn()
    {
        var error = Assert.Throws<InfraException>(() => TestPlatforms.Synthesize("dev", () =>
        {
            var platform = TestPlatforms.Create(CloudKind.Aws, "dev");
            var assets = new ObjectStorage("assets", EdgePrograms.StorageArgs, platform);
            _ = new Cdn("static", EdgePrograms.CdnArgs(CloudKind.Aws, assets), platform);
            _ = new Cdn("mirror", EdgePrograms.CdnArgs(CloudKind.Aws, assets) with { Domain = "mirror.example.com" }, platform);
        }));

        Assert.Equal("CdnArgs.Origin: bucket 'assets' is already served by CDN 'static'.", Assert.Single(error.Diagnostics).Message);
    }

    [Theory]
    [InlineData(CloudKind.Gcp, "CdnArgs.HostOrigin: gcp's CDN reaches hosts outside Google Cloud through internet network endpoint groups, which this library does not create.")]
    [InlineData(CloudKind.Yandex, "CdnArgs.HostOrigin: a yandex CDN resource has one origin group, so it cannot send some paths to another host.")]
    public void A_host_origin_is_refused_where_the_cloud_cannot_route_paths_to_it(CloudKind cloud, string message)
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(cloud, "prod", cdn: a => a with { HostOrigin = new CdnHostOrigin("shop.example.com") }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(("INFRA-CDN-001", message, "shop.example.com"), (problem.Code, problem.Message, problem.Value));
    }

    [Fact]
    public void Every_problem_of_the_ingress_args_is_reported_at_once()
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(CloudKind.Gcp, "prod", ingress: a => a with
        {
            Hosts = ["shop.example.com", "shop.example.net"],
            Routes =
            [
                new IngressRoute { Path = "/", Namespace = "shop", Service = "frontend" },
                new IngressRoute { Path = "/", Namespace = "shop", Service = "Backend", Port = 0 },
            ],
            AcmeEmail = "platform",
            RateLimitPerSecond = 0,
            Cors = new IngressCors { AllowedOrigins = ["*", "http://app.example.com"], AllowCredentials = true },
            ControllerReplicas = 1,
        }));

        Assert.Equal(
        [
            "IngressArgs.Hosts[1]: 'shop.example.net' is not in DNS zone 'example.com'.",
            "IngressArgs.Routes[1].Path: path '/' is routed twice.",
            "IngressArgs.Routes[1].Service: 'Backend' is not a Kubernetes name.",
            "IngressArgs.Routes[1].Port: 0 is not a TCP port.",
            "IngressArgs.AcmeEmail: 'platform' is not an e-mail address.",
            "IngressArgs.RateLimitPerSecond: 0 requests per second is outside 1..10000.",
            "IngressArgs.Cors.AllowedOrigins[0]: '*' with credentials would let every site act as the signed-in user.",
            "IngressArgs.Cors.AllowedOrigins[1]: 'http://app.example.com' is not an HTTPS origin.",
            "IngressArgs.ControllerReplicas: 1 controller pods cannot survive losing one.",
        ], error.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void On_aws_an_ingress_host_at_the_zone_apex_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => EdgePrograms.Build(CloudKind.Aws, "prod", ingress: a => a with { Hosts = ["example.com"] }));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("IngressArgs.Hosts: 'example.com' is the apex of zone 'example.com', which cannot point at a load balancer's name on aws.", problem.Message);
        Assert.Equal("Use a host such as www.example.com.", problem.Fix);
    }
}
