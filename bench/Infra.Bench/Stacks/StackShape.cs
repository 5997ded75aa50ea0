namespace Infra.Bench.Stacks;

/// <summary>
/// How a generated stack of a given size is made up. Infra's components emit more than the issue's
/// "Deployment + Service" per service, so sizes count the resources actually emitted into the program:
/// groups of <see cref="WorkloadsPerGroup"/> services in their own namespace with one managed data service,
/// then a partial group (namespace, whole services, raw ConfigMaps) that brings the total to the size exactly.
/// </summary>
internal sealed record StackShape(int Size, int Groups, int ExtraWorkloads, int ExtraConfigMaps, bool ExtraNamespace)
{
    /// <summary>
    /// Every service in the first namespace (the others stay empty, so the count of resources is the same): the worst
    /// case for rules that relate the objects of one namespace (default-deny policies, disruption budgets).
    /// </summary>
    public bool OneNamespace { get; init; }

    /// <summary>Services per namespace group (a chain: each calls the next; the first is exposed, the last uses the data service).</summary>
    public const int WorkloadsPerGroup = 8;

    /// <summary>The two stack-wide provider resources (kubernetes, aws).</summary>
    public const int ProviderResources = 2;

    /// <summary>Namespace + default-deny + allow-dns NetworkPolicies + ResourceQuota + LimitRange.</summary>
    public const int NamespaceResources = 5;

    /// <summary>A service: ServiceAccount, Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget.</summary>
    public const int WorkloadResources = 5;

    /// <summary>
    /// A managed data service, alternating: Postgres = KMS key, security group, parameter group, RDS instance, password;
    /// Redis = KMS key, security group, subnet group, ElastiCache replication group, auth token.
    /// </summary>
    public const int DataServiceResources = 5;

    /// <summary>
    /// One group: namespace, 8 services, the ingress policy of the first, 2 policies per call between services (7 calls),
    /// and for the service that uses the data service its ConfigMap, Secret and egress policy; plus the data service.
    /// </summary>
    public const int GroupResources =
        NamespaceResources + (WorkloadsPerGroup * WorkloadResources) + 1 + (2 * (WorkloadsPerGroup - 1)) + 3 + DataServiceResources;

    public int Resources => ProviderResources +
        (Groups * GroupResources) +
        (ExtraNamespace ? NamespaceResources : 0) + (ExtraWorkloads * WorkloadResources) + ExtraConfigMaps;

    public int Workloads => (Groups * WorkloadsPerGroup) + ExtraWorkloads;

    public int Namespaces => Groups + (ExtraNamespace ? 1 : 0);

    public static StackShape For(int size)
    {
        if (size < ProviderResources + NamespaceResources)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The smallest generated stack has {ProviderResources + NamespaceResources} resources.");
        }

        var remaining = size - ProviderResources;
        var groups = 0;
        while (remaining - GroupResources >= NamespaceResources)
        {
            remaining -= GroupResources;
            groups++;
        }

        // The rest: a namespace of its own when there is room, whole services, then single ConfigMaps.
        var extraNamespace = groups == 0 || remaining >= NamespaceResources + WorkloadResources;
        if (extraNamespace)
        {
            remaining -= NamespaceResources;
        }

        var workloads = remaining / WorkloadResources;
        return new StackShape(size, groups, workloads, remaining - (workloads * WorkloadResources), extraNamespace);
    }

    /// <summary>How the stack's parts map to resources, for the report.</summary>
    public string Describe() =>
        $"{Resources:N0} resources = 2 providers + {Groups:N0} groups × {GroupResources} " +
        $"(namespace 5, 8 Workloads × 5, 16 NetworkPolicies for the ingress, the 7 calls and the data service, a ConfigMap and a Secret for the data service's settings, data service 5)" +
        (ExtraNamespace || ExtraWorkloads > 0 || ExtraConfigMaps > 0
            ? $" + rest: {(ExtraNamespace ? "namespace 5, " : "")}{ExtraWorkloads} Workloads × 5, {ExtraConfigMaps} ConfigMaps"
            : "") +
        $"; {Workloads:N0} Workloads (each: Deployment, Service, ServiceAccount, HPA, PDB) in " +
        (OneNamespace ? $"one namespace ({Namespaces - 1:N0} more empty)" : $"{Namespaces:N0} namespaces");
}
