using System.Globalization;
using System.Net;
using Infra.Components.Connectivity;
using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Checks of what components receive from outside: endpoints, secret values, ports, CIDRs.</summary>
internal static class EndpointRules
{
    public static void CheckPort(ArgsProblems problems, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            problems.Add(key, port.ToString(CultureInfo.InvariantCulture), $"{key} {port} is not a TCP port.",
                "a port from 1 to 65535", "Give the port the process listens on.");
        }
    }

    /// <summary>A secret must reach the program as an expression (an output, a config secret), never as text known now.</summary>
    public static void CheckSecret(ArgsProblems problems, string key, Output<string>? value)
    {
        if (value is null)
        {
            problems.Add(key, null, $"{key} is null.", "a secret output", "Pass the secret output of the component that owns the credential.");
        }
        else if (value.IsKnown)
        {
            problems.Add(key, "(hidden)", $"{key} is a plaintext value known at synthesis time; it would be written into the program in clear.",
                "credentials come from secret outputs or secret config, never literals",
                "Pass the data component's secret output, or new Config().RequireSecret(...).");
        }
    }

    /// <summary>The secret form of a credential: already-secret expressions stay as they are, others are wrapped in <c>fn::secret</c>.</summary>
    public static Input Secret(Output<string> value) =>
        value.Node is FunctionNode { Name: "secret" } ? value : Output.CreateSecret<string>(value);

    public static void CheckCidr(ArgsProblems problems, string key, string cidr, bool allowWorld)
    {
        if (!IPNetwork.TryParse(cidr, out var network))
        {
            problems.Add(key, cidr, $"{key} '{cidr}' is not a CIDR block.", "an address range such as 10.20.0.0/24",
                "Write the address and the prefix length, e.g. 10.20.0.0/24.");
        }
        else if (network.PrefixLength == 0 && !allowWorld)
        {
            problems.Add(key, cidr, $"{key} '{cidr}' opens the flow to every address.",
                "endpoints are reached in the ranges they live in, never 0.0.0.0/0",
                "Give the subnet of the service (e.g. the database subnet's CIDR).");
        }
    }

    /// <summary>Node-local credential endpoints: single addresses (never the world) and valid ports.</summary>
    public static void CheckCredentialEndpoints(ArgsProblems problems, string key, IReadOnlyList<NetworkDestination> endpoints)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            CheckCidr(problems, $"{key}.CredentialEndpoints[{i}].Cidr", endpoints[i].Cidr, allowWorld: false);
            CheckPort(problems, $"{key}.CredentialEndpoints[{i}].Port", endpoints[i].Port);
        }
    }

    public static void CheckEndpoint(ArgsProblems problems, string key, ServiceEndpoint? endpoint)
    {
        if (endpoint is null)
        {
            problems.Add(key, null, $"{key} is null.", "an endpoint", "Remove the entry or pass the endpoint.");
            return;
        }

        if (!KubernetesNames.IsLabel(endpoint.Name))
        {
            problems.Add($"{key}.Name", endpoint.Name, $"{key}.Name '{endpoint.Name}' is not a valid endpoint name.",
                KubernetesNames.LabelRule, "Use a name such as 'orders-db' or 'events-kafka'.");
        }

        if (endpoint.Ports is null || endpoint.Ports.Count == 0)
        {
            problems.Add($"{key}.Ports", null, $"{key}.Ports is empty, so no flow would be allowed.", "at least one port",
                "Give the port(s) clients connect to, e.g. [5432].");
        }
        else
        {
            for (var i = 0; i < endpoint.Ports.Count; i++)
            {
                CheckPort(problems, $"{key}.Ports[{i}]", endpoint.Ports[i]);
            }
        }

        var cidrs = endpoint.Cidrs ?? [];
        if (endpoint.InCluster is null && cidrs.Count == 0)
        {
            problems.Add($"{key}.Cidrs", null, $"{key} '{endpoint.Name}' gives neither Cidrs nor InCluster, so no policy can allow it.",
                "an endpoint says where it lives", "Set Cidrs to the service's subnet, or InCluster to its namespace and pod labels.");
        }
        else if (endpoint.InCluster is not null && cidrs.Count > 0)
        {
            problems.Add($"{key}.Cidrs", string.Join(",", cidrs), $"{key} '{endpoint.Name}' gives both Cidrs and InCluster.",
                "an endpoint lives either outside the cluster (Cidrs) or inside it (InCluster)", "Keep the one that is true.");
        }

        for (var i = 0; i < cidrs.Count; i++)
        {
            CheckCidr(problems, $"{key}.Cidrs[{i}]", cidrs[i], allowWorld: false);
        }

        CheckCredentialEndpoints(problems, key, endpoint.CredentialEndpoints ?? []);
        if (endpoint.InCluster is { } pods && !KubernetesNames.IsLabel(pods.Namespace))
        {
            problems.Add($"{key}.InCluster.Namespace", pods.Namespace, $"{key}.InCluster.Namespace '{pods.Namespace}' is not a namespace name.",
                KubernetesNames.LabelRule, "Give the namespace the endpoint's pods run in.");
        }

        var credentials = endpoint.Credentials ?? [];
        for (var i = 0; i < credentials.Count; i++)
        {
            var credential = credentials[i];
            if (!KubernetesNames.IsEnvName(credential.Key))
            {
                problems.Add($"{key}.Credentials[{i}].Key", credential.Key, $"{key}.Credentials[{i}].Key '{credential.Key}' cannot be part of an environment variable name.",
                    "letters, digits and '_', not starting with a digit", "Use a key such as USERNAME or PASSWORD.");
            }

            CheckSecret(problems, $"{key}.Credentials[{i}].Value", credential.Value);
        }
    }
}
