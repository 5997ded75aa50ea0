using Infra.Core;

namespace Infra.Components.Kubernetes.Internal;

/// <summary>Finds the kubernetes provider a component's children will use.</summary>
internal static class ClusterProvider
{
    public const string Package = "kubernetes";

    /// <summary>The explicit provider given to the component or an ancestor, else the stack's default kubernetes provider.</summary>
    public static ProviderResource? Find(Resource component)
    {
        for (var current = component; current is not null; current = current.Parent)
        {
            if (current.Options.Provider is { PackageName: Package } provider)
            {
                return provider;
            }

            if (current.Options is ComponentResourceOptions { Providers: { } providers } &&
                providers.FirstOrDefault(p => p.PackageName == Package) is { } fromList)
            {
                return fromList;
            }
        }

        return component.Deployment.DefaultProviders.GetValueOrDefault(Package);
    }

    /// <summary>Adds a problem when the component has no kubernetes provider to deploy to.</summary>
    public static void Require(Resource component, ArgsProblems problems)
    {
        if (Find(component) is null)
        {
            problems.Add("options.Providers", null,
                $"{component.Type.Split(':')[^1]} '{component.Name}' has no kubernetes provider, so it would deploy to whatever cluster the ambient kubeconfig points at.",
                "in-cluster components take the cluster's explicit kubernetes provider",
                "Pass the cluster's provider: new ComponentResourceOptions { Providers = [cluster.Provider] }.");
        }
    }
}
