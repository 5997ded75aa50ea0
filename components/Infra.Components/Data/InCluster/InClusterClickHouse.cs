using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// The ClickHouse fallback for clouds without a managed ClickHouse: a ClickHouseInstallation run by the Altinity
/// operator (pinned chart; the installation is a custom resource, declared through a ConfigGroup because Pulumi YAML
/// has no CustomResource). One replica in development; in production two replicas spread over zones with a
/// three-node ClickHouse Keeper. Volumes come from an encrypted StorageClass. TLS: cert-manager (pinned chart) issues
/// a namespace CA and a server certificate; clients use the TLS ports 9440 (native) and 8443 (HTTPS) only — the
/// plain ports stay open to the operator's namespace alone. The application user's password comes from a Kubernetes
/// Secret, and the user is granted its database only. Backups need an object store and are not configured here.
/// </summary>
public static class InClusterClickHouse
{
    public const int NativeTlsPort = 9440;
    public const int HttpsPort = 8443;
    private const string OperatorNamespace = "clickhouse-operator";
    private const string CertManagerNamespace = "cert-manager";
    private const string CertificateDirectory = "/etc/clickhouse-server/tls";

    /// <summary>What the fallback accepts.</summary>
    public static EngineRules Rules(string cloud) => new()
    {
        Service = $"ClickHouse in the cluster (Altinity operator; {cloud} has no managed ClickHouse)",
        Versions = [.. PinnedCharts.ClickHouseImages.Keys],
        DefaultVersion = "25.8",
        ClassBySize = InClusterSizes.Names,
        ClassPattern = null,
        ClassDescription = "pod requests follow Size (small: 1 CPU, 2 GiB; medium: 2 CPU, 8 GiB; large: 4 CPU, 16 GiB)",
        Storage = new StorageLimits(10, 16384, 20),
        MaxBackupRetentionDays = 0,
        InCluster = true,
    };

