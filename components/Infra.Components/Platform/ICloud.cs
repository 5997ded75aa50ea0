using Infra.Components.Clusters;
using Infra.Components.Data;
using Infra.Components.Edge;
using Infra.Components.Messaging;
using Infra.Components.Networking;
using Infra.Components.Storage;

namespace Infra.Components;

/// <summary>
/// One cloud's realisation of every neutral component, chosen once per stack. It is composed of one
/// interface per concern, so that each cloud implements each concern in its own file.
/// </summary>
public interface ICloud : INetworkRealisation, IClusterRealisation,
    IPostgresRealisation, IMongoRealisation, IRedisRealisation, IClickHouseRealisation,
    IKafkaRealisation, IObjectStorageRealisation, ICdnRealisation, IIngressRealisation
{
    /// <summary>A short lower-case name for messages (<c>aws</c>, <c>gcp</c>, <c>yandex</c>).</summary>
    string Name { get; }
}
