using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class WorkloadTests
{
    private static ProgramDocument ShopProgram() => ClusterProgram.Synthesize(o => _ = new Shop(o));

    [Fact]
    public void A_workload_is_a_deployment_service_autoscaler_budget_and_account()
    {
        var program = ShopProgram();

        foreach (var (suffix, type) in new[]
        {
            ("deployment", "kubernetes:apps/v1:Deployment"),
            ("service", "kubernetes:core/v1:Service"),
            ("hpa", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler"),
            ("pdb", "kubernetes:policy/v1:PodDisruptionBudget"),
            ("sa", "kubernetes:core/v1:ServiceAccount"),
        })
        {
            var resource = program.Named($"backend-{suffix}");
            Assert.Equal(type, resource.Type);
            Assert.Equal("backend", resource.Properties.Text("metadata.name"));
            Assert.Equal("k8s", resource.ProviderKey());
        }

        Assert.Equal(3, program.OfType("kubernetes:apps/v1:Deployment").Count());
    }

    [Fact]
    public void Every_emitted_pod_controller_passes_the_workload_rules()
    {
        var program = ShopProgram();

        var controllers = program.Resources.Where(WorkloadRules.IsPodController).ToList();
        Assert.Equal(3, controllers.Count);
        Assert.All(controllers, c => Assert.Empty(WorkloadRules.Violations(c)));
    }

    [Fact]
    public void The_rule_checks_catch_a_pod_that_breaks_them()
    {
        var program = ShopProgram();
        var deployment = program.Named("backend-deployment");
        var broken = new ResourceDecl
        {
            Key = deployment.Key,
            Type = deployment.Type,
            Properties = new Props
            {
                ["spec"] = new Props
                {
                    ["template"] = new Props
                    {
                        ["spec"] = new Props
                        {
                            ["hostNetwork"] = true,
                            ["containers"] = Input.List(new Props { ["name"] = "x", ["image"] = "nginx:latest" }),
                        },
                    },
                },
            }.ToNode(),
        };

        var rules = WorkloadRules.Violations(broken).Select(v => v.Split(' ')[1].TrimEnd(':')).Distinct().Order().ToList();
        Assert.Equal(["INF-WL-002", "INF-WL-003", "INF-WL-004", "INF-WL-005", "INF-WL-006", "INF-WL-008", "INF-WL-009", "INF-WL-010", "INF-WL-011", "INF-WL-012"], rules);
    }

    [Fact]
    public void Security_context_is_hardened_at_pod_and_container_level()
    {
        var pod = ShopProgram().Named("frontend-deployment").Properties.At("spec.template.spec");

        Assert.True(pod.Bool("securityContext.runAsNonRoot"));
        Assert.Equal("RuntimeDefault", pod.Text("securityContext.seccompProfile.type"));
        Assert.False(pod.Bool("automountServiceAccountToken"));
        var container = Assert.Single(pod.Items("containers"));
        Assert.False(container.Bool("securityContext.allowPrivilegeEscalation"));
        Assert.True(container.Bool("securityContext.readOnlyRootFilesystem"));
        Assert.True(container.Bool("securityContext.runAsNonRoot"));
        Assert.Equal(["ALL"], container.Strings("securityContext.capabilities.drop"));
        Assert.Equal("RuntimeDefault", container.Text("securityContext.seccompProfile.type"));
        Assert.Equal("/tmp", Assert.Single(container.Items("volumeMounts")).Text("mountPath"));
        Assert.Equal("256Mi", Assert.Single(pod.Items("volumes")).Text("emptyDir.sizeLimit"));
    }

    [Fact]
    public void Rollout_keeps_every_replica_and_probes_gate_traffic()
    {
        var program = ShopProgram();
        var deployment = program.Named("frontend-deployment");

        Assert.Equal("RollingUpdate", deployment.Properties.Text("spec.strategy.type"));
        Assert.Equal(0, deployment.Properties.Integer("spec.strategy.rollingUpdate.maxUnavailable"));
        Assert.Equal(["spec.replicas"], deployment.Options.Strings("ignoreChanges"));
        var container = Assert.Single(deployment.Properties.Items("spec.template.spec.containers"));
        Assert.Equal("/healthz", container.Text("livenessProbe.httpGet.path"));
        Assert.Equal("/ready", container.Text("readinessProbe.httpGet.path"));
        Assert.Equal("/healthz", container.Text("startupProbe.httpGet.path"));
        Assert.Equal(30, container.Integer("startupProbe.failureThreshold"));
        Assert.Equal("100m", container.Text("resources.requests.cpu"));
        Assert.Equal("256Mi", container.Text("resources.limits.memory"));
    }

    [Fact]
    public void Autoscaler_targets_70_percent_cpu_and_80_percent_memory_between_min_and_max()
    {
        var spec = ShopProgram().Named("api-gateway-hpa").Properties.At("spec");

        Assert.Equal(3, spec.Integer("minReplicas"));
        Assert.Equal(10, spec.Integer("maxReplicas"));
        Assert.Equal("api-gateway", spec.Text("scaleTargetRef.name"));
        Assert.Equal(["cpu=70", "memory=80"],
            spec.Items("metrics").Select(m => $"{m.Text("resource.name")}={m.Integer("resource.target.averageUtilization")}"));
    }

    [Fact]
    public void Disruption_budget_allows_one_voluntary_eviction()
    {
        var spec = ShopProgram().Named("backend-pdb").Properties.At("spec");

        Assert.Equal(1, spec.Integer("maxUnavailable"));
        Assert.Equal("backend", spec.StringMap("selector.matchLabels")["app.kubernetes.io/name"]);
    }

    [Fact]
    public void Service_account_does_not_mount_a_token()
    {
        var account = ShopProgram().Named("backend-sa");

        Assert.False(account.Properties.Bool("automountServiceAccountToken"));
    }

    [Fact]
    public void Everything_emitted_matches_the_kubernetes_schema()
    {
        var program = ShopProgram();
        var schema = ProviderSchema.Load("kubernetes");

        var kubernetes = program.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kubernetes);
        Assert.Empty(kubernetes.SelectMany(schema.Problems));
    }

    [Fact]
    public void The_schema_check_reports_unknown_properties_wrong_kinds_and_missing_required_inputs()
    {
        var schema = ProviderSchema.Load("kubernetes");
        var resource = new ResourceDecl
        {
            Key = "bad",
            Type = "kubernetes:apps/v1:Deployment",
            Properties = new Props
            {
                ["spec"] = new Props
                {
                    ["replica"] = 2,
                    ["selector"] = new Props(),
                    ["template"] = new Props { ["spec"] = new Props { ["containers"] = Input.List(new Props { ["image"] = "x:1" }) } },
                    ["revisionHistoryLimit"] = "five",
                },
            }.ToNode(),
        };

        Assert.Equal(
        [
            "bad.spec.replica: not a property",
            "bad.spec.template.spec.containers[0]: missing required name",
            "bad.spec.revisionHistoryLimit: expected integer, got StringNode",
        ], schema.Problems(resource));
    }

    [Fact]
    public void The_same_code_gives_a_byte_identical_program()
    {
        Assert.Equal(YamlWriter.Write(ShopProgram()), YamlWriter.Write(ShopProgram()));
    }

    [Fact]
    public void Invalid_arguments_are_reported_at_once_with_exact_messages()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs
            {
                Namespace = ns,
                Image = "ghcr.io/acme/api:latest",
                MinReplicas = 5,
                MaxReplicas = 3,
                TargetCpuUtilization = 0,
                MemoryLimit = "1 GB",
                Port = 70000,
            }, o);
        }));

        Assert.Equal(
        [
            "WorkloadArgs.Image 'ghcr.io/acme/api:latest' uses the tag 'latest', which moves with every push.",
            "WorkloadArgs.Port 70000 is not a TCP port.",
            "WorkloadArgs.MinReplicas (5) is greater than WorkloadArgs.MaxReplicas (3).",
            "WorkloadArgs.TargetCpuUtilization 0 is not a percentage of the request.",
            "WorkloadArgs.MemoryLimit '1 GB' is not a Kubernetes quantity.",
        ], error.Diagnostics.Select(d => d.Message));
        var image = error.Diagnostics[0];
        Assert.Equal("WorkloadArgs.Image", image.Key);
        Assert.Equal("ghcr.io/acme/api:latest", image.Value);
        Assert.Equal("images are pinned by a version tag or a digest, never 'latest' or no tag (INF-WL-011)", image.Rule);
        Assert.Equal("api", image.Resource);
    }

    [Theory]
    [InlineData("nginx", "has no tag or digest, so every pull may get a different image")]
    [InlineData("registry.local:5000/team/app", "has no tag or digest, so every pull may get a different image")]
    [InlineData("nginx:LATEST", "uses the tag 'latest', which moves with every push")]
    [InlineData("nginx@sha256:abc", "has a malformed digest 'sha256:abc'")]
    [InlineData("", "is empty")]
    [InlineData("nginx:1.27.3", null)]
    [InlineData("registry.local:5000/team/app:2024.1", null)]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    public void Images_must_be_pinned(string image, string? problem)
    {
        Assert.Equal(problem, ImageReference.Problem(image));
    }

    [Fact]
    public void A_missing_tag_is_refused_with_the_rule_and_a_fix()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
            _ = new Workload("api", new WorkloadArgs { Namespace = new Namespace("shop", new NamespaceArgs(), o), Image = "nginx" }, o)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("WorkloadArgs.Image 'nginx' has no tag or digest, so every pull may get a different image.", diagnostic.Message);
        Assert.Equal("Pin a version tag (e.g. 'ghcr.io/acme/shop:1.4.2') or a digest ('ghcr.io/acme/shop@sha256:…').", diagnostic.Fix);
    }
}
