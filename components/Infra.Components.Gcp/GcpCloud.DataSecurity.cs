using Infra.Components.Clusters;
using Infra.Components.Data;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

public sealed partial class GcpCloud
{
    /// <summary>Priority of a data service's deny rule: below every grant (1000), above the implied allow.</summary>
    private const int DenyPriority = 65000;

    private const int GrantPriority = 1000;

    /// <summary>
    /// The customer-managed key of one data service, when its spec asks for one: a key ring and a key in the region,
    /// rotated every 90 days, usable by the named Google service agents only. Null otherwise (Google-managed encryption).
    /// </summary>
    private (CustomResource Key, IReadOnlyList<Resource> Grants)? DataKey(DataService service, DataServiceSpec spec, params string[] serviceAgents)
    {
        if (!spec.CustomerManagedKey)
        {
            return null;
        }

        var (key, grants) = RotatingKey(service, service.CloudResourceName(), serviceAgents.Select(agent => ($"key-{agent}", $"serviceAccount:{ServiceAgent(agent)}")));
        return (key, grants.Cast<Resource>().ToList());
    }

    /// <summary>A Google service agent of the project, e.g. <c>service-123@gcp-sa-cloud-sql.iam.gserviceaccount.com</c>.</summary>
    private string ServiceAgent(string agent) => $"service-{Options.ProjectNumber}@{agent}.iam.gserviceaccount.com";

    /// <summary>
    /// Keeps the connection document in Secret Manager, replicated in the region only and encrypted with the
    /// service's key when it has one.
    /// </summary>
    private Output<string> StoreCredentials(DataService service, DataServiceSpec spec, CustomResource? key, IReadOnlyList<Resource> keyGrants,
        Output<string> document)
    {
        var replica = new Props { ["location"] = Region };
        if (key is not null)
        {
            replica["customerManagedEncryption"] = new Props { ["kmsKeyName"] = key.Id };
        }

        var secret = new CustomResource("gcp:secretmanager/secret:Secret", service.ChildResourceName("credentials"), new Props
        {
            ["secretId"] = $"{service.CloudResourceName()}-credentials",
            ["project"] = Options.Project,
            ["replication"] = new Props { ["userManaged"] = new Props { ["replicas"] = new Input[] { replica } } },
            ["deletionProtection"] = spec.Protect,
        }, service.StatefulChildResourceOptions with { DependsOn = keyGrants });
        _ = new CustomResource("gcp:secretmanager/secretVersion:SecretVersion", service.ChildResourceName("credentials-version"), new Props
        {
            ["secret"] = secret.Id,
            ["secretData"] = document,
        }, service.ChildResourceOptions);
        return secret.Id;
    }

    /// <summary>
    /// Managed services live in Google's peered network, where the consumer network's firewall cannot filter their
    /// ingress. So the service is closed at the clients' side: an egress rule denies every VM and pod of the network
    /// the service's address and port, and each grant adds a higher-priority egress allow for one client.
    /// </summary>
    private FirewallAccess DenyByDefault(DataService service, Output<string> address, int port)
    {
        var destination = Output.Format($"{address}/32");
        _ = new CustomResource("gcp:compute/firewall:Firewall", service.ChildResourceName("deny-clients"), new Props
        {
            ["name"] = ComponentNames.Fit($"{service.CloudResourceName()}-deny", 63),
            ["description"] = $"No client reaches {service.CloudResourceName()} until granted",
            ["network"] = service.Network.NetworkId,
            ["project"] = Options.Project,
            ["direction"] = "EGRESS",
            ["priority"] = DenyPriority,
            ["destinationRanges"] = new Input[] { destination },
            ["denies"] = new Input[] { new Props { ["protocol"] = "tcp", ["ports"] = new[] { Port(port) } } },
            ["logConfig"] = new Props { ["metadata"] = "INCLUDE_ALL_METADATA" },
        }, service.ChildResourceOptions);
        return new FirewallAccess(this, destination, port);
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dedicated service account GKE's nodes (and so their pods' traffic) run as.</summary>
    private static Output<string> NodeServiceAccount(KubernetesCluster cluster) =>
        cluster.CustomResourcesWithin().OfType<CustomResource>()
            .First(r => r.Type == "gcp:serviceaccount/account:Account" && r.Name == $"{cluster.Name}-nodes")
            .GetOutput<string>("email");

    /// <summary>One egress allow per grant, from the client's service account or private ranges to the service's address and port.</summary>
    private sealed class FirewallAccess(GcpCloud cloud, Output<string> destination, int port) : IDataAccess
    {
        public bool Supports(ConnectionSourceKind kind) => kind != ConnectionSourceKind.Pods;

        public string Unsupported(ConnectionSourceKind kind) =>
            "Google Cloud firewall rules cannot tell pods apart: pods reach the service as their nodes' service account; allow the cluster.";

        public void Allow(DataService service, ConnectionSource source)
        {
            var rule = new Props
            {
                ["name"] = ComponentNames.Fit($"{service.CloudResourceName()}-from-{source.Name}", 63),
                ["description"] = $"{source.Name} to {service.CloudResourceName()} on TCP {Port(port)}",
                ["network"] = service.Network.NetworkId,
                ["project"] = cloud.Options.Project,
                ["direction"] = "EGRESS",
                ["priority"] = GrantPriority,
                ["destinationRanges"] = new Input[] { destination },
                ["allows"] = new Input[] { new Props { ["protocol"] = "tcp", ["ports"] = new[] { Port(port) } } },
                ["logConfig"] = new Props { ["metadata"] = "INCLUDE_ALL_METADATA" },
            };
            switch (source.Kind)
            {
                case ConnectionSourceKind.ClusterNodes:
                    rule["targetServiceAccounts"] = new Input[] { NodeServiceAccount(source.Cluster!) };
                    break;
                case ConnectionSourceKind.Identity:
                    rule["targetServiceAccounts"] = new Input[] { source.Identity! };
                    break;
                default:
                    rule["sourceRanges"] = source.Cidrs.ToArray();
                    break;
            }

            _ = new CustomResource("gcp:compute/firewall:Firewall", service.ChildResourceName($"from-{source.Name}"), rule, service.ChildResourceOptions);
        }
    }

    /// <summary>What managed data services wait for: the private services peering and the key grants.</summary>
    private static IReadOnlyList<Resource> ManagedServiceDependencies(DataService service, IReadOnlyList<Resource> keyGrants) =>
        service.Network.ManagedServicesPeering is { } peering ? [peering, .. keyGrants] : keyGrants;
}
