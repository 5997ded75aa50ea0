using Infra.Components;
using Infra.Components.Data;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>Services start closed; each grant renders exactly one least-privilege rule per cloud, never a wildcard.</summary>
public class DataAccessTests
{
    private static readonly string[] RuleTypes =
    [
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "gcp:compute/firewall:Firewall",
        "yandex:index/vpcSecurityGroupRule:VpcSecurityGroupRule",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    ];

    private static ProgramDocument Orders(CloudKind cloud, Action<DataService, DataStack>? grant = null) =>
        DataProgram.Synthesize(cloud, "prod", s =>
        {
            var orders = new PostgresDatabase("orders", new PostgresDatabaseArgs { Network = s.Network }, s.Platform);
            grant?.Invoke(orders, s);
        });

    [Theory]
    [MemberData(nameof(DataPlatformTests.CloudsAndEnvironments), MemberType = typeof(DataPlatformTests))]
    public void Nothing_a_data_service_declares_opens_it_to_every_address(CloudKind cloud, string environment)
    {
        var program = DataPlatformTests.AllEngines(cloud, environment);
        var children = DataPlatformTests.Components.SelectMany(program.ChildrenOf).ToList();

        Assert.Contains(children, r => RuleTypes.Contains(r.Type));
        Assert.All(children, r => Assert.DoesNotContain(r.Properties.Descendants().OfType<StringNode>(), s => s.Value is "0.0.0.0/0" or "::/0"));
    }

    [Theory]
    [InlineData(CloudKind.Aws, 0)]
    [InlineData(CloudKind.Yandex, 0)]
    [InlineData(CloudKind.Gcp, 1)]
    public void A_service_without_grants_admits_nobody(CloudKind cloud, int denyRules)
    {
        var program = Orders(cloud);
        var rules = program.ChildrenOf("orders").Where(r => RuleTypes.Contains(r.Type)).ToList();

        Assert.Equal(denyRules, rules.Count);
        if (cloud == CloudKind.Gcp)
        {
            var deny = Assert.Single(rules).Properties;
            Assert.Equal("EGRESS", deny.Text("direction"));
            Assert.Equal(["5432"], Assert.Single(deny.Items("denies")).Strings("ports"));
            Assert.Equal(65000, deny.Integer("priority"));
            Assert.Null(deny.At("targetServiceAccounts"));
        }
    }

    [Fact]
    public void On_aws_the_cluster_is_let_in_by_its_security_group_on_the_database_port_only()
    {
        var rule = Orders(CloudKind.Aws, (db, s) => db.AllowConnectionsFrom(s.Cluster)).Named("orders-from-apps").Properties;

        Assert.Equal("orders-sg.id", ((ReferenceNode)rule.At("securityGroupId")!).ToExpressionText());
        Assert.Equal("apps-eks.vpcConfig.clusterSecurityGroupId", ((ReferenceNode)rule.At("referencedSecurityGroupId")!).ToExpressionText());
        Assert.Equal("tcp", rule.Text("ipProtocol"));
        Assert.Equal(5432, rule.Integer("fromPort"));
        Assert.Equal(5432, rule.Integer("toPort"));
        Assert.Null(rule.At("cidrIpv4"));
    }

    [Fact]
    public void On_gcp_the_cluster_is_let_in_by_an_egress_allow_for_its_node_service_account_above_the_deny()
    {
        var program = Orders(CloudKind.Gcp, (db, s) => db.AllowConnectionsFrom(s.Cluster));
        var rule = program.Named("orders-from-apps").Properties;

        Assert.Equal("EGRESS", rule.Text("direction"));
        Assert.Equal("apps-nodes.email", ((ReferenceNode)Assert.Single(rule.Items("targetServiceAccounts"))).ToExpressionText());
        Assert.Equal(["5432"], Assert.Single(rule.Items("allows")).Strings("ports"));
        Assert.True(rule.Integer("priority") < program.Named("orders-deny-clients").Properties.Integer("priority"));
        var destination = Assert.IsType<InterpolationNode>(Assert.Single(rule.Items("destinationRanges")));
        Assert.Equal("orders-instance.privateIpAddress", ((ReferenceNode)destination.Parts[0]).ToExpressionText());
        Assert.Equal("/32", ((StringNode)destination.Parts[1]).Value);
        Assert.Null(rule.At("sourceRanges"));
    }

    [Fact]
    public void On_yandex_the_cluster_is_let_in_by_its_node_security_group_and_its_pod_range()
    {
        var program = Orders(CloudKind.Yandex, (db, s) => db.AllowConnectionsFrom(s.Cluster));
        var byGroup = program.Named("orders-from-apps-1").Properties;
        var byPods = program.Named("orders-from-apps-2").Properties;

        Assert.Equal("apps-main-sg.id", ((ReferenceNode)byGroup.At("securityGroupId")!).ToExpressionText());
        Assert.Equal("ingress", byGroup.Text("direction"));
        Assert.Equal(6432, byGroup.Integer("port"));
        Assert.Equal("orders-sg.id", ((ReferenceNode)byGroup.At("securityGroupBinding")!).ToExpressionText());
        Assert.Equal(["10.112.0.0/14"], byPods.Strings("v4CidrBlocks"));
    }

