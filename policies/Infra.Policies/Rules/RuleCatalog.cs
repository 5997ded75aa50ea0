using Infra.Policies.Rules;

namespace Infra.Policies;

/// <summary>Every rule of the pack, area by area in catalogue order.</summary>
internal static class RuleCatalog
{
    public static readonly IReadOnlyList<PolicyRule> All =
    [
        .. NetworkRules.All,
        .. ClusterRules.All,
        .. ClusterHardeningRules.All,
        .. DataServiceRules.All,
        .. DatabaseRules.All,
        .. CacheAndStreamingRules.All,
        .. StorageRules.All,
        .. CdnRules.All,
        .. LoadBalancerRules.All,
        .. KmsRules.All,
        .. IamRules.All,
        .. LoggingRules.All,
        .. KubernetesWorkloadRules.All,
        .. KubernetesStackRules.All,
        .. SecretRules.All,
    ];
}
