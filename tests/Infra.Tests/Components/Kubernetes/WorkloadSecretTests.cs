using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

public class WorkloadSecretTests
{
    [Fact]
    public void Credentials_reach_the_pod_through_a_secret_whose_values_stay_secret()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Shop(o));

        var secret = program.Named("backend-secrets");
        Assert.Equal("kubernetes:core/v1:Secret", secret.Type);
        var data = (MapNode)secret.Properties.At("stringData")!;
        Assert.Equal(["ORDERS_DB_PASSWORD", "ORDERS_DB_USERNAME"], data.Entries.Select(e => e.Key));
        Assert.All(data.Entries, e => Assert.Equal("secret", Assert.IsType<FunctionNode>(e.Value).Name));
        var password = Assert.IsType<ReferenceNode>(((FunctionNode)data["ORDERS_DB_PASSWORD"]!).Argument);
        Assert.Equal("orders-db-password.result", password.ToExpressionText());
    }

    [Fact]
    public void Connection_settings_and_config_go_through_a_config_map_and_both_are_loaded_as_environment()
    {
        var program = ClusterProgram.Synthesize(o => _ = new Shop(o));

        var data = program.Named("backend-config").Properties.StringMap("data");
        Assert.Equal(new Dictionary<string, string>
        {
            ["EVENTS_KAFKA_HOST"] = "kafka-bootstrap.kafka.svc:9092",
            ["EVENTS_KAFKA_PORT"] = "9092",
            ["LOG_LEVEL"] = "info",
            ["ORDERS_DB_HOST"] = "orders.db.internal",
            ["ORDERS_DB_PORT"] = "5432",
        }, data);
        var container = Assert.Single(program.Named("backend-deployment").Properties.Items("spec.template.spec.containers"));
        Assert.Equal(["backend-config.metadata.name", "backend-secrets.metadata.name"], container.Items("envFrom")
            .Select(e => Assert.IsType<ReferenceNode>(e.At("configMapRef.name") ?? e.At("secretRef.name")).ToExpressionText()));
        Assert.Null(program.Named("backend-config").Properties.At("metadata.name"));
    }

    [Fact]
    public void Secret_values_are_written_only_inside_fn_secret()
    {
        var yaml = YamlWriter.Write(ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs
            {
                Namespace = ns,
                Image = "ghcr.io/acme/api:1.0.0",
                Secrets = new Dictionary<string, Output<string>> { ["API_TOKEN"] = Output.CreateSecret<string>("s3cr3t-token") },
            }, o);
        }));

        Assert.Contains("fn::secret: s3cr3t-token", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("API_TOKEN: s3cr3t-token", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Plaintext_secrets_and_credentials_are_refused()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs
            {
                Namespace = ns,
                Image = "ghcr.io/acme/api:1.0.0",
                Secrets = new Dictionary<string, Output<string>> { ["API_TOKEN"] = Output.Create("hunter2") },
                ConnectsTo =
                [
                    new ServiceEndpoint
                    {
                        Name = "db", Host = "db.internal", Ports = [5432], Cidrs = ["10.0.0.0/24"],
                        Credentials = [new("PASSWORD", Output.Create("hunter2"))],
                    },
                ],
            }, o);
        }));

        Assert.Equal(
        [
            "WorkloadArgs.Secrets['API_TOKEN'] is a plaintext value known at synthesis time; it would be written into the program in clear.",
            "WorkloadArgs.ConnectsTo[0].Credentials[0].Value is a plaintext value known at synthesis time; it would be written into the program in clear.",
        ], error.Diagnostics.Select(d => d.Message));
        Assert.All(error.Diagnostics, d => Assert.Equal("(hidden)", d.Value));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_variable_set_twice_is_refused()
    {
        var error = Assert.Throws<InfraException>(() => ClusterProgram.Synthesize(o =>
        {
            var ns = new Namespace("shop", new NamespaceArgs(), o);
            _ = new Workload("api", new WorkloadArgs
            {
                Namespace = ns,
                Image = "ghcr.io/acme/api:1.0.0",
                Config = new Dictionary<string, string> { ["DB_HOST"] = "x" },
                ConnectsTo = [new ServiceEndpoint { Name = "db", Host = "db.internal", Ports = [5432], Cidrs = ["10.0.0.0/24"] }],
            }, o);
        }));

        Assert.Equal("Environment variable 'DB_HOST' is set by both WorkloadArgs.Config['DB_HOST'] and WorkloadArgs.ConnectsTo[0].Host.",
            Assert.Single(error.Diagnostics).Message);
    }
}
