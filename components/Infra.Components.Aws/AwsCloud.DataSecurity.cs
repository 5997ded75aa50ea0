using Infra.Components.Clusters;
using Infra.Components.Data;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Aws;

public sealed partial class AwsCloud
{
    /// <summary>Data-service knobs only AWS has. Default: RDS for PostgreSQL instances.</summary>
    public AwsDataOptions Data { get; init; } = new();

    /// <summary>
    /// The customer-managed key of one data service, when its spec asks for one: rotated yearly, administered by the
    /// account through IAM only (no wildcard principal), with the configured deletion window. Null otherwise (the
    /// service then uses its AWS-managed key).
    /// </summary>
    private CustomResource? DataKey(DataService service, DataServiceSpec spec)
    {
        if (!spec.CustomerManagedKey)
        {
            return null;
        }

        var key = new CustomResource("aws:kms/key:Key", service.ChildResourceName("key"), new Props
        {
            ["description"] = $"Encrypts the data, backups and credentials of {service.CloudResourceName()}",
            ["enableKeyRotation"] = true,
            ["rotationPeriodInDays"] = 365,
            ["deletionWindowInDays"] = Options.KmsDeletionWindowDays,
            ["policy"] = Output.JsonSerialize(new Props
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new Input[]
                {
                    new Props
                    {
                        ["Sid"] = "AccountAdministersKeyThroughIam",
                        ["Effect"] = "Allow",
                        ["Principal"] = new Props { ["AWS"] = Output.Format($"arn:aws:iam::{AccountId}:root") },
                        ["Action"] = "kms:*",
                        ["Resource"] = "*",
                    },
                },
            }),
            ["tags"] = NameTag(service.CloudResourceName()),
        }, service.StatefulChildResourceOptions);
        _ = new CustomResource("aws:kms/alias:Alias", service.ChildResourceName("key-alias"), new Props
        {
            ["name"] = $"alias/{service.CloudResourceName()}",
            ["targetKeyId"] = key.Id,
        }, service.ChildResourceOptions);
        return key;
    }

    /// <summary>The service's own security group: no ingress until a grant adds a rule, and no egress (the provider removes AWS's default).</summary>
    private static CustomResource DataSecurityGroup(DataService service)
    {
        var name = service.CloudResourceName();
        return new CustomResource("aws:ec2/securityGroup:SecurityGroup", service.ChildResourceName("sg"), new Props
        {
            ["name"] = name,
            ["description"] = $"Clients of {name}; rules are added per granted client",
            ["vpcId"] = service.Network.NetworkId,
            ["revokeRulesOnDelete"] = true,
            ["tags"] = NameTag(name),
        }, service.ChildResourceOptions);
    }

    /// <summary>Keeps the connection document in Secrets Manager (encrypted with the service's key when it has one).</summary>
    private static Output<string> StoreCredentials(DataService service, DataServiceSpec spec, CustomResource? key, Output<string> document)
    {
        var secret = new CustomResource("aws:secretsmanager/secret:Secret", service.ChildResourceName("credentials"), new Props
        {
            ["name"] = $"{service.CloudResourceName()}/credentials",
            ["description"] = $"Connection settings and credentials of {service.CloudResourceName()}",
            ["kmsKeyId"] = KeyArn(key),
            ["recoveryWindowInDays"] = spec.Protect ? 30 : 7,
            ["tags"] = NameTag(service.CloudResourceName()),
        }, service.StatefulChildResourceOptions);
        _ = new CustomResource("aws:secretsmanager/secretVersion:SecretVersion", service.ChildResourceName("credentials-version"), new Props
        {
            ["secretId"] = secret.Id,
            ["secretString"] = document,
        }, service.ChildResourceOptions);
        return secret.GetOutput<string>("arn");
    }

    /// <summary>The backup window (one hour, daily) and the maintenance window (one hour, weekly), in RDS syntax.</summary>
    private static (string Backup, string Maintenance) Windows(DataServiceSpec spec)
    {
        var backup = spec.BackupStartHourUtc;
        var start = spec.Maintenance.StartHourUtc;
        var day = spec.Maintenance.Day;
        var endDay = start == 23 ? (DayOfWeek)(((int)day + 1) % 7) : day;
        return ($"{backup:00}:00-{(backup + 1) % 24:00}:00", $"{Short(day)}:{start:00}:00-{Short(endDay)}:{(start + 1) % 24:00}:00");
    }

    private static string Short(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    /// <summary>The ARN of the service's key, or absent when the service uses its AWS-managed key.</summary>
    private static Input KeyArn(CustomResource? key) => key is null ? default(Input) : key.GetOutput<string>("arn");

    /// <summary>The network's DB subnet group (the AWS network always has one).</summary>
    private static Output<string> DatabaseSubnetGroup(DataService service) => service.Network.DatabaseSubnetGroupName
        ?? throw new InvalidOperationException($"Network '{service.Network.Name}' has no DB subnet group; it was not built by the AWS realisation.");

    /// <summary>An identifier within the service's limit, e.g. 40 characters for ElastiCache.</summary>
    private static string Identifier(DataService service, int maxLength) => ComponentNames.Fit(service.CloudResourceName(), maxLength);

    /// <summary>The private ranges the service lives in.</summary>
    private static IReadOnlyList<string> PrivateRanges(Network network) => [.. network.PrivateSubnets.Select(s => s.Cidr.ToString())];

    /// <summary>
    /// The security group EKS attaches to the nodes of its managed node groups (their launch templates name none),
    /// and with it, through the VPC CNI, to the pods.
    /// </summary>
    private static Output<string> NodeSecurityGroup(KubernetesCluster cluster) =>
        cluster.CustomResourcesWithin().OfType<CustomResource>().First(r => r.Type == "aws:eks/cluster:Cluster")
            .GetOutput<string>("vpcConfig.clusterSecurityGroupId");

    /// <summary>Access through the service's security group: one ingress rule per granted client and port, from a group or a private range.</summary>
    private sealed class SecurityGroupAccess(CustomResource group, IReadOnlyList<int> ports) : IDataAccess
    {
        public bool Supports(ConnectionSourceKind kind) => kind != ConnectionSourceKind.Pods;

        public string Unsupported(ConnectionSourceKind kind) =>
            "AWS security groups cannot tell pods apart: pods reach the service through their cluster's security group; allow the cluster.";

        public void Allow(DataService service, ConnectionSource source)
        {
            var peers = source.Kind switch
            {
                ConnectionSourceKind.ClusterNodes => [("referencedSecurityGroupId", (Input)NodeSecurityGroup(source.Cluster!))],
                ConnectionSourceKind.Identity => [("referencedSecurityGroupId", (Input)source.Identity!)],
                _ => source.Cidrs.Select(cidr => ("cidrIpv4", (Input)cidr)).ToList(),
            };
            var rules = peers.SelectMany(peer => ports.Select(port => (peer.Item1, peer.Item2, port))).ToList();
            for (var i = 0; i < rules.Count; i++)
            {
                var (field, value, port) = rules[i];
                var suffix = rules.Count == 1 ? $"from-{source.Name}" : $"from-{source.Name}-{i + 1}";
                _ = new CustomResource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", service.ChildResourceName(suffix), new Props
                {
                    ["securityGroupId"] = group.Id,
                    ["description"] = $"{source.Name} to {service.Name} on TCP {port}",
                    ["ipProtocol"] = "tcp",
                    ["fromPort"] = port,
                    ["toPort"] = port,
                    [field] = value,
                    ["tags"] = NameTag($"{service.CloudResourceName()}-from-{source.Name}"),
                }, service.ChildResourceOptions);
            }
        }
    }
}
