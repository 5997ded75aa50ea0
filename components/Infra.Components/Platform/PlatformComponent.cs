using Infra.Core;

namespace Infra.Components;

/// <summary>
/// A neutral component built on a <see cref="Platform"/>. It gives the cloud realisations what they need to
/// create its children correctly: logical names prefixed with the component's name, options that parent the
/// child to the component, and cloud resource names prefixed with the platform's name prefix.
/// </summary>
public abstract class PlatformComponent : ComponentResource
{
    protected PlatformComponent(string type, string name, Platform platform, ComponentResourceOptions? options, SourceLocation declaredAt)
        : base(type, name, options, declaredAt)
    {
        ArgumentNullException.ThrowIfNull(platform);
        Platform = platform;
    }

    /// <summary>The platform the component is built on.</summary>
    public Platform Platform { get; }

    public PlatformSettings Settings => Platform.Settings;

    /// <summary>A child's logical name: <c>{component name}-{suffix}</c>.</summary>
    public string ChildResourceName(string suffix) => ChildName(suffix);

    /// <summary>Options for a child: parented to this component.</summary>
    public CustomResourceOptions ChildResourceOptions => ChildOptions;

    /// <summary>
    /// Options for a stateful child (a key, a database): parented to this component and protected from deletion
    /// when <see cref="PlatformSettings.ProtectStatefulResources"/> is on.
    /// </summary>
    public CustomResourceOptions StatefulChildResourceOptions =>
        Settings.ProtectStatefulResources ? ChildOptions with { Protect = true } : ChildOptions;

    /// <summary>A cloud resource name: <c>{name prefix}-{component name}[-{suffix}]</c>.</summary>
    public string CloudResourceName(string? suffix = null) =>
        suffix is null ? Settings.ResourceName(Name) : Settings.ResourceName(Name, suffix);
}
