using Infra.Components;
using Infra.Components.Data;
using Infra.Core.Values;

namespace Infra.Tests.Components.Data;

/// <summary>MongoDB on Google Cloud and ClickHouse on AWS and Google Cloud run in the cluster; elsewhere they are managed.</summary>
public class InClusterFallbackTests
{
    private const string Release = "kubernetes:helm.sh/v3:Release";
    private const string ConfigGroup = "kubernetes:yaml/v2:ConfigGroup";

    public static TheoryData<CloudKind, string, bool> Fallbacks() => new()
    {
        { CloudKind.Aws, "catalog", false },
        { CloudKind.Gcp, "catalog", true },
        { CloudKind.Yandex, "catalog", false },
        { CloudKind.Aws, "events", true },
        { CloudKind.Gcp, "events", true },
        { CloudKind.Yandex, "events", false },
        { CloudKind.Aws, "orders", false },
        { CloudKind.Gcp, "sessions", false },
    };

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public void Only_engines_without_a_managed_offer_run_in_the_cluster_on_the_clusters_provider(CloudKind cloud, string component, bool inCluster)
    {
        var program = DataPlatformTests.AllEngines(cloud, "prod");
        var kubernetes = program.ChildrenOf(component).Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();

        Assert.Equal(inCluster, kubernetes.Count > 0);
        Assert.All(kubernetes, r => Assert.Equal("apps-k8s", r.ProviderKey()));
        var managed = program.ChildrenOf(component).Where(r => r.Type.Contains("docdb", StringComparison.Ordinal) || r.Type.Contains("/mdb", StringComparison.Ordinal));
        Assert.Equal(!inCluster && component is "catalog" or "events", managed.Any());
    }

    [Theory]
    [InlineData("dev", 1, true)]
    [InlineData("prod", 3, false)]
    public void Mongo_on_gcp_is_a_percona_replica_set_with_tls_required_users_from_a_secret_and_persistent_volumes(string environment, int members, bool unsafeSize)
    {
        var program = DataPlatformTests.AllEngines(CloudKind.Gcp, environment);
        var releases = program.All("catalog", Release).ToDictionary(r => r.Properties.Text("chart")!);

        Assert.Equal("1.22.0", releases["psmdb-operator"].Properties.Text("version"));
        var values = releases["psmdb-db"].Properties.At("values");
        Assert.Equal("1.22.0", releases["psmdb-db"].Properties.Text("version"));
        Assert.Equal("requireTLS", values.Text("tls.mode"));
        Assert.Equal(members, values.Integer("replsets.rs0.size"));
        Assert.Equal(unsafeSize, values.Bool("unsafeFlags.replsetSize"));
        Assert.Equal("acme-" + environment + "-catalog-data", values.Text("replsets.rs0.volumeSpec.pvc.storageClassName"));
        Assert.Equal("20Gi", values.Text("replsets.rs0.volumeSpec.pvc.resources.requests.storage"));
        var user = Assert.Single(values.Items("users"));
        Assert.Equal("app", user.Text("name"));
        Assert.Equal("catalog-app-credentials", user.Text("passwordSecretRef.name"));
        Assert.Equal(["readWrite@catalog"], user.Items("roles").Select(r => $"{r.Text("name")}@{r.Text("db")}"));
        Assert.Equal("percona/percona-server-mongodb", values.Text("image.repository"));
        Assert.Equal("8.0.19-7", values.Text("image.tag"));

        var secret = program.One("catalog", "kubernetes:core/v1:Secret");
        Assert.True(program.IsRandomPassword(secret.Properties.At("stringData.password")));
        Assert.Equal(environment == "prod", releases["psmdb-db"].Protected());
    }

    [Theory]
    [InlineData(CloudKind.Aws, "ebs.csi.aws.com", "encrypted")]
    [InlineData(CloudKind.Gcp, "pd.csi.storage.gke.io", "type")]
    public void In_cluster_volumes_come_from_an_encrypted_storage_class_kept_after_deletion_in_production(CloudKind cloud, string provisioner, string parameter)
    {
        var program = DataPlatformTests.AllEngines(cloud, "prod");
        var storageClass = Assert.Single(program.All("events", ConfigGroup).SelectMany(g => g.Properties.Items("objs")), o => o.Text("kind") == "StorageClass");

        Assert.Equal(provisioner, storageClass.Text("provisioner"));
        Assert.NotNull(storageClass.At($"parameters.{parameter}"));
        var key = storageClass.At("parameters.kmsKeyId") ?? storageClass.At("parameters.disk-encryption-kms-key");
        Assert.IsType<ReferenceNode>(key);
        Assert.Equal("Retain", storageClass.Text("reclaimPolicy"));
        Assert.Equal("WaitForFirstConsumer", storageClass.Text("volumeBindingMode"));
    }

