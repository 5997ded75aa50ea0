using Infra.Core.Values;

namespace Infra.Components;

/// <summary>
/// A list property that keeps growing after the resource holding it was declared. Some clouds take every
/// member of a set in one resource (every SCRAM secret of a Kafka cluster, every permission of a Kafka user),
/// while intent-level methods such as <c>GrantProduce</c> add members one call at a time. The node handed to
/// the resource reads this list, so whatever was added before synthesis is written, in the order it was added.
/// </summary>
public sealed class GrowingList
{
    private readonly List<Node> items = [];

    public GrowingList() => Node = new ListNode(items);

    /// <summary>The list as a property value; it reflects every later <see cref="Add"/>.</summary>
    public ListNode Node { get; }

    public int Count => items.Count;

    /// <summary>Appends <paramref name="item"/>; an item equal by reference to one already added is ignored.</summary>
    public void Add(Input item)
    {
        var node = item.Node ?? throw new ArgumentNullException(nameof(item), "A list item needs a value.");
        if (!items.Contains(node))
        {
            items.Add(node);
        }
    }
}
