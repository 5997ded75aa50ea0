using Infra.Core.Values;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>
/// The annotations a pod's one ServiceAccount needs for the cloud identities of everything it reaches (backup
/// destinations, Kafka, …): one merge for every component, because one ServiceAccount cannot carry two values of
/// one annotation, i.e. cannot act as two cloud identities.
/// </summary>
internal static class ServiceAccountAnnotations
{
    /// <summary>
    /// Merges the annotations each source asks for, reporting every conflict. <paramref name="sources"/> are the args
    /// keys that asked (e.g. <c>WorkloadArgs.ConnectsTo[0]</c>) and their annotations; <paramref name="owner"/> is
    /// who runs as the ServiceAccount ("the workload", "the job").
    /// </summary>
    public static SortedDictionary<string, Output<string>> Merge(ArgsProblems problems, string owner,
        IEnumerable<(string Key, IReadOnlyDictionary<string, Output<string>> Annotations)> sources, string fix)
    {
        var merged = new SortedDictionary<string, Output<string>>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, annotations) in sources)
        {
            foreach (var (name, value) in annotations)
            {
                if (!merged.TryGetValue(name, out var existing))
                {
                    merged[name] = value;
                    origin[name] = source;
                }
                else if (!NodeText.AreEqual(existing.Node, value.Node))
                {
                    var key = $"{source}.ServiceAccountAnnotations['{name}']";
                    problems.Add(key, NodeText.Describe(value.Node),
                        $"{key} is {NodeText.Describe(value.Node)}, but {origin[name]}.ServiceAccountAnnotations['{name}'] is {NodeText.Describe(existing.Node)}; {owner}'s one ServiceAccount cannot carry both.",
                        $"{owner} runs as one ServiceAccount, so everything it reaches with a cloud identity must be granted to the same identity", fix);
                }
            }
        }

        return merged;
    }
}
