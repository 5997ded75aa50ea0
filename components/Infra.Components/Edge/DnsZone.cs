namespace Infra.Components.Edge;

/// <summary>
/// A DNS zone the platform may write records in: the cloud's ID of the zone (Route 53 hosted zone ID, Cloud DNS
/// managed zone name, Yandex DNS zone ID) and its domain, e.g. <c>example.com</c>.
/// </summary>
public sealed record DnsZone(string Id, string Domain);
