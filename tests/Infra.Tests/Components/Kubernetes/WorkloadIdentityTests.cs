using Infra.Components.Connectivity;
using Infra.Components.Kubernetes;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Tests.Components.Kubernetes;

/// <summary>Endpoints reached with a cloud identity (GKE Workload Identity): what the workload's ServiceAccount and policies get.</summary>
public class WorkloadIdentityTests
{
    private static readonly NetworkDestination Metadata = new("169.254.169.254/32", 80);
    private static readonly NetworkDestination MetadataPlugin = new("169.254.169.252/32", 988);

    private static ServiceEndpoint Endpoint(string name, string account, params NetworkDestination[] credentialEndpoints) => new()
    {
        Name = name,
        Host = $"{name}.example.internal",
        Ports = [9092],
        Cidrs = ["10.20.0.0/24"],
        ServiceAccountAnnotations = new Dictionary<string, Output<string>> { ["iam.gke.io/gcp-service-account"] = Output.Create(account) },
        CredentialEndpoints = credentialEndpoints,
    };

    private static ProgramDocument Api(params ServiceEndpoint[] endpoints) => ClusterProgram.Synthesize(o =>
    {
        var ns = new Namespace("shop", new NamespaceArgs(), o);
        _ = new Workload("api", new WorkloadArgs { Namespace = ns, Image = "ghcr.io/acme/api:1.0.0", ConnectsTo = endpoints }, o);
    });

    [Fact]
    public void The_service_account_carries_the_identity_annotation_and_the_pods_may_reach_the_credential_endpoints_only()
    {
        var program = Api(
            Endpoint("events", "api@acme.iam.gserviceaccount.com", Metadata, MetadataPlugin),
            Endpoint("archive", "api@acme.iam.gserviceaccount.com", Metadata));

        Assert.Equal(new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "api@acme.iam.gserviceaccount.com" },
            program.Named("api-sa").Properties.StringMap("metadata.annotations"));
        Assert.Equal(
            "api-to-credential-endpoints [app.kubernetes.io/name=api] Egress: to cidr 169.254.169.254/32 on TCP/80; to cidr 169.254.169.252/32 on TCP/988",
            NetworkPolicyTests.Describe(program.Named("api-to-credential-endpoints")));
    }

    [Fact]
    public void Without_cloud_identities_the_service_account_has_no_annotations_and_no_credential_policy_exists()
    {
        var program = Api(new ServiceEndpoint { Name = "orders-db", Host = "orders.db.internal", Ports = [5432], Cidrs = ["10.20.0.0/24"] });

        Assert.Null(program.Named("api-sa").Properties.At("metadata.annotations"));
        Assert.DoesNotContain(program.Resources, r => r.LogicalName == "api-to-credential-endpoints");
    }

    [Fact]
    public void Two_endpoints_that_need_different_identities_are_refused()
    {
        var error = Assert.Throws<InfraException>(() => Api(
            Endpoint("events", "api@acme.iam.gserviceaccount.com", Metadata),
            Endpoint("archive", "archiver@acme.iam.gserviceaccount.com", Metadata)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(
            "WorkloadArgs.ConnectsTo[1].ServiceAccountAnnotations['iam.gke.io/gcp-service-account'] is \"archiver@acme.iam.gserviceaccount.com\", but "
            + "WorkloadArgs.ConnectsTo[0].ServiceAccountAnnotations['iam.gke.io/gcp-service-account'] is \"api@acme.iam.gserviceaccount.com\"; "
            + "the workload's one ServiceAccount cannot carry both.",
            problem.Message);
        Assert.Equal("Grant every service this workload uses to the same WorkloadIdentity.", problem.Fix);
    }

    [Fact]
    public void A_credential_endpoint_must_be_one_address_on_a_valid_port()
    {
        var error = Assert.Throws<InfraException>(() => Api(Endpoint("events", "api@acme.iam.gserviceaccount.com", new NetworkDestination("0.0.0.0/0", 80), new NetworkDestination("169.254.169.254/32", 0))));

        Assert.Equal(["WorkloadArgs.ConnectsTo[0].CredentialEndpoints[0].Cidr", "WorkloadArgs.ConnectsTo[0].CredentialEndpoints[1].Port"],
            error.Diagnostics.Select(d => d.Key));
    }
}
