namespace Infra.Stacks.Delivery;

public enum ChangeKind
{
    Create,
    Update,
    Replace,
    Delete,
}

/// <summary>One changed property: its path and the old and new values as short text (secrets masked).</summary>
public sealed record PropertyChange(string Path, string? Before, string? After, bool ForcesReplacement);

/// <summary>
/// What happens to one resource. <see cref="IsDangerous"/> marks deletes and replacements of stateful or
/// protected resources: data may be lost, so `preview` shows them loudly and `up` refuses them unless allowed.
/// </summary>
public sealed record ResourceChange
{
    public required ChangeKind Kind { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The previous identity when the change renames or re-types the resource.</summary>
    public string? PreviousType { get; init; }

    public string? PreviousName { get; init; }

    public IReadOnlyList<PropertyChange> Properties { get; init; } = [];

    public bool IsStateful { get; init; }

    public bool IsProtected { get; init; }

    /// <summary>Why the resource is replaced, in words.</summary>
    public string? Reason { get; init; }

    /// <summary>C# that keeps the resource's identity instead (an alias), when a rename or re-type causes the replacement.</summary>
    public string? AliasFix { get; init; }

    public bool IsDangerous => Kind is ChangeKind.Replace or ChangeKind.Delete && (IsStateful || IsProtected);
}

/// <summary>Every change between two programs, in a stable order.</summary>
public sealed record ProgramDiff(IReadOnlyList<ResourceChange> Changes)
{
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);

    public IEnumerable<ResourceChange> Dangerous => Changes.Where(c => c.IsDangerous);

    public bool IsEmpty => Changes.Count == 0;
}
