using Infra.Components.Kubernetes;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>The whole in-cluster platform together: sample services, monitoring, logging, tracing, backups.</summary>
public class PlatformTests
{
    private static ProgramDocument Platform(string stack) => ClusterProgram.Synthesize(o =>
    {
        var shop = new Shop(o);
        var monitoring = new Monitoring("monitoring", new MonitoringArgs { Workloads = [shop.Frontend, shop.Gateway, shop.Backend] }, o);
        _ = new Logging("logging", new LoggingArgs { Monitoring = monitoring }, o);
        _ = new Tracing("tracing", new TracingArgs { Monitoring = monitoring }, o);
        var data = new Namespace("data", new NamespaceArgs(), o);
        _ = new DatabaseBackup("orders-backup", new DatabaseBackupArgs
        {
            Namespace = data,
            Database = BackupTests.InClusterPostgres(o),
            DatabaseName = "orders",
            Destination = BackupTests.Bucket("acme-backups"),
            SecondaryDestination = stack == "prod" ? BackupTests.Bucket("acme-backups-dr", "https://s3.eu-west-1.amazonaws.com") : null,
        }, o);
    }, stack);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_deployment_statefulset_and_cronjob_passes_the_workload_rules(string stack)
    {
        var controllers = Platform(stack).Resources.Where(WorkloadRules.IsPodController).ToList();

        Assert.Equal(["kubernetes:apps/v1:Deployment", "kubernetes:batch/v1:CronJob"], controllers.Select(c => c.Type).Distinct().Order());
        Assert.Equal(4, controllers.Count);
        Assert.Empty(controllers.SelectMany(WorkloadRules.Violations));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_namespace_with_workloads_has_a_default_deny_policy(string stack)
    {
        var program = Platform(stack);

        var namespaces = program.Resources.Where(WorkloadRules.IsPodController).Select(NamespaceOf).Distinct().ToList();
        Assert.Equal(["shop", "data"], namespaces);
        foreach (var ns in namespaces)
        {
            Assert.Contains(program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy"), p =>
                NamespaceOf(p) == ns && NetworkPolicyTests.Describe(p) == "default-deny [*] Ingress Egress: ");
        }

        Assert.DoesNotContain(namespaces, n => n == "default");
    }

    [Fact]
    public void Deployments_with_two_or_more_replicas_have_a_budget_that_allows_a_drain()
    {
        var program = Platform("prod");

        foreach (var deployment in program.OfType("kubernetes:apps/v1:Deployment").Where(d => d.Properties.Integer("spec.replicas") >= 2))
        {
            var selector = deployment.Properties.StringMap("spec.selector.matchLabels");
            var budget = Assert.Single(program.OfType("kubernetes:policy/v1:PodDisruptionBudget"),
                b => NamespaceOf(b) == NamespaceOf(deployment) && b.Properties.StringMap("spec.selector.matchLabels").SequenceEqual(selector));
            Assert.True(budget.Properties.Integer("spec.maxUnavailable") >= 1);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Everything_emitted_matches_the_provider_schemas_and_uses_the_clusters_provider(string stack)
    {
        var program = Platform(stack);

        var kubernetes = program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.Empty(kubernetes.SelectMany(ProviderSchema.Load("kubernetes").Problems));
        Assert.Empty(program.OfType("random:index/randomPassword:RandomPassword").SelectMany(ProviderSchema.Load("random").Problems));
        Assert.All(kubernetes, r => Assert.Equal("k8s", r.ProviderKey()));
        Assert.Equal(5, program.OfType("kubernetes:helm.sh/v3:Release").Count());
    }

    [Fact]
    public void The_platform_program_is_deterministic()
    {
        Assert.Equal(YamlWriter.Write(Platform("prod")), YamlWriter.Write(Platform("prod")));
    }

    [Fact]
    public void Every_child_is_named_after_its_component()
    {
        var program = Platform("prod");
        var prefixes = new[] { "shop", "frontend", "api-gateway", "backend", "monitoring", "logging", "tracing", "data", "orders-backup" };

        Assert.All(program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal) || r.Type.StartsWith("random:", StringComparison.Ordinal))
            .Where(r => r.LogicalName != "orders-db-password" && r.LogicalName != "orders-pg-password"),
            r => Assert.Contains(prefixes, p => r.LogicalName == p || r.LogicalName.StartsWith(p + "-", StringComparison.Ordinal)));
    }

    private static string? NamespaceOf(ResourceDecl resource) => resource.Properties.At("metadata.namespace") switch
    {
        ReferenceNode reference => reference.Root,
        StringNode text => text.Value,
        _ => null,
    };
}
