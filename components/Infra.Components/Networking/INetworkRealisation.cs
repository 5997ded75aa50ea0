namespace Infra.Components.Networking;

/// <summary>How a cloud builds a <see cref="Network"/>.</summary>
public interface INetworkRealisation
{
    /// <summary>
    /// Creates the network's resources as children of <paramref name="network"/> (parented to it, logical names
    /// prefixed with its name) and returns what other components need from it.
    /// </summary>
    NetworkOutputs CreateNetwork(Network network, NetworkSpec spec);
}
