namespace Infra.Tests.Policies.Cases;

/// <summary>Every rule fixture, area by area.</summary>
internal static class AllCases
{
    public static IReadOnlyList<RuleCase> Cases { get; } =
    [
        .. NetworkCases.All,
        .. ClusterCases.All,
        .. DataServiceCases.All,
        .. DatabaseCases.All,
        .. CacheAndStreamingCases.All,
        .. StorageCases.All,
        .. EdgeCases.All,
        .. GovernanceCases.All,
        .. KubernetesCases.All,
    ];
}
