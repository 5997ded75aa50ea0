using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Connectivity;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Data;

/// <summary>
/// What every data service has: resolved inputs, connection outputs (host, port, database, user, secret password
/// and connection string), a <see cref="ServiceEndpoint"/> for workloads, and intent-level access grants. A service
/// starts with no ingress; <see cref="AllowConnectionsFrom(KubernetesCluster, string, int)"/> and its overloads add
/// one least-privilege rule each.
/// </summary>
public abstract partial class DataService : PlatformComponent
{
    public const string AccessCode = "INFRA-DATA-008";

    private readonly HashSet<string> grants = new(StringComparer.Ordinal);
    private DataServiceSpec? spec;
    private Network? network;
    private DataServiceOutputs? outputs;

    private protected DataService(string type, string name, Platform platform, ComponentResourceOptions? options, SourceLocation declaredAt)
        : base(type, name, platform, options, declaredAt)
    {
    }

    /// <summary>The resolved inputs: version, class, storage, retention and switches with every default applied.</summary>
    public DataServiceSpec Spec => spec ?? throw NotBuilt();

    /// <summary>The network the service is placed in.</summary>
    public Network Network => network ?? throw NotBuilt();

    /// <summary>Everything the cloud's realisation returned.</summary>
    public DataServiceOutputs Outputs => outputs ?? throw NotBuilt();

    /// <summary>The host name clients connect to.</summary>
    public Output<string> Host => Outputs.Host;

    /// <summary>The TLS port clients connect to.</summary>
    public int Port => Outputs.Port;

    /// <summary>The application database; null for Redis.</summary>
    public string? DatabaseName => Spec.DatabaseName;

    /// <summary>The application user.</summary>
    public string Username => Outputs.Username;

    /// <summary>The application password, secret.</summary>
    public Output<string> Password => Outputs.Password;

    /// <summary>A complete connection URI with TLS required, secret.</summary>
    public Output<string> ConnectionString => Outputs.ConnectionString;

    /// <summary>Where the credentials are kept in the cloud's secret store (or the Kubernetes Secret of an in-cluster service).</summary>
    public Output<string> SecretReference => Outputs.SecretReference;

    /// <summary>The service as workloads see it: host, port, where it lives and its credentials (all secret).</summary>
    public ServiceEndpoint Endpoint => new()
    {
        Name = Name,
        Host = Host,
        Ports = [Port],
        Cidrs = Outputs.InCluster is null ? Outputs.Cidrs : [],
        InCluster = Outputs.InCluster,
        Credentials =
        [
            new("USERNAME", Output.CreateSecret<string>(Username)),
            new("PASSWORD", Password),
            new("URL", ConnectionString),
        ],
    };

    /// <summary>Lets the nodes (and so the pods) of <paramref name="cluster"/> connect.</summary>
    public DataService AllowConnectionsFrom(KubernetesCluster cluster, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AllowConnectionsFrom(ConnectionSource.NodesOf(cluster), file, line);

    /// <summary>Lets private address ranges connect; <paramref name="name"/> names the rule.</summary>
    public DataService AllowConnectionsFrom(string name, IReadOnlyList<string> cidrs, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        AllowConnectionsFrom(ConnectionSource.FromCidrs(name, [.. cidrs ?? []]), file, line);

    /// <summary>
    /// Lets <paramref name="source"/> connect, with the least-privilege rule of this cloud. Granting the same source
    /// name again changes nothing. Problems (a public or malformed range, a source this cloud cannot enforce, a
    /// cluster of another platform) are reported together.
    /// </summary>
    public DataService AllowConnectionsFrom(ConnectionSource source, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new Problems(Name, new SourceLocation(file, line));
        var key = $"AllowConnectionsFrom({source.Name})";
        if (source.Name is null || !RuleNamePattern().IsMatch(source.Name))
        {
            problems.Add(AccessCode, key, source.Name, $"'{source.Name}' cannot name an access rule.",
                "a lower-case letter, then lower-case letters, digits or hyphens, at most 30 characters", "Name the client, e.g. api or vpn.");
        }

        switch (source.Kind)
        {
            case ConnectionSourceKind.ClusterNodes when !ReferenceEquals(source.Cluster!.Platform, Platform):
                problems.Add(AccessCode, key, source.Cluster.Name, $"cluster '{source.Cluster.Name}' is built on another platform.",
                    "the cluster and the data service share one platform (one cloud, one network)", "Pass a cluster of this stack's platform.");
                break;
            case ConnectionSourceKind.Cidrs when source.Cidrs.Count == 0:
                problems.Add(AccessCode, $"{key}.Cidrs", null, "no address range is given.", "at least one private range",
                    "List the ranges, e.g. 10.20.0.0/16.");
                break;
            case ConnectionSourceKind.Cidrs:
                for (var i = 0; i < source.Cidrs.Count; i++)
                {
                    CidrRules.ParsePrivate(problems, $"{key}.Cidrs[{i}]", source.Cidrs[i], 8, 32, "10.20.0.0/16");
                }

                break;
            case ConnectionSourceKind.Pods when source.Pods is not { } pods || !NamespacePattern().IsMatch(pods.Namespace ?? ""):
                problems.Add(AccessCode, $"{key}.Namespace", source.Pods?.Namespace, $"'{source.Pods?.Namespace}' is not a namespace name.",
                    "lower-case letters, digits and hyphens, at most 63 characters", "Give the namespace the client pods run in.");
                break;
            default:
                break;
        }

        if (!Outputs.Access.Supports(source.Kind))
        {
            problems.Add(AccessCode, key, source.Kind.ToString(), Outputs.Access.Unsupported(source.Kind),
                "each cloud enforces the clients it can tell apart", "Allow the cluster, a private range or a cloud identity instead.");
        }

        problems.ThrowIfAny();
        if (grants.Add(source.Name!))
        {
            Outputs.Access.Allow(this, source);
        }

        return this;
    }

    /// <summary>Resolves the spec, lets the cloud build the service, and registers the outputs. Called once by each engine's constructor.</summary>
    private protected void Build(DataEngine engine, DataServiceArgs args, Func<EngineRules> rules, Func<DataServiceSpec, DataServiceOutputs> create)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(args.Network);
        if (!ReferenceEquals(args.Network.Platform, Platform))
        {
            throw new ArgumentException($"Data service '{Name}' and network '{args.Network.Name}' are built on different platforms; pass the network's platform.", nameof(args));
        }

        network = args.Network;
        spec = DataServiceSpecs.Resolve(Name, engine, args, Settings, rules(), DeclaredAt);
        outputs = create(spec);
        RegisterOutputs(new Dictionary<string, Input>
        {
            ["host"] = Host,
            ["port"] = Port,
            ["database"] = DatabaseName,
            ["username"] = Username,
            ["password"] = Password,
            ["connectionString"] = ConnectionString,
            ["secretReference"] = SecretReference,
        });
    }

    private InvalidOperationException NotBuilt() => new($"Data service '{Name}' is still being built; its outputs exist once its constructor returns.");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,29}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex NamespacePattern();
}
