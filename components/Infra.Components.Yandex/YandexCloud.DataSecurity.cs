using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Data;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

public sealed partial class YandexCloud
{
    /// <summary>Yandex Managed Databases keep backups from 7 to 60 days.</summary>
    private const int ManagedMinRetentionDays = 7;

    private const int ManagedMaxRetentionDays = 60;

    /// <summary>
    /// The customer-managed key of one data service, when its spec asks for one: AES-256, rotated yearly, deletion
    /// protected when the service is. Null otherwise (the provider's encryption).
    /// </summary>
    private CustomResource? DataKey(DataService service, DataServiceSpec spec)
    {
        if (!spec.CustomerManagedKey)
        {
            return null;
        }

        return new CustomResource("yandex:index/kmsSymmetricKey:KmsSymmetricKey", service.ChildResourceName("key"), new Props
        {
            ["name"] = service.CloudResourceName(),
            ["description"] = $"Encrypts the disks, backups and credentials of {service.CloudResourceName()}",
            ["folderId"] = Options.FolderId,
            ["defaultAlgorithm"] = "AES_256",
            ["rotationPeriod"] = "8760h",
            ["deletionProtection"] = spec.Protect,
            ["labels"] = Labels(),
        }, service.StatefulChildResourceOptions);
    }

    /// <summary>The service's own security group: no ingress until a grant adds a rule, no egress.</summary>
    private CustomResource DataSecurityGroup(DataService service) =>
        new("yandex:index/vpcSecurityGroup:VpcSecurityGroup", service.ChildResourceName("sg"), new Props
        {
            ["name"] = service.CloudResourceName(),
            ["description"] = $"Clients of {service.CloudResourceName()}; rules are added per granted client",
            ["networkId"] = service.Network.NetworkId,
            ["folderId"] = Options.FolderId,
            ["labels"] = Labels(),
        }, service.ChildResourceOptions);

    /// <summary>Keeps the connection settings in Lockbox, one entry per value, encrypted with the service's key when it has one.</summary>
    private Output<string> StoreCredentials(DataService service, DataServiceSpec spec, CustomResource? key, Output<string> host, int port,
        Output<string> password, Output<string> connectionString)
    {
        var secret = new CustomResource("yandex:index/lockboxSecret:LockboxSecret", service.ChildResourceName("credentials"), new Props
        {
            ["name"] = $"{service.CloudResourceName()}-credentials",
            ["description"] = $"Connection settings and credentials of {service.CloudResourceName()}",
            ["folderId"] = Options.FolderId,
            ["kmsKeyId"] = key is null ? default(Input) : key.Id,
            ["deletionProtection"] = spec.Protect,
            ["labels"] = Labels(),
        }, service.StatefulChildResourceOptions);
        _ = new CustomResource("yandex:index/lockboxSecretVersion:LockboxSecretVersion", service.ChildResourceName("credentials-version"), new Props
        {
            ["secretId"] = secret.Id,
            ["entries"] = Input.List(DataCredentials.SecretEntries(service, host, port, password, connectionString)
                .Select(e => (Input)new Props { ["key"] = e.Key, ["textValue"] = e.Value })),
        }, service.ChildResourceOptions);
        return secret.Id;
    }

    /// <summary>The common placement and safety properties of every managed database cluster.</summary>
    private Props ClusterBase(DataService service, DataServiceSpec spec, CustomResource? key, CustomResource group) => new()
    {
        ["name"] = service.CloudResourceName(),
        ["description"] = $"{spec.Rules.Service} {service.CloudResourceName()}",
        ["environment"] = "PRODUCTION",
        ["folderId"] = Options.FolderId,
        ["networkId"] = service.Network.NetworkId,
        ["securityGroupIds"] = new Input[] { group.Id },
        ["diskEncryptionKeyId"] = key is null ? default(Input) : key.Id,
        ["deletionProtection"] = spec.Protect,
        ["maintenanceWindow"] = MaintenanceWindow(spec),
        ["labels"] = Labels(),
    };

    /// <summary>Yandex numbers the maintenance hour 1–24 (the hour that ends the window's first hour), days MON–SUN.</summary>
    private static Props MaintenanceWindow(DataServiceSpec spec) => new()
    {
        ["type"] = "WEEKLY",
        ["day"] = spec.Maintenance.DayName[..3],
        ["hour"] = spec.Maintenance.StartHourUtc + 1,
    };