    [Theory]
    [InlineData(CloudKind.Aws, "dev")]
    [InlineData(CloudKind.Aws, "prod")]
    [InlineData(CloudKind.Gcp, "dev")]
    [InlineData(CloudKind.Gcp, "prod")]
    public void ClickHouse_in_the_cluster_is_an_altinity_installation_with_tls_a_secret_password_and_keeper_in_production(CloudKind cloud, string environment)
    {
        var program = DataPlatformTests.AllEngines(cloud, environment);
        var charts = program.All("events", Release).ToDictionary(r => r.Properties.Text("chart")!, r => r.Properties.Text("version"));
        Assert.Equal("0.26.2", charts["altinity-clickhouse-operator"]);
        Assert.Equal("v1.20.2", charts["cert-manager"]);

        var objects = program.All("events", ConfigGroup).SelectMany(g => g.Properties.Items("objs")).ToList();
        var installation = Assert.Single(objects, o => o.Text("kind") == "ClickHouseInstallation");
        Assert.Equal("clickhouse.altinity.com/v1", installation.Text("apiVersion"));
        var settings = installation.At("spec.configuration.settings") as MapNode;
        Assert.Equal(9440L, ((IntegerNode)settings!["tcp_port_secure"]!).Value);
        Assert.Equal(8443L, ((IntegerNode)settings["https_port"]!).Value);
        Assert.Equal("/etc/clickhouse-server/tls/tls.crt", ((StringNode)settings["openSSL/server/certificateFile"]!).Value);
        var users = (MapNode)installation.At("spec.configuration.users")!;
        Assert.Equal("events-app-credentials", users["app/password"].Text("valueFrom.secretKeyRef.name"));
        Assert.Equal(["GRANT ALL ON events.*"], ((ListNode)users["app/grants/query"]!).Items.Select(i => ((StringNode)i).Value));
        Assert.Equal(["10.0.0.0/16", "10.112.0.0/14"], ((ListNode)users["app/networks/ip"]!).Items.Select(i => ((StringNode)i).Value));

        var production = environment == "prod";
        Assert.Equal(production ? 2 : 1, Assert.Single(installation.Items("spec.configuration.clusters")).Integer("layout.replicasCount"));
        Assert.Equal(production, objects.Any(o => o.Text("kind") == "ClickHouseKeeperInstallation"));
        Assert.Equal(production ? "Retain" : "Delete", ((ListNode)installation.At("spec.templates.volumeClaimTemplates")!).Items[0].Text("reclaimPolicy"));

        var certificate = Assert.Single(objects, o => o.Text("kind") == "Certificate" && o.Text("metadata.name") == "events-tls");
        Assert.Equal("events-tls", certificate.Text("spec.secretName"));
        Assert.Equal("events-ca", certificate.Text("spec.issuerRef.name"));
    }

    [Fact]
    public void Operators_and_cert_manager_are_installed_once_per_cluster()
    {
        var program = DataProgram.Synthesize(CloudKind.Gcp, "dev", s =>
        {
            foreach (var name in new[] { "events", "metrics" })
            {
                _ = new ClickHouseDatabase(name, new ClickHouseDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform);
            }

            foreach (var name in new[] { "catalog", "profiles" })
            {
                _ = new MongoDatabase(name, new MongoDatabaseArgs { Network = s.Network, KubernetesProvider = s.KubernetesProvider }, s.Platform);
            }
        });

        var charts = program.Resources.Where(r => r.Type == Release).Select(r => r.Properties.Text("chart")).ToList();
        Assert.Equal(1, charts.Count(c => c == "altinity-clickhouse-operator"));
        Assert.Equal(1, charts.Count(c => c == "cert-manager"));
        Assert.Equal(1, charts.Count(c => c == "psmdb-operator"));
        Assert.Equal(2, charts.Count(c => c == "psmdb-db"));
        var metrics = program.One("metrics", "kubernetes:core/v1:Namespace");
        Assert.Equal("acme-dev-metrics", metrics.Properties.Text("metadata.name"));
    }

    [Fact]
    public void The_namespace_denies_ingress_except_between_members_and_from_the_operator()
    {
        var program = DataPlatformTests.AllEngines(CloudKind.Gcp, "prod");
        var policies = program.All("catalog", "kubernetes:networking.k8s.io/v1:NetworkPolicy")
            .Where(p => p.Properties.Text("metadata.namespace") != "psmdb-operator")
            .ToDictionary(p => p.Properties.Text("metadata.name")!);

        var deny = policies["default-deny"].Properties.At("spec");
        Assert.Empty(((MapNode)deny.At("podSelector")!).Entries);
        Assert.Equal(["Ingress", "Egress"], deny.Strings("policyTypes"));
        Assert.Null(deny.At("ingress"));
        var fromOperator = Assert.Single(policies["allow-operator"].Properties.Items("spec.ingress"));
        Assert.Equal("psmdb-operator", Assert.Single(fromOperator.Items("from")).StringMap("namespaceSelector.matchLabels")["kubernetes.io/metadata.name"]);
        var namespaces = program.All("catalog", "kubernetes:core/v1:Namespace").ToDictionary(n => n.Properties.Text("metadata.name")!);
        Assert.Equal("baseline", namespaces.Single(n => n.Key != "psmdb-operator").Value.Properties.StringMap("metadata.labels")["pod-security.kubernetes.io/enforce"]);

        // The operator's own namespace is made default-deny too, with only DNS, the API server and webhooks allowed.
        var operatorPolicies = program.All("catalog", "kubernetes:networking.k8s.io/v1:NetworkPolicy")
            .Where(p => p.Properties.Text("metadata.namespace") == "psmdb-operator")
            .Select(p => p.Properties.Text("metadata.name")!).ToArray();
        Assert.Equal(["default-deny", "allow-dns", "allow-kubernetes-api"], operatorPolicies);
        Assert.Equal(["Ingress", "Egress"], program.All("catalog", "kubernetes:networking.k8s.io/v1:NetworkPolicy")
            .Single(p => p.Properties.Text("metadata.namespace") == "psmdb-operator" && p.Properties.Text("metadata.name") == "default-deny")
            .Properties.At("spec").Strings("policyTypes"));
    }
}