    public static DataServiceOutputs Create(ClickHouseDatabase database, DataServiceSpec spec, EncryptedStorageClass storage)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storage);
        var provider = spec.KubernetesProvider!;
        var k8s = new KubernetesObjects(database, provider);
        var operatorRelease = ClusterAddons.Ensure(provider, PinnedCharts.AltinityClickHouseOperator.Name, () =>
            k8s.Release("clickhouse-operator", "clickhouse-operator", PinnedCharts.AltinityClickHouseOperator, OperatorNamespace, false, new Props(),
                [InCluster.OperatorNamespace.Create(k8s, OperatorNamespace, [9443])]));
        var certManager = ClusterAddons.Ensure(provider, PinnedCharts.CertManager.Name, () =>
            k8s.Release("cert-manager", "cert-manager", PinnedCharts.CertManager, CertManagerNamespace, false,
                new Props { ["crds"] = new Props { ["enabled"] = true } }, [InCluster.OperatorNamespace.Create(k8s, CertManagerNamespace, [10250])]));

        var ns = k8s.CreateNamespace(OperatorNamespace);
        var storageClass = k8s.StorageClass(storage);
        var name = database.Name;
        var certificates = k8s.Objects("tls", Certificates(name, k8s.Namespace), [certManager, ns]);
        var password = DataCredentials.GeneratePassword(database);
        var secretName = $"{name}-app-credentials";
        var secret = k8s.Secret("app-credentials", secretName, [new("password", password)], ns);

        var objects = new List<Props>();
        if (spec.HighAvailability)
        {
            objects.Add(Keeper(name, k8s, spec));
        }

        objects.Add(Installation(name, k8s, spec, secretName, [database.Network.Spec.Cidr.ToString(), database.Network.Spec.PodCidr.ToString()]));
        _ = k8s.Objects("installation", objects, [operatorRelease, storageClass, certificates, secret], stateful: true);

        var host = Output.Create($"clickhouse-{name}.{k8s.Namespace}.svc.cluster.local");
        var selector = new InClusterSelector(k8s.Namespace, new Dictionary<string, string> { ["clickhouse.altinity.com/chi"] = name })
        {
            CaSecretName = $"{name}-ca",
        };
        return new DataServiceOutputs
        {
            Host = host,
            Port = NativeTlsPort,
            Username = spec.Username!,
            Password = password,
            ConnectionString = ConnectionStrings.ClickHouse(spec.Username!, spec, host, NativeTlsPort, password),
            SecretReference = Output.Create($"{k8s.Namespace}/{secretName}"),
            InCluster = selector,
            Access = new KubernetesNetworkPolicyAccess(k8s, selector, [NativeTlsPort, HttpsPort]),
        };
    }

    /// <summary>A self-signed issuer bootstraps a namespace CA, whose issuer signs the server certificate (renewed by cert-manager).</summary>
    private static IEnumerable<Props> Certificates(string name, string ns)
    {
        yield return CertManagerObject("Issuer", $"{name}-selfsigned", ns, new Props { ["selfSigned"] = new Props() });
        yield return CertManagerObject("Certificate", $"{name}-ca", ns, new Props
        {
            ["isCA"] = true,
            ["commonName"] = $"{name}-ca",
            ["secretName"] = $"{name}-ca",
            ["duration"] = "87600h",
            ["privateKey"] = new Props { ["algorithm"] = "ECDSA", ["size"] = 256 },
            ["issuerRef"] = new Props { ["name"] = $"{name}-selfsigned", ["kind"] = "Issuer", ["group"] = "cert-manager.io" },
        });
        yield return CertManagerObject("Issuer", $"{name}-ca", ns, new Props { ["ca"] = new Props { ["secretName"] = $"{name}-ca" } });
        yield return CertManagerObject("Certificate", $"{name}-tls", ns, new Props
        {
            ["secretName"] = $"{name}-tls",
            ["duration"] = "2160h",
            ["renewBefore"] = "360h",
            ["dnsNames"] = new[]
            {
                $"clickhouse-{name}.{ns}.svc",
                $"clickhouse-{name}.{ns}.svc.cluster.local",
                $"*.{ns}.svc",
                $"*.{ns}.svc.cluster.local",
            },
            ["privateKey"] = new Props { ["algorithm"] = "ECDSA", ["size"] = 256, ["rotationPolicy"] = "Always" },
            ["issuerRef"] = new Props { ["name"] = $"{name}-ca", ["kind"] = "Issuer", ["group"] = "cert-manager.io" },
        });
    }

    private static Props CertManagerObject(string kind, string name, string ns, Props spec) => new()
    {
        ["apiVersion"] = "cert-manager.io/v1",
        ["kind"] = kind,
        ["metadata"] = new Props { ["name"] = name, ["namespace"] = ns },
        ["spec"] = spec,
    };

    private static Props Installation(string name, KubernetesObjects k8s, DataServiceSpec spec, string secretName, string[] clientRanges)
    {
        var user = spec.Username!;
        var configuration = new Props
        {
            ["settings"] = new Props
            {
                ["https_port"] = HttpsPort,
                ["tcp_port_secure"] = NativeTlsPort,
                ["openSSL/server/certificateFile"] = $"{CertificateDirectory}/tls.crt",
                ["openSSL/server/privateKeyFile"] = $"{CertificateDirectory}/tls.key",
                ["openSSL/server/caConfig"] = $"{CertificateDirectory}/ca.crt",
                ["openSSL/server/verificationMode"] = "none",
            },
            ["users"] = new Props
            {
                [$"{user}/password"] = new Props
                {
                    ["valueFrom"] = new Props { ["secretKeyRef"] = new Props { ["name"] = secretName, ["key"] = "password" } },
                },

                // Clients are pods and nodes of the cluster; the NetworkPolicies narrow that to granted clients.
                [$"{user}/networks/ip"] = clientRanges,
                [$"{user}/profile"] = "default",
                [$"{user}/quota"] = "default",
                [$"{user}/grants/query"] = new[] { $"GRANT ALL ON {spec.DatabaseName}.*" },
            },
            ["clusters"] = new Input[]
            {
                new Props
                {
                    ["name"] = "main",
                    ["layout"] = new Props { ["shardsCount"] = 1, ["replicasCount"] = spec.Nodes(2) },
                },
            },
        };
        if (spec.HighAvailability)
        {
            configuration["zookeeper"] = new Props
            {
                ["nodes"] = new Input[] { new Props { ["host"] = $"keeper-{name}-keeper", ["port"] = 2181 } },
            };
        }

        return new Props
        {
            ["apiVersion"] = "clickhouse.altinity.com/v1",
            ["kind"] = "ClickHouseInstallation",
            ["metadata"] = new Props { ["name"] = name, ["namespace"] = k8s.Namespace },
            ["spec"] = new Props
            {
                ["defaults"] = new Props
                {
                    ["templates"] = new Props { ["podTemplate"] = "clickhouse", ["dataVolumeClaimTemplate"] = "data" },
                },
                ["configuration"] = configuration,
                ["templates"] = new Props
                {
                    ["podTemplates"] = new Input[] { PodTemplate(name, spec) },
                    ["volumeClaimTemplates"] = new Input[] { VolumeClaim(k8s, spec, spec.StorageGb ?? 20) },
                },
            },
        };
    }

    private static Props PodTemplate(string name, DataServiceSpec spec)
    {
        var template = new Props
        {
            ["name"] = "clickhouse",
            ["spec"] = new Props
            {
                ["containers"] = new Input[]
                {
                    new Props
                    {
                        ["name"] = "clickhouse",
                        ["image"] = PinnedCharts.ClickHouseImages[spec.Version],
                        ["resources"] = InClusterSizes.Resources(spec.Size),
                        ["volumeMounts"] = new Input[]
                        {
                            new Props { ["name"] = "tls", ["mountPath"] = CertificateDirectory, ["readOnly"] = true },
                        },
                    },
                },
                ["volumes"] = new Input[]
                {
                    new Props { ["name"] = "tls", ["secret"] = new Props { ["secretName"] = $"{name}-tls" } },
                },
            },
        };
        if (spec.HighAvailability)
        {
            template["podDistribution"] = new Input[] { new Props { ["type"] = "ReplicaAntiAffinity", ["topologyKey"] = "topology.kubernetes.io/zone" } };
        }

        return template;
    }

    private static Props VolumeClaim(KubernetesObjects k8s, DataServiceSpec spec, int sizeGb) => new()
    {
        ["name"] = "data",
        ["reclaimPolicy"] = spec.Protect ? "Retain" : "Delete",
        ["spec"] = new Props
        {
            ["accessModes"] = new[] { "ReadWriteOnce" },
            ["storageClassName"] = k8s.StorageClassName,
            ["resources"] = new Props { ["requests"] = new Props { ["storage"] = $"{sizeGb}Gi" } },
        },
    };

    private static Props Keeper(string name, KubernetesObjects k8s, DataServiceSpec spec) => new()
    {
        ["apiVersion"] = "clickhouse-keeper.altinity.com/v1",
        ["kind"] = "ClickHouseKeeperInstallation",
        ["metadata"] = new Props { ["name"] = $"{name}-keeper", ["namespace"] = k8s.Namespace },
        ["spec"] = new Props
        {
            ["defaults"] = new Props
            {
                ["templates"] = new Props { ["podTemplate"] = "keeper", ["volumeClaimTemplate"] = "data" },
            },
            ["configuration"] = new Props
            {
                ["clusters"] = new Input[] { new Props { ["name"] = "keeper", ["layout"] = new Props { ["replicasCount"] = 3 } } },
            },
            ["templates"] = new Props
            {
                ["podTemplates"] = new Input[]
                {
                    new Props
                    {
                        ["name"] = "keeper",
                        ["podDistribution"] = new Input[] { new Props { ["type"] = "ReplicaAntiAffinity", ["topologyKey"] = "topology.kubernetes.io/zone" } },
                        ["spec"] = new Props
                        {
                            ["containers"] = new Input[]
                            {
                                new Props { ["name"] = "clickhouse-keeper", ["image"] = PinnedCharts.KeeperImages[spec.Version] },
                            },
                        },
                    },
                },
                ["volumeClaimTemplates"] = new Input[] { VolumeClaim(k8s, spec, 10) },
            },
        },
    };
}
