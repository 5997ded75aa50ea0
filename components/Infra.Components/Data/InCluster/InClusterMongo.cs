using System.Globalization;
using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// The MongoDB fallback for clouds without a managed MongoDB: a replica set in the cluster run by the Percona Operator
/// for MongoDB (pinned charts). One member in development, three spread over zones in production; persistent volumes
/// from an encrypted StorageClass; SCRAM users (the operator's system users with generated passwords, and an
/// application user with readWrite on its database only, whose password comes from a Kubernetes Secret); TLS required
/// (certificates issued by the operator, or by cert-manager when it is installed); NetworkPolicies that admit only
/// granted clients. Backups need an object store and are not configured here.
/// </summary>
public static class InClusterMongo
{
    public const int Port = 27017;
    private const string OperatorNamespace = "psmdb-operator";
    private const string ReplicaSet = "rs0";

    /// <summary>What the fallback accepts.</summary>
    public static EngineRules Rules(string cloud) => new()
    {
        Service = $"MongoDB in the cluster (Percona Operator; {cloud} has no managed MongoDB)",
        Versions = [.. PinnedCharts.MongoImages.Keys],
        DefaultVersion = "8.0",
        ClassBySize = InClusterSizes.Names,
        ClassPattern = null,
        ClassDescription = "pod requests follow Size (small: 1 CPU, 2 GiB; medium: 2 CPU, 8 GiB; large: 4 CPU, 16 GiB)",
        Storage = new StorageLimits(10, 16384, 20),
        MaxBackupRetentionDays = 0,
        InCluster = true,
    };

    public static DataServiceOutputs Create(MongoDatabase database, DataServiceSpec spec, EncryptedStorageClass storage)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storage);
        var provider = spec.KubernetesProvider!;
        var k8s = new KubernetesObjects(database, provider);
        var operatorRelease = ClusterAddons.Ensure(provider, PinnedCharts.PerconaMongoOperator.Name, () =>
            k8s.Release("psmdb-operator", "psmdb-operator", PinnedCharts.PerconaMongoOperator, OperatorNamespace, false,
                new Props { ["watchAllNamespaces"] = true }, [InCluster.OperatorNamespace.Create(k8s, OperatorNamespace, [])]));

        var ns = k8s.CreateNamespace(OperatorNamespace);
        var storageClass = k8s.StorageClass(storage);
        var password = DataCredentials.GeneratePassword(database);
        var secretName = $"{database.Name}-app-credentials";
        var secret = k8s.Secret("app-credentials", secretName, [new("password", password)], ns);

        var members = spec.Nodes(3);
        var resources = InClusterSizes.Resources(spec.Size);
        _ = k8s.Release("replica-set", database.Name, PinnedCharts.PerconaMongoDatabase, k8s.Namespace, false, new Props
        {
            ["fullnameOverride"] = database.Name,
            ["image"] = new Props
            {
                ["repository"] = PinnedCharts.MongoImages[spec.Version].Split(':')[0],
                ["tag"] = PinnedCharts.MongoImages[spec.Version].Split(':')[1],
            },
            ["upgradeOptions"] = new Props { ["apply"] = "disabled" },

            // A single member is refused as unsafe unless said so; development accepts it.
            ["unsafeFlags"] = new Props { ["replsetSize"] = members < 3 },
            ["tls"] = new Props { ["mode"] = "requireTLS" },
            ["sharding"] = new Props { ["enabled"] = false },
            ["backup"] = new Props { ["enabled"] = false },
            ["replsets"] = new Props
            {
                [ReplicaSet] = new Props
                {
                    ["name"] = ReplicaSet,
                    ["size"] = members,
                    ["affinity"] = new Props
                    {
                        ["antiAffinityTopologyKey"] = spec.HighAvailability ? "topology.kubernetes.io/zone" : "kubernetes.io/hostname",
                    },
                    ["resources"] = resources,
                    ["volumeSpec"] = new Props
                    {
                        ["pvc"] = new Props
                        {
                            ["storageClassName"] = k8s.StorageClassName,
                            ["resources"] = new Props { ["requests"] = new Props { ["storage"] = $"{spec.StorageGb}Gi" } },
                        },
                    },
                },
            },
            ["users"] = new Input[]
            {
                new Props
                {
                    ["name"] = spec.Username,
                    ["db"] = spec.DatabaseName,
                    ["passwordSecretRef"] = new Props { ["name"] = secretName, ["key"] = "password" },
                    ["roles"] = new Input[] { new Props { ["name"] = "readWrite", ["db"] = spec.DatabaseName } },
                },
            },
        }, [operatorRelease, storageClass, secret], stateful: true);

        var host = Output.Create($"{database.Name}-{ReplicaSet}.{k8s.Namespace}.svc.cluster.local");
        var selector = new InClusterSelector(k8s.Namespace, new Dictionary<string, string>
        {
            ["app.kubernetes.io/instance"] = database.Name,
            ["app.kubernetes.io/component"] = "mongod",
        })
        {
            // The operator issues the replica set's certificates from a CA it keeps in this Secret.
            CaSecretName = $"{database.Name}-ssl",
        };
        return new DataServiceOutputs
        {
            Host = host,
            Port = Port,
            Username = spec.Username!,
            Password = password,
            ConnectionString = ConnectionStrings.Mongo(spec, host, Port, password, spec.DatabaseName!, $"&replicaSet={ReplicaSet}"),
            SecretReference = Output.Create($"{k8s.Namespace}/{secretName}"),
            InCluster = selector,
            Access = new KubernetesNetworkPolicyAccess(k8s, selector, [Port]),
        };
    }
}

/// <summary>Pod requests and limits for in-cluster data services by <see cref="DataSize"/>.</summary>
internal static class InClusterSizes
{
    public static readonly IReadOnlyDictionary<DataSize, string> Names = new Dictionary<DataSize, string>
    {
        [DataSize.Small] = "1cpu-2gi",
        [DataSize.Medium] = "2cpu-8gi",
        [DataSize.Large] = "4cpu-16gi",
    };

    /// <summary>Requests equal to limits for memory (no overcommit for a database), CPU limited at twice the request.</summary>
    public static Props Resources(DataSize size)
    {
        var (cpu, memory) = size switch
        {
            DataSize.Medium => (2, "8Gi"),
            DataSize.Large => (4, "16Gi"),
            _ => (1, "2Gi"),
        };
        return new Props
        {
            ["requests"] = new Props { ["cpu"] = cpu.ToString(CultureInfo.InvariantCulture), ["memory"] = memory },
            ["limits"] = new Props { ["cpu"] = (cpu * 2).ToString(CultureInfo.InvariantCulture), ["memory"] = memory },
        };
    }
}
