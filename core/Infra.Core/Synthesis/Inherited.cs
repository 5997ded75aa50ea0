using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>
/// What a resource inherits from its ancestors, as Pulumi's SDKs apply it: a provider for its package,
/// protect and retainOnDelete. Written out explicitly because flattened resources have no parent to inherit from.
/// </summary>
public static class Inherited
{
    public static ProviderResource? ProviderFor(Resource resource)
    {
        if (resource is ProviderResource)
        {
            return null;
        }

        if (resource.Options.Provider is { } own)
        {
            return own;
        }

        var package = resource.Package;
        for (var ancestor = resource.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor.Options is ComponentResourceOptions { Providers: { } providers } &&
                providers.FirstOrDefault(p => p.PackageName == package) is { } fromMap)
            {
                return fromMap;
            }

            if (ancestor.Options.Provider is { } provider && provider.PackageName == package)
            {
                return provider;
            }
        }

        return resource.Deployment.DefaultProviders.GetValueOrDefault(package);
    }

    public static Input<bool>? Protect(Resource resource)
    {
        for (Resource? current = resource; current is not null; current = current.Parent)
        {
            if (current.Options.Protect is { } protect)
            {
                return protect;
            }
        }

        return null;
    }

    public static bool? RetainOnDelete(Resource resource)
    {
        for (Resource? current = resource; current is not null; current = current.Parent)
        {
            if (current.Options.RetainOnDelete is { } retain)
            {
                return retain;
            }
        }

        return null;
    }
}