    [Theory]
    [InlineData(CloudKind.Aws)]
    [InlineData(CloudKind.Gcp)]
    [InlineData(CloudKind.Yandex)]
    public void Private_ranges_are_let_in_as_given(CloudKind cloud)
    {
        var program = Orders(cloud, (db, _) => db.AllowConnectionsFrom("vpn", ["10.50.0.0/16", "192.168.10.0/24"]));
        var ranges = program.ChildrenOf("orders").Where(r => r.LogicalName.StartsWith("orders-from-vpn", StringComparison.Ordinal))
            .SelectMany(r => r.Properties.Strings("sourceRanges").Concat(r.Properties.Strings("v4CidrBlocks"))
                .Concat(r.Properties.Text("cidrIpv4") is { } one ? [one] : []))
            .ToList();

        Assert.Equal(["10.50.0.0/16", "192.168.10.0/24"], ranges);
    }

    [Fact]
    public void A_workloads_cloud_identity_is_let_in_by_reference()
    {
        var program = Orders(CloudKind.Aws, (db, s) => db.AllowConnectionsFrom(ConnectionSource.FromIdentity("batch", s.Network.Outputs.NetworkId)));

        Assert.Equal("main-vpc.id", ((ReferenceNode)program.Named("orders-from-batch").Properties.At("referencedSecurityGroupId")!).ToExpressionText());
    }

    [Fact]
    public void Granting_the_same_client_twice_adds_one_rule()
    {
        var program = Orders(CloudKind.Aws, (db, s) => db.AllowConnectionsFrom(s.Cluster).AllowConnectionsFrom(s.Cluster));

        Assert.Single(program.ChildrenOf("orders"), r => r.Type == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    }

    [Fact]
    public void In_cluster_services_let_in_the_clusters_pods_or_chosen_pods_on_the_tls_ports()
    {
        var program = DataProgram.Synthesize(CloudKind.Aws, "dev", s =>
        {
            var events = new ClickHouseDatabase("events", new ClickHouseDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform);
            events.AllowConnectionsFrom(s.Cluster);
            events.AllowConnectionsFrom(ConnectionSource.FromPods("api", "shop", new Dictionary<string, string> { ["app"] = "api" }));
        });

        var all = program.Named("events-from-apps").Properties.At("spec");
        Assert.Equal("events", all.StringMap("podSelector.matchLabels")["clickhouse.altinity.com/chi"]);
        var rule = Assert.Single(all.Items("ingress"));
        Assert.Empty(((MapNode)Assert.Single(rule.Items("from")).At("namespaceSelector")!).Entries);
        Assert.Equal([9440L, 8443L], rule.Items("ports").Select(p => p.Integer("port")!.Value));

        var pods = Assert.Single(Assert.Single(program.Named("events-from-api").Properties.Items("spec.ingress")).Items("from"));
        Assert.Equal("shop", pods.StringMap("namespaceSelector.matchLabels")["kubernetes.io/metadata.name"]);
        Assert.Equal("api", pods.StringMap("podSelector.matchLabels")["app"]);
    }

    [Theory]
    [InlineData("0.0.0.0/0", "INFRA-NET-003", "AllowConnectionsFrom(vpn).Cidrs[0]: '0.0.0.0/0' is not a private IPv4 range.")]
    [InlineData("8.8.8.0/24", "INFRA-NET-003", "AllowConnectionsFrom(vpn).Cidrs[0]: '8.8.8.0/24' is not a private IPv4 range.")]
    [InlineData("10.0.0.1/16", "INFRA-NET-002", "AllowConnectionsFrom(vpn).Cidrs[0]: '10.0.0.1/16' has host bits set.")]
    public void Public_wide_or_malformed_ranges_are_refused(string cidr, string code, string message)
    {
        var error = Assert.Throws<InfraException>(() => Orders(CloudKind.Aws, (db, _) => db.AllowConnectionsFrom("vpn", [cidr])));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
        Assert.Equal("orders", problem.Resource);
    }

    [Theory]
    [InlineData(CloudKind.Aws, "AWS security groups cannot tell pods apart: pods reach the service through their cluster's security group; allow the cluster.")]
    [InlineData(CloudKind.Gcp, "Google Cloud firewall rules cannot tell pods apart: pods reach the service as their nodes' service account; allow the cluster.")]
    [InlineData(CloudKind.Yandex, "Yandex security groups cannot tell pods apart: pods reach the service from the cluster's range; allow the cluster.")]
    public void A_managed_service_refuses_a_pod_selector_it_cannot_enforce(CloudKind cloud, string reason)
    {
        var error = Assert.Throws<InfraException>(() => Orders(cloud, (db, _) => db.AllowConnectionsFrom(ConnectionSource.FromPods("api", "shop"))));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA-DATA-008", problem.Code);
        Assert.Equal($"AllowConnectionsFrom(api): {reason}", problem.Message);
        Assert.Equal("Pods", problem.Value);
    }

    [Fact]
    public void An_in_cluster_service_refuses_a_cloud_identity_and_a_bad_rule_name()
    {
        var error = Assert.Throws<InfraException>(() => DataProgram.Run(CloudKind.Gcp, "dev", s =>
            new MongoDatabase("catalog", new MongoDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform)
                .AllowConnectionsFrom(ConnectionSource.FromIdentity("Batch Jobs", s.Network.Outputs.NetworkId))));

        Assert.Equal(
            [
                "AllowConnectionsFrom(Batch Jobs): 'Batch Jobs' cannot name an access rule.",
                "AllowConnectionsFrom(Batch Jobs): the service runs in the cluster, where cloud identities mean nothing to NetworkPolicies; allow the cluster or the client's pods.",
            ],
            error.Diagnostics.Select(d => d.Message));
    }
}
