using System.Globalization;
using Infra.Components.Connectivity;
using Infra.Components.Kubernetes.Internal;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes;

/// <summary>A <see cref="WorkloadArgs"/> with every default applied and every rule checked: the one place defaults live.</summary>
internal sealed record WorkloadSpec
{
    public required WorkloadArgs Args { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> SelectorLabels { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The metrics port, or null when scraping is off.</summary>
    public required int? MetricsPort { get; init; }

    public required string StartupPath { get; init; }

    /// <summary>Plain environment variables (args' Config plus endpoint hosts and ports), in ordinal order.</summary>
    public required IReadOnlyList<KeyValuePair<string, Input>> ConfigEntries { get; init; }

    /// <summary>Secret environment variables (args' Secrets plus endpoint credentials), in ordinal order.</summary>
    public required IReadOnlyList<KeyValuePair<string, Output<string>>> SecretEntries { get; init; }

    /// <summary>What the endpoints' cloud identities need on the ServiceAccount, merged.</summary>
    public required IReadOnlyDictionary<string, Output<string>> ServiceAccountAnnotations { get; init; }

    /// <summary>Node-local credential endpoints the endpoints' cloud identities need, each once.</summary>
    public required IReadOnlyList<NetworkDestination> CredentialEndpoints { get; init; }

    public static WorkloadSpec Resolve(string componentName, WorkloadArgs args, ArgsProblems problems)
    {
        var name = args.Name ?? componentName;
        if (args.Namespace is null)
        {
            problems.Add("WorkloadArgs.Namespace", null, "WorkloadArgs.Namespace is null.", "a workload runs in an Infra Namespace (default-deny, quotas)",
                "Create a Namespace component and pass it.");
        }

        if (!KubernetesNames.IsLabel(name))
        {
            problems.Add("WorkloadArgs.Name", name, $"WorkloadArgs.Name '{name}' is not a valid Kubernetes name.",
                KubernetesNames.LabelRule, "Use a name such as 'frontend' or 'api-gateway'.");
        }

        if (ImageReference.Problem(args.Image) is { } imageProblem)
        {
            problems.Add("WorkloadArgs.Image", args.Image, $"WorkloadArgs.Image '{args.Image}' {imageProblem}.", ImageReference.Rule,
                "Pin a version tag (e.g. 'ghcr.io/acme/shop:1.4.2') or a digest ('ghcr.io/acme/shop@sha256:…').");
        }

        EndpointRules.CheckPort(problems, "WorkloadArgs.Port", args.Port);
        EndpointRules.CheckPort(problems, "WorkloadArgs.ServicePort", args.ServicePort);
        if (args.MetricsPort is { } metricsPort)
        {
            EndpointRules.CheckPort(problems, "WorkloadArgs.MetricsPort", metricsPort);
        }

        CheckReplicas(args, problems);
        CheckUtilization(problems, "WorkloadArgs.TargetCpuUtilization", args.TargetCpuUtilization);
        CheckUtilization(problems, "WorkloadArgs.TargetMemoryUtilization", args.TargetMemoryUtilization);
        NamespaceSpec.CheckQuantity(problems, "WorkloadArgs.CpuRequest", args.CpuRequest);
        NamespaceSpec.CheckQuantity(problems, "WorkloadArgs.MemoryRequest", args.MemoryRequest);
        NamespaceSpec.CheckQuantity(problems, "WorkloadArgs.MemoryLimit", args.MemoryLimit);
        if (args.CpuLimit is not null)
        {
            NamespaceSpec.CheckQuantity(problems, "WorkloadArgs.CpuLimit", args.CpuLimit);
        }

        if (args.RunAsUser < 1)
        {
            problems.Add("WorkloadArgs.RunAsUser", args.RunAsUser.ToString(CultureInfo.InvariantCulture),
                $"WorkloadArgs.RunAsUser {args.RunAsUser} is root or invalid.", "containers run as a non-root user (INF-WL-003)",
                "Use the image's non-root user id, e.g. 10001.");
        }

        CheckProbes(args.Probes, problems);
        CheckPaths(args, problems);
        var (config, secrets) = Environment(args, problems);

        var selector = new Dictionary<string, string> { [K8s.NameLabel] = name };
        var labels = new Dictionary<string, string>(args.Labels) { [K8s.NameLabel] = name, [K8s.ManagedByLabel] = "infra" };
        return new WorkloadSpec
        {
            Args = args,
            Name = name,
            SelectorLabels = selector,
            Labels = labels,
            MetricsPort = args.MetricsPath is null ? null : args.MetricsPort ?? args.Port,
            StartupPath = args.Probes.StartupPath ?? args.Probes.LivenessPath,
            ConfigEntries = config,
            SecretEntries = secrets,
            ServiceAccountAnnotations = Internal.ServiceAccountAnnotations.Merge(problems, "the workload",
                args.ConnectsTo.Select((e, i) => ($"WorkloadArgs.ConnectsTo[{i}]", e?.ServiceAccountAnnotations ?? new Dictionary<string, Output<string>>())),
                "Grant every service this workload uses to the same WorkloadIdentity."),
            CredentialEndpoints = [.. args.ConnectsTo.Where(e => e is not null).SelectMany(e => e.CredentialEndpoints).Distinct()],
        };
    }

    private static void CheckReplicas(WorkloadArgs args, ArgsProblems problems)
    {
        if (args.MinReplicas < 1)
        {
            problems.Add("WorkloadArgs.MinReplicas", args.MinReplicas.ToString(CultureInfo.InvariantCulture),
                $"WorkloadArgs.MinReplicas is {args.MinReplicas}; the autoscaler needs at least 1.", "1 ≤ MinReplicas ≤ MaxReplicas",
                "Set MinReplicas to 2 or more for a service that must survive a node drain.");
        }

        if (args.MinReplicas > args.MaxReplicas)
        {
            problems.Add("WorkloadArgs.MaxReplicas", args.MaxReplicas.ToString(CultureInfo.InvariantCulture),
                $"WorkloadArgs.MinReplicas ({args.MinReplicas}) is greater than WorkloadArgs.MaxReplicas ({args.MaxReplicas}).",
                "1 ≤ MinReplicas ≤ MaxReplicas", "Raise MaxReplicas or lower MinReplicas.");
        }
    }

    private static void CheckUtilization(ArgsProblems problems, string key, int percent)
    {
        if (percent is < 1 or > 100)
        {
            problems.Add(key, percent.ToString(CultureInfo.InvariantCulture), $"{key} {percent} is not a percentage of the request.",
                "1 to 100", "Use e.g. 70 for CPU and 80 for memory.");
        }
    }

    private static void CheckProbes(WorkloadProbes probes, ArgsProblems problems)
    {
        foreach (var (key, path) in new[]
        {
            ("WorkloadArgs.Probes.LivenessPath", probes.LivenessPath),
            ("WorkloadArgs.Probes.ReadinessPath", probes.ReadinessPath),
            ("WorkloadArgs.Probes.StartupPath", probes.StartupPath ?? "/"),
        })
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                problems.Add(key, path, $"{key} '{path}' is not an HTTP path.", "a path starting with '/'", "Write e.g. '/healthz'.");
            }
        }

        if (probes.StartupSeconds < 10)
        {
            problems.Add("WorkloadArgs.Probes.StartupSeconds", probes.StartupSeconds.ToString(CultureInfo.InvariantCulture),
                $"WorkloadArgs.Probes.StartupSeconds {probes.StartupSeconds} leaves no time to start.", "at least 10 seconds",
                "Give the longest start-up the service needs, e.g. 150.");
        }
    }

