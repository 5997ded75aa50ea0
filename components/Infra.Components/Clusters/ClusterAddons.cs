using System.Runtime.CompilerServices;
using Infra.Core;

namespace Infra.Components.Clusters;

/// <summary>
/// Cluster-wide add-ons (operators with their CRDs, cert-manager) that several components need (in-cluster data
/// services, the ingress). Each is installed once per cluster provider however many components use it: the first
/// component that needs it declares it, the others depend on it. Keys are the add-on's name, e.g. <c>cert-manager</c>.
/// </summary>
public static class ClusterAddons
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
