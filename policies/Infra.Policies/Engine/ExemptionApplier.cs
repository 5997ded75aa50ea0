namespace Infra.Policies;

/// <summary>Turns covered findings into exempted ones and expired exemptions into violations.</summary>
internal static class ExemptionApplier
{
    public static IReadOnlyList<ExemptionUse> Apply(List<PolicyFinding> findings, PolicyContext context, IReadOnlyList<PolicyRule> rules,
        ResourceLocator locator, List<PolicyError> errors, HashSet<string> knownRules)
    {
        var covered = new Dictionary<Exemption, int>(ReferenceEqualityComparer.Instance);
        foreach (var exemption in context.Exemptions)
        {
            covered[exemption] = 0;
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var matching = context.Exemptions.Where(e => e.Covers(finding.RuleId, finding.Resource)).ToArray();
            var valid = matching.FirstOrDefault(e => !e.IsExpired(context.Today));
            if (valid is not null)
            {
                covered[valid]++;
                findings[i] = finding with { Status = FindingStatus.Exempted, Exemption = valid };
            }
            else if (matching.Length > 0)
            {
                findings[i] = finding with { Exemption = matching[0] };
            }
        }

        var uses = new List<ExemptionUse>();
        foreach (var exemption in context.Exemptions)
        {
            if (!knownRules.Contains(exemption.RuleId))
            {
                errors.Add(new PolicyError(exemption.RuleId, exemption.Resource,
                    $"An exemption names rule '{exemption.RuleId}', which the pack does not have.{PolicyEngine.Suggestion(exemption.RuleId, knownRules)}"));
            }

            if (exemption.IsExpired(context.Today))
            {
                uses.Add(new ExemptionUse(exemption, ExemptionState.Expired, 0));
                if (rules.FirstOrDefault(r => string.Equals(r.Id, exemption.RuleId, StringComparison.OrdinalIgnoreCase)) is { } rule)
                {
                    findings.Add(Expired(exemption, rule, context, locator));
                }
            }
            else
            {
                uses.Add(new ExemptionUse(exemption, covered[exemption] > 0 ? ExemptionState.Applied : ExemptionState.Unused, covered[exemption]));
            }
        }

        return uses;
    }

    /// <summary>An expired exemption, reported at the rule's level in this environment (at least advisory).</summary>
    private static PolicyFinding Expired(Exemption exemption, PolicyRule rule, PolicyContext context, ResourceLocator locator)
    {
        var level = context.Overrides.TryGetValue(rule.Id, out var forced) ? forced : rule.Enforcement.For(context.IsProduction);
        if (level == EnforcementLevel.Disabled)
        {
            level = EnforcementLevel.Advisory;
        }

        var resource = locator.Ref(locator.Find(exemption.Resource));
        var expires = exemption.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var problem = $"the exemption from {rule.Id} for '{exemption.Resource}' (owner {exemption.Owner}: \"{exemption.Justification}\") expired on {expires}";
        const string fix = "Make the resource comply and remove the exemption, or review it and renew it with a new expiry date.";
        return new PolicyFinding
        {
            RuleId = rule.Id,
            RuleTitle = rule.Title,
            Severity = rule.Severity,
            Level = level,
            Status = FindingStatus.ExpiredExemption,
            Resource = resource,
            PropertyPath = "<exemption>",
            Value = $"expires: {expires}",
            Problem = problem,
            Fix = fix,
            Message = $"{resource.Label}: {problem}. Fix: {fix}",
            Exemption = exemption,
        };
    }
}
