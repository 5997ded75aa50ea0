using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Stacks.Delivery;

/// <summary>
/// Compares the desired program with a previous one (the committed desired state, or what is deployed).
/// Resources are matched by identity — type and logical name, which make the URN — so a rename or a type
/// change is a replacement; such pairs are recognised and an alias that avoids the replacement is offered.
/// </summary>
public static class ProgramDiffer
{
    public static ProgramDiff Compare(ProgramDocument before, ProgramDocument after)
    {
        var previous = before.Resources.ToDictionary(Identity);
        var changes = new List<ResourceChange>();
        var created = new List<ResourceDecl>();
        foreach (var resource in after.Resources)
        {
            if (previous.Remove(Identity(resource), out var old))
            {
                if (Compare(old, resource) is { } change)
                {
                    changes.Add(change);
                }
            }
            else
            {
                created.Add(resource);
            }
        }

        var deleted = previous.Values.ToList();
        foreach (var resource in created)
        {
            var match = deleted.FirstOrDefault(d => d.LogicalName == resource.LogicalName)
                ?? deleted.Where(d => d.Type == resource.Type).Select(d => (Old: d, Score: Similarity(d, resource)))
                    .Where(m => m.Score >= 0.5 && SameValues(m.Old, resource) >= Math.Min(2, Inputs(resource).Entries.Count)).OrderByDescending(m => m.Score).Select(m => m.Old).FirstOrDefault();
            if (match is null)
            {
                changes.Add(new ResourceChange
                {
                    Kind = ChangeKind.Create,
                    Type = resource.Type,
                    Name = resource.LogicalName,
                    IsStateful = StatefulResources.IsStateful(resource.Type),
                });
                continue;
            }

            deleted.Remove(match);
            var retyped = match.Type != resource.Type;
            changes.Add(new ResourceChange
            {
                Kind = ChangeKind.Replace,
                Type = resource.Type,
                Name = resource.LogicalName,
                PreviousType = retyped ? match.Type : null,
                PreviousName = retyped ? null : match.LogicalName,
                Properties = PropertyChanges(match, resource),
                IsStateful = StatefulResources.IsStateful(match.Type) || StatefulResources.IsStateful(resource.Type),
                IsProtected = IsProtected(match),
                Reason = retyped
                    ? $"its type changes from {match.Type} to {resource.Type}, which changes its URN"
                    : $"it is renamed from '{match.LogicalName}' to '{resource.LogicalName}', which changes its URN",
                AliasFix = retyped
                    ? $"Aliases = [new Alias {{ Type = \"{match.Type}\" }}]"
                    : $"Aliases = [new Alias {{ Name = \"{match.LogicalName}\" }}]",
            });
        }

        foreach (var resource in deleted)
        {
            changes.Add(new ResourceChange
            {
                Kind = ChangeKind.Delete,
                Type = resource.Type,
                Name = resource.LogicalName,
                IsStateful = StatefulResources.IsStateful(resource.Type),
                IsProtected = IsProtected(resource),
            });
        }

        return new ProgramDiff(changes);
    }

    private static ResourceChange? Compare(ResourceDecl old, ResourceDecl current)
    {
        var properties = PropertyChanges(old, current);
        if (properties.Count == 0)
        {
            return null;
        }

        var replacing = properties.Where(p => p.ForcesReplacement).Select(p => p.Path).ToArray();
        return new ResourceChange
        {
            Kind = replacing.Length > 0 ? ChangeKind.Replace : ChangeKind.Update,
            Type = current.Type,
            Name = current.LogicalName,
            Properties = properties,
            IsStateful = StatefulResources.IsStateful(current.Type),
            IsProtected = IsProtected(old),
            Reason = replacing.Length > 0 ? $"the provider replaces it when {string.Join(", ", replacing)} changes" : null,
        };
    }

    private static List<PropertyChange> PropertyChanges(ResourceDecl old, ResourceDecl current)
    {
        var changes = new List<PropertyChange>();
        var replacing = StatefulResources.ReplacingPropertiesOf(current.Type);
        Walk("", Inputs(old), Inputs(current), changes, replacing);
        if (Protect(old) != Protect(current))
        {
            changes.Add(new PropertyChange("options.protect", Protect(old), Protect(current), false));
        }

        return changes;
    }

    private static void Walk(string path, Node? before, Node? after, List<PropertyChange> changes, IReadOnlyList<string> replacing)
    {
        if (before is MapNode oldMap && after is MapNode newMap && !(path.Length > 0 && replacing.Contains(path)))
        {
            foreach (var key in oldMap.Entries.Select(e => e.Key).Union(newMap.Entries.Select(e => e.Key)))
            {
                Walk(path.Length == 0 ? key : $"{path}.{key}", oldMap[key], newMap[key], changes, replacing);
            }

            return;
        }

        if (before is not null && after is not null && NodeText.AreEqual(before, after))
        {
            return;
        }

        var forces = replacing.Any(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal));
        changes.Add(new PropertyChange(path, before is null ? null : NodeText.Describe(before, 80), after is null ? null : NodeText.Describe(after, 80), forces));
    }

    private static MapNode Inputs(ResourceDecl resource) => resource.Get?["state"] as MapNode ?? resource.Properties ?? MapNode.Empty;

    private static string? Protect(ResourceDecl resource) => resource.Options?["protect"] is { } node ? NodeText.Describe(node, 80) : null;

    /// <summary>Protected unless the program says `protect: false` or nothing; an expression may be true, so it counts.</summary>
    private static bool IsProtected(ResourceDecl resource) => resource.Options?["protect"] is { } node && node is not BoolNode { Value: false };

    private static double Similarity(ResourceDecl old, ResourceDecl current)
    {
        var before = Inputs(old);
        var after = Inputs(current);
        if (before.Entries.Count == 0)
        {
            return after.Entries.Count == 0 ? 1 : 0;
        }

        return (double)SameValues(old, current) / Math.Max(before.Entries.Count, after.Entries.Count);
    }

    private static int SameValues(ResourceDecl old, ResourceDecl current)
    {
        var after = Inputs(current);
        return Inputs(old).Entries.Count(e => after[e.Key] is { } other && NodeText.AreEqual(e.Value, other));
    }

    private static (string, string) Identity(ResourceDecl resource) => (resource.Type, resource.LogicalName);
}
