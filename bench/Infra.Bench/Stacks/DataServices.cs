using Infra.Components.Connectivity;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Bench.Stacks;

/// <summary>
/// Managed data services as raw AWS resources, configured as the policy pack requires in production
/// (private, encrypted with a rotated customer key, backed up, protected), each returning the endpoint a
/// workload connects to.
/// </summary>
internal static class DataServices
{
    private const string VpcId = "vpc-0a1b2c3d4e5f60789";
    private const string DataCidr = "10.20.0.0/24";
    private const string AppCidr = "10.10.0.0/16";

    private static readonly string[] PrivateSubnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"];

    private static readonly CustomResourceOptions Protected = new() { Protect = true };

    /// <summary>Postgres on RDS: key, security group, TLS-only parameter group, instance and its generated password.</summary>
    public static ServiceEndpoint Postgres(string name)
    {
        var key = Key(name);
        var group = SecurityGroup(name, 5432);
        var parameters = new CustomResource("aws:rds/parameterGroup:ParameterGroup", $"{name}-params", new Props
        {
            ["family"] = "postgres16",
            ["parameters"] = Input.List(new Props { ["name"] = "rds.force_ssl", ["value"] = "1" }),
        });
        var password = new CustomResource("random:index/randomPassword:RandomPassword", $"{name}-password",
            new Props { ["length"] = 32, ["special"] = false });
        var instance = new CustomResource("aws:rds/instance:Instance", name, new Props
        {
            ["engine"] = "postgres",
            ["engineVersion"] = "16.4",
            ["instanceClass"] = "db.r6g.large",
            ["allocatedStorage"] = 100,
            ["username"] = "app",
            ["password"] = Output.CreateSecret<string>(password.GetOutput<string>("result")),
            ["parameterGroupName"] = parameters.GetOutput<string>("name"),
            ["vpcSecurityGroupIds"] = Input.List(group.Id),
            ["publiclyAccessible"] = false,
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = key.GetOutput<string>("arn"),
            ["multiAz"] = true,
            ["backupRetentionPeriod"] = 14,
            ["deletionProtection"] = true,
            ["autoMinorVersionUpgrade"] = true,
            ["caCertIdentifier"] = "rds-ca-rsa2048-g1",
            ["iamDatabaseAuthenticationEnabled"] = true,
            ["enabledCloudwatchLogsExports"] = new[] { "postgresql", "upgrade" },
            ["copyTagsToSnapshot"] = true,
            ["tags"] = new Props { ["service"] = name },
        }, Protected);
        return new ServiceEndpoint
        {
            Name = "db",
            Host = instance.GetOutput<string>("address"),
            Ports = [5432],
            Cidrs = [DataCidr],
            Credentials = [new("USERNAME", Output.CreateSecret<string>("app")), new("PASSWORD", password.GetOutput<string>("result"))],
        };
    }

    /// <summary>Redis on ElastiCache: key, security group, subnet group, replication group and its auth token.</summary>
    public static ServiceEndpoint Redis(string name)
    {
        var key = Key(name);
        var group = SecurityGroup(name, 6379);
        var subnets = new CustomResource("aws:elasticache/subnetGroup:SubnetGroup", $"{name}-subnets", new Props
        {
            ["description"] = $"Private subnets of {name}",
            ["subnetIds"] = PrivateSubnets,
        });
        var token = new CustomResource("random:index/randomPassword:RandomPassword", $"{name}-token",
            new Props { ["length"] = 48, ["special"] = false });
        var cache = new CustomResource("aws:elasticache/replicationGroup:ReplicationGroup", name, new Props
        {
            ["description"] = $"Cache of {name}",
            ["engine"] = "redis",
            ["engineVersion"] = "7.1",
            ["nodeType"] = "cache.r7g.large",
            ["numCacheClusters"] = 2,
            ["automaticFailoverEnabled"] = true,
            ["multiAzEnabled"] = true,
            ["atRestEncryptionEnabled"] = true,
            ["transitEncryptionEnabled"] = true,
            ["kmsKeyId"] = key.GetOutput<string>("arn"),
            ["authToken"] = Output.CreateSecret<string>(token.GetOutput<string>("result")),
            ["securityGroupIds"] = Input.List(group.Id),
            ["subnetGroupName"] = subnets.GetOutput<string>("name"),
            ["snapshotRetentionLimit"] = 7,
            ["autoMinorVersionUpgrade"] = true,
            ["tags"] = new Props { ["service"] = name },
        }, Protected);
        return new ServiceEndpoint
        {
            Name = "cache",
            Host = cache.GetOutput<string>("primaryEndpointAddress"),
            Ports = [6379],
            Cidrs = [DataCidr],
            Credentials = [new("TOKEN", token.GetOutput<string>("result"))],
        };
    }

    private static CustomResource Key(string name) => new("aws:kms/key:Key", $"{name}-key", new Props
    {
        ["description"] = $"Encrypts {name}",
        ["enableKeyRotation"] = true,
        ["deletionWindowInDays"] = 30,
    }, Protected);

    private static CustomResource SecurityGroup(string name, int port) => new("aws:ec2/securityGroup:SecurityGroup", $"{name}-sg", new Props
    {
        ["description"] = $"Clients of {name}",
        ["vpcId"] = VpcId,
        ["ingress"] = Input.List(new Props
        {
            ["description"] = "Application subnets",
            ["protocol"] = "tcp",
            ["fromPort"] = port,
            ["toPort"] = port,
            ["cidrBlocks"] = new[] { AppCidr },
        }),
    });
}
