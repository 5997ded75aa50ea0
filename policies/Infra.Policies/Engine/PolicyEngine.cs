using Infra.Core.Synthesis;

namespace Infra.Policies;

/// <summary>
/// Runs rules over a program: applies each rule to the resources of its types (and stack rules once),
/// resolves enforcement for the environment, then applies exemptions. Never changes the program.
/// </summary>
internal static class PolicyEngine
{
    public static PolicyReport Evaluate(ProgramDocument document, PolicyContext context, IReadOnlyList<PolicyRule> rules)
    {
        var stack = context.Stack ?? context.Environment;
        var project = context.Project ?? document.Name ?? "infra";
        var program = new PolicyProgram(document, stack, project, context.TypeResolver, context.Reads);
        var locator = new ResourceLocator(program, context, stack, project);
        var errors = new List<PolicyError>();
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in context.Overrides.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal))
        {
            errors.Add(new PolicyError(id, null, $"The enforcement override names rule '{id}', which the pack does not have.{Suggestion(id, known)}"));
        }

        var outcomes = new List<RuleOutcome>();
        var findings = new List<PolicyFinding>();
        var passes = new List<RuleEvaluation>();
        foreach (var rule in rules)
        {
            var overridden = context.Overrides.TryGetValue(rule.Id, out var forced);
            var level = overridden ? forced : rule.Enforcement.For(context.IsProduction);
            outcomes.Add(new RuleOutcome(rule, level, overridden));
            if (overridden && forced == EnforcementLevel.Disabled)
            {
                continue;
            }

            var raw = new List<RawFinding>();
            var evaluated = Run(rule, program, context, raw, errors);
            var kept = raw
                .Select(f => Finish(rule, f, overridden ? forced : (f.Enforcement ?? rule.Enforcement).For(context.IsProduction), locator))
                .Where(f => f.Level != EnforcementLevel.Disabled)
                .DistinctBy(f => (f.Resource.Urn, f.PropertyPath, f.Status, f.Problem))
                .ToList();
            findings.AddRange(kept);
            if (level != EnforcementLevel.Disabled)
            {
                var failed = kept.Select(f => f.Resource.Urn).ToHashSet(StringComparer.Ordinal);
                passes.AddRange(evaluated.Where(r => !failed.Contains(r.Urn)).Select(r => new RuleEvaluation(rule.Id, locator.Ref(r))));
                if (rule is StackRule && kept.Count == 0)
                {
                    passes.Add(new RuleEvaluation(rule.Id, locator.Ref(null)));
                }
            }
        }

        var exemptions = ExemptionApplier.Apply(findings, context, rules, locator, errors, known);
        return new PolicyReport
        {
            Environment = context.Environment,
            IsProduction = context.IsProduction,
            Stack = stack,
            Project = project,
            Today = context.Today,
            ProgramFile = context.ProgramFile,
            Rules = outcomes,
            Findings = findings
                .OrderBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Resource.Urn, StringComparer.Ordinal)
                .ThenBy(f => f.PropertyPath, StringComparer.Ordinal)
                .ToArray(),
            Passes = passes,
            Exemptions = exemptions,
            Errors = errors,
        };
    }

    /// <summary>Runs one rule; returns the resources it judged (for the pass list).</summary>
    private static List<PolicyResource> Run(PolicyRule rule, PolicyProgram program, PolicyContext context, List<RawFinding> raw, List<PolicyError> errors)
    {
        var evaluated = new List<PolicyResource>();
        if (rule is StackRule stackRule)
        {
            Guard(rule, null, errors, () => stackRule.Check(program, new RuleCheck(null, program, context, raw)));
            return evaluated;
        }

        var resourceRule = (ResourceRule)rule;
        foreach (var resource in program.JudgedBy(resourceRule))
        {
            if (resource.IsRead)
            {
                continue;
            }

            if (resource.IsOpaque)
            {
                if (resourceRule.InspectsManifests)
                {
                    raw.Add(new RawFinding(resource, resource.Properties.Path, resource.Properties.Display(), resource.OpaqueReason!,
                        "Pass the manifests as objs or yaml text, or exempt the group with a justification.", FindingStatus.CannotEvaluate, null));
                }

                continue;
            }

            if (resourceRule.Checks.For(resource.Type) is { } check)
            {
                evaluated.Add(resource);

                // The guard written out (not through a lambda): it runs for every resource of every rule.
                try
                {
                    check(resource, new RuleCheck(resource, program, context, raw));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors.Add(Failed(rule, resource, e));
                }
            }
        }

        return evaluated;
    }

    private static void Guard(PolicyRule rule, PolicyResource? resource, List<PolicyError> errors, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(Failed(rule, resource, e));
        }
    }

    private static PolicyError Failed(PolicyRule rule, PolicyResource? resource, Exception e) =>
        new(rule.Id, resource?.Label, $"Rule {rule.Id} failed: {e.GetType().Name}: {e.Message}");

    private static PolicyFinding Finish(PolicyRule rule, RawFinding raw, EnforcementLevel level, ResourceLocator locator)
    {
        var resource = locator.Ref(raw.Resource);
        var unknown = raw.Status == FindingStatus.CannotEvaluate;
        var problem = unknown
            ? $"{raw.Problem}, so {rule.Id} cannot be evaluated at synthesis time" +
              (level == EnforcementLevel.Mandatory ? "; a mandatory rule fails closed on values it cannot see" : "")
            : raw.Problem;
        var fix = raw.Fix ?? (unknown
            ? $"Give {raw.Path} a literal value (not an output or expression), or exempt the resource with a justification."
            : rule.Help);
        return new PolicyFinding
        {
            RuleId = rule.Id,
            RuleTitle = rule.Title,
            Severity = rule.Severity,
            Level = level,
            Status = raw.Status,
            Resource = resource,
            PropertyPath = raw.Path,
            Value = raw.Value,
            Problem = problem,
            Fix = fix,
            Message = $"{resource.Label}: {raw.Path} = {raw.Value}: {problem}. Fix: {fix}",
        };
    }

    internal static string Suggestion(string id, IEnumerable<string> known) =>
        Infra.Core.Diagnostics.Suggest.DidYouMean(id, known.ToArray());
}
