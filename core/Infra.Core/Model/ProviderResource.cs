using System.Runtime.CompilerServices;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>An explicit provider instance, <c>pulumi:providers:&lt;package&gt;</c>.</summary>
public sealed class ProviderResource : CustomResource
{
    public ProviderResource(
        string package,
        string name,
        Props? args = null,
        CustomResourceOptions? options = null,
        bool isDefault = false,
        [CallerFilePath] string file = "",
        [CallerLineNumber] int line = 0)
        : base("pulumi:providers:" + package, name, args, options, new SourceLocation(file, line))
    {
        PackageName = package;
        IsDefault = isDefault;
        if (isDefault)
        {
            Deployment.RegisterDefaultProvider(this);
        }
    }

    /// <summary>The package this provider serves (<c>aws</c>, <c>kubernetes</c>, …).</summary>
    public string PackageName { get; }

    /// <summary>Written as <c>defaultProvider: true</c>: every resource of the package without an explicit provider uses it.</summary>
    public bool IsDefault { get; }
}
