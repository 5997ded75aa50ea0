using System.Text.RegularExpressions;
using Infra.Components.Connectivity;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Messaging;

/// <summary>The checks of one grant: a declared topic and a client name every cloud accepts.</summary>
internal static partial class KafkaGrantRules
{
    public const int MaxClientNameLength = 30;

    public static void Check(KafkaCluster kafka, KafkaGrant grant, WorkloadIdentity client, WorkloadIdentity? known, SourceLocation at)
    {
        var problems = new Problems(kafka.Name, at);
        var method = grant.Role == KafkaRole.Produce ? "GrantProduce" : "GrantConsume";
        if (!kafka.Spec.Topics.Any(t => t.Name == grant.Topic))
        {
            var declared = kafka.Spec.Topics.Select(t => t.Name).ToList();
            problems.Add(KafkaCluster.GrantCode, $"{method}(topic)", grant.Topic, $"topic '{grant.Topic}' is not declared on Kafka cluster '{kafka.Name}'.",
                "grants name a topic of KafkaClusterArgs.Topics",
                declared.Count == 0 ? "Declare the topic in KafkaClusterArgs.Topics." : $"Use one of: {string.Join(", ", declared)}.");
        }

        if (client.Name is null || client.Name.Length > MaxClientNameLength || !ClientNamePattern().IsMatch(client.Name))
        {
            problems.Add(KafkaCluster.GrantCode, $"{method}(client).Name", client.Name, $"'{client.Name}' cannot name a Kafka user or service account.",
                $"lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most {MaxClientNameLength} characters",
                "Use the workload's name, e.g. orders-api.");
        }
        else if (known is not null && known != client)
        {
            problems.Add(KafkaCluster.GrantCode, $"{method}(client)", client.Name,
                $"client '{client.Name}' was granted access before with a different Kubernetes namespace or service account.",
                "one identity per client name", "Pass the same WorkloadIdentity to every grant of a workload.");
        }

        problems.ThrowIfAny();
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex ClientNamePattern();
}
