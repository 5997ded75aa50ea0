using System.Collections;

namespace Infra.Core.Values;

/// <summary>
/// An ordered property map, written with collection initializers:
/// <code>new Props { ["cidrBlock"] = "10.0.0.0/16", ["tags"] = new Props { ["Name"] = name } }</code>
/// Names are the provider schema's (camelCase) names; the schema validator checks every one.
/// Absent values are dropped; setting a key twice keeps the last value in the first position.
/// </summary>
public sealed class Props : IEnumerable<KeyValuePair<string, Node>>
{
    /// <summary>Past this many keys, positions are kept in a dictionary so that a large map (a ConfigMap's data) is built in linear time.</summary>
    private const int IndexedFrom = 16;

    private readonly List<KeyValuePair<string, Node>> entries = [];
    private Dictionary<string, int>? positions;

    public Input this[string key]
    {
        set => Add(key, value);
    }

    public int Count => entries.Count;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public void Add(string key, Input value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var index = IndexOf(key);
        if (value.Node is null)
        {
            if (index >= 0)
            {
                entries.RemoveAt(index);
                positions = null;
                IndexIfLarge();
            }

            return;
        }

        var entry = new KeyValuePair<string, Node>(key, value.Node);
        if (index >= 0)
        {
            entries[index] = entry;
            return;
        }

        entries.Add(entry);
        if (positions is not null)
        {
            positions[key] = entries.Count - 1;
        }
        else
        {
            IndexIfLarge();
        }
    }

    public MapNode ToNode() => entries.Count == 0 ? MapNode.Empty : new MapNode(entries.ToArray());

    public IEnumerator<KeyValuePair<string, Node>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void IndexIfLarge()
    {
        if (entries.Count < IndexedFrom)
        {
            return;
        }

        positions = new Dictionary<string, int>(entries.Count * 2, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            positions[entries[i].Key] = i;
        }
    }

    private int IndexOf(string key)
    {
        if (positions is not null)
        {
            return positions.TryGetValue(key, out var position) ? position : -1;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
