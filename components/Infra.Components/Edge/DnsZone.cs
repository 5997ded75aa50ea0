namespace Infra.Components.Edge;

/// <summary>
/// A DNS zone the platform may write records in: the cloud's identifier of the zone (whatever its DNS service
/// names a zone by: an ID or a name) and its domain, e.g. <c>example.com</c>.
/// </summary>
public sealed record DnsZone(string Id, string Domain);
