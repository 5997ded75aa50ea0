using System.Text.RegularExpressions;
using Infra.Components.Validation;

namespace Infra.Components.Edge;

/// <summary>Checks of host names that certificates are issued for and DNS records are written under.</summary>
public static partial class DomainNames
{
    public const string Code = "INFRA-DOMAIN-001";

    /// <summary>True for a lower-case fully qualified host name such as <c>shop.example.com</c> (no wildcard, no trailing dot).</summary>
    public static bool IsHostName(string? name) => name is { Length: <= 253 } && HostNamePattern().IsMatch(name);

    /// <summary>Records a problem when <paramref name="name"/> is not a host name, or lies outside <paramref name="zone"/>.</summary>
    public static void Check(Problems problems, string property, string? name, DnsZone? zone)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsHostName(name))
        {
            problems.Add(Code, property, name, $"'{name}' is not a domain name a certificate can be issued for.",
                "a lower-case fully qualified host name: labels of letters, digits and hyphens separated by dots, no wildcard or trailing dot",
                "Write the host name, e.g. shop.example.com.");
            return;
        }

        if (zone is not null && name != zone.Domain && !name!.EndsWith("." + zone.Domain, StringComparison.Ordinal))
        {
            problems.Add(Code, property, name, $"'{name}' is not in DNS zone '{zone.Domain}'.",
                "records are written in the configured zone only", $"Use a name ending in .{zone.Domain}, or configure its zone.");
        }
    }

    /// <summary>Records a problem when the zone itself is malformed.</summary>
    public static void CheckZone(Problems problems, string property, DnsZone? zone)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (zone is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(zone.Id))
        {
            problems.Add(Code, $"{property}.Id", zone.Id, "the zone has no ID.", "the cloud's ID of the zone",
                "Copy the zone's identifier from the cloud's DNS service.");
        }

        if (!IsHostName(zone.Domain))
        {
            problems.Add(Code, $"{property}.Domain", zone.Domain, $"'{zone.Domain}' is not a domain.",
                "a lower-case domain without a trailing dot", "Write the zone's domain, e.g. example.com.");
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostNamePattern();
}