    private static Props BackupWindow(DataServiceSpec spec) => new() { ["hours"] = spec.BackupStartHourUtc, ["minutes"] = 0 };

    /// <summary>Every access path other than the security groups closed (policy INF-DATA-006).</summary>
    private static Props ServiceAccessClosed(params string[] paths)
    {
        var access = new Props();
        foreach (var path in paths)
        {
            access[path] = false;
        }

        return access;
    }

    /// <summary>The hosts of a service, one per zone in zone order, each in the network's private subnet of its zone.</summary>
    private static IReadOnlyList<(string Zone, Output<string> SubnetId)> HostPlacements(DataService service, int count)
    {
        var subnets = service.Network.PrivateSubnets;
        return [.. Enumerable.Range(0, count).Select(i => subnets[i % subnets.Count]).Select(s => (s.Zone, s.Id))];
    }

    /// <summary>The special FQDN that always points at the current primary (<c>c-&lt;id&gt;.rw.mdb.yandexcloud.net</c>).</summary>
    private static Output<string> PrimaryHost(CustomResource cluster) => Output.Format($"c-{cluster.Id}.rw.mdb.yandexcloud.net");

    private static IReadOnlyList<string> PrivateRanges(DataService service) => [.. service.Network.PrivateSubnets.Select(s => s.Cidr.ToString())];

    private static Dictionary<DataSize, string> Presets(string family) => new()
    {
        [DataSize.Small] = $"{family}-c2-m8",
        [DataSize.Medium] = $"{family}-c4-m16",
        [DataSize.Large] = $"{family}-c8-m32",
    };

    /// <summary>The security group of the cluster's nodes (the main group of the Yandex cluster realisation).</summary>
    private static Output<string> NodeSecurityGroup(KubernetesCluster cluster) =>
        cluster.CustomResourcesWithin().OfType<CustomResource>()
            .First(r => r.Type == "yandex:index/vpcSecurityGroup:VpcSecurityGroup" && r.Name == $"{cluster.Name}-main-sg")
            .Id;

    /// <summary>
    /// Access through the service's security group: one ingress rule per granted client and port. A cluster is let in by
    /// its nodes' security group and its pod range (pods reach the network with their own addresses).
    /// </summary>
    private sealed class SecurityGroupAccess(CustomResource group, IReadOnlyList<int> ports) : IDataAccess
    {
        public bool Supports(ConnectionSourceKind kind) => kind != ConnectionSourceKind.Pods;

        public string Unsupported(ConnectionSourceKind kind) =>
            "Yandex security groups cannot tell pods apart: pods reach the service from the cluster's range; allow the cluster.";

        public void Allow(DataService service, ConnectionSource source)
        {
            var peers = source.Kind switch
            {
                ConnectionSourceKind.ClusterNodes =>
                [
                    ("securityGroupId", (Input)NodeSecurityGroup(source.Cluster!)),
                    ("v4CidrBlocks", (Input)new[] { source.Cluster!.Network.Spec.PodCidr.ToString() }),
                ],
                ConnectionSourceKind.Identity => [("securityGroupId", (Input)source.Identity!)],
                _ => new List<(string, Input)> { ("v4CidrBlocks", (Input)source.Cidrs.ToArray()) },
            };
            var rules = peers.SelectMany(peer => ports.Select(port => (peer.Item1, peer.Item2, port))).ToList();
            for (var i = 0; i < rules.Count; i++)
            {
                var (field, value, port) = rules[i];
                _ = new CustomResource("yandex:index/vpcSecurityGroupRule:VpcSecurityGroupRule",
                    service.ChildResourceName(rules.Count == 1 ? $"from-{source.Name}" : $"from-{source.Name}-{i + 1}"), new Props
                    {
                        ["securityGroupBinding"] = group.Id,
                        ["direction"] = "ingress",
                        ["description"] = $"{source.Name} to {service.Name} on TCP {port}",
                        ["protocol"] = "TCP",
                        ["port"] = port,
                        [field] = value,
                    }, service.ChildResourceOptions);
            }
        }
    }

    [GeneratedRegex(@"^([a-z][a-z0-9]*[0-9]-c[0-9]+-m[0-9]+|[a-z][0-9]\.[a-z0-9]+)$")]
    private static partial Regex PresetPattern();
}
