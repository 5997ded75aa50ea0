namespace Infra.Components;

/// <summary>What every neutral component receives: the environment's settings and the cloud that realises it.</summary>
public sealed class Platform
{
    /// <summary>Bundles settings and cloud; the settings are validated here, all problems at once.</summary>
    public Platform(PlatformSettings settings, ICloud cloud)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cloud);
        settings.Validate();
        Settings = settings;
        Cloud = cloud;
    }

    public PlatformSettings Settings { get; }

    public ICloud Cloud { get; }
}