    private static void CheckPaths(WorkloadArgs args, ArgsProblems problems)
    {
        for (var i = 0; i < args.WritablePaths.Count; i++)
        {
            var path = args.WritablePaths[i];
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                problems.Add($"WorkloadArgs.WritablePaths[{i}]", path, $"WorkloadArgs.WritablePaths[{i}] '{path}' is not an absolute path.",
                    "absolute directory paths", "Write e.g. '/tmp' or '/var/cache/app'.");
            }
        }

        if (args.MetricsPath is { } metrics && (metrics.Length == 0 || metrics[0] != '/'))
        {
            problems.Add("WorkloadArgs.MetricsPath", metrics, $"WorkloadArgs.MetricsPath '{metrics}' is not an HTTP path.",
                "a path starting with '/', or null to turn scraping off", "Write e.g. '/metrics'.");
        }
    }

    private static (List<KeyValuePair<string, Input>> Config, List<KeyValuePair<string, Output<string>>> Secrets) Environment(
        WorkloadArgs args, ArgsProblems problems)
    {
        var config = new SortedDictionary<string, Input>(StringComparer.Ordinal);
        var secrets = new SortedDictionary<string, Output<string>>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);

        void Claim(string variable, string from)
        {
            if (!KubernetesNames.IsEnvName(variable))
            {
                problems.Add(from, variable, $"{from} '{variable}' is not an environment variable name.",
                    "letters, digits and '_', not starting with a digit", "Rename the variable, e.g. 'LOG_LEVEL'.");
            }
            else if (!origin.TryAdd(variable, from))
            {
                problems.Add(from, variable, $"Environment variable '{variable}' is set by both {origin[variable]} and {from}.",
                    "each environment variable is set once", "Rename one of them.");
            }
        }

        foreach (var (key, value) in args.Config.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Claim(key, $"WorkloadArgs.Config['{key}']");
            config[key] = value;
        }

        foreach (var (key, value) in args.Secrets.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Claim(key, $"WorkloadArgs.Secrets['{key}']");
            EndpointRules.CheckSecret(problems, $"WorkloadArgs.Secrets['{key}']", value);
            secrets[key] = value;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.ConnectsTo.Count; i++)
        {
            var endpoint = args.ConnectsTo[i];
            var key = $"WorkloadArgs.ConnectsTo[{i}]";
            EndpointRules.CheckEndpoint(problems, key, endpoint);
            if (endpoint is null)
            {
                continue;
            }

            if (!names.Add(endpoint.Name))
            {
                problems.Add($"{key}.Name", endpoint.Name, $"{key}.Name '{endpoint.Name}' is listed twice.", "each endpoint once", "Remove the duplicate.");
                continue;
            }

            var prefix = KubernetesNames.EnvPrefix(endpoint.Name);
            Claim($"{prefix}_HOST", $"{key}.Host");
            config[$"{prefix}_HOST"] = endpoint.Host;
            if (endpoint.Ports is { Count: > 0 })
            {
                Claim($"{prefix}_PORT", $"{key}.Ports");
                config[$"{prefix}_PORT"] = endpoint.Ports[0].ToString(CultureInfo.InvariantCulture);
            }

            foreach (var credential in endpoint.Credentials ?? [])
            {
                if (credential.Value is not null)
                {
                    Claim($"{prefix}_{credential.Key}", $"{key}.Credentials['{credential.Key}']");
                    secrets[$"{prefix}_{credential.Key}"] = credential.Value;
                }
            }
        }

        return ([.. config], [.. secrets]);
    }
}
