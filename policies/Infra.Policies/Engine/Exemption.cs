namespace Infra.Policies;

/// <summary>
/// A justified, owned and dated exception to one rule for one resource. Until <see cref="Expires"/> (inclusive)
/// it turns matching findings into exempted ones; after that it is itself a violation.
/// </summary>
/// <param name="RuleId">The rule, e.g. <c>INF-DATA-001</c>.</param>
/// <param name="Resource">The resource: its logical name, its program key or its URN. For a Kubernetes object in a
/// ConfigGroup, the object's own name (<c>group-namespace/name</c>) or the group's (exempting everything in it).</param>
/// <param name="Justification">Why the exception is acceptable.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Expires">The last day it applies.</param>
public sealed record Exemption(string RuleId, string Resource, string Justification, string Owner, DateOnly Expires)
{
    public bool IsExpired(DateOnly today) => today > Expires;

    public bool Covers(string ruleId, ResourceRef resource) =>
        string.Equals(RuleId, ruleId, StringComparison.OrdinalIgnoreCase) && Names(resource);

    public bool Names(ResourceRef resource) =>
        resource.Key == Resource || resource.LogicalName == Resource || resource.Urn == Resource ||
        (resource.Container is { } container && Names(container));

    public override string ToString() => $"{RuleId} on '{Resource}' until {Expires:yyyy-MM-dd} (owner {Owner})";
}
