using System.Runtime.CompilerServices;
using Infra.Core;

namespace Infra.Components.Data.InCluster;

/// <summary>
/// Cluster-wide add-ons (operators with their CRDs, cert-manager) that in-cluster data services need. Each is
/// installed once per cluster provider however many services use it: the first service that needs it declares it,
/// the others depend on it.
/// </summary>
internal static class ClusterAddons
{
    private static readonly ConditionalWeakTable<ProviderResource, Dictionary<string, Resource>> Installed = [];

    public static Resource Ensure(ProviderResource provider, string key, Func<Resource> install)
    {
        var addons = Installed.GetValue(provider, _ => new Dictionary<string, Resource>(StringComparer.Ordinal));
        lock (addons)
        {
            if (!addons.TryGetValue(key, out var addon))
            {
                addon = install();
                addons[key] = addon;
            }

            return addon;
        }
    }
}
