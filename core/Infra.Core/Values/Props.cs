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
    private readonly List<KeyValuePair<string, Node>> entries = [];

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
            }

            return;
        }

        var entry = new KeyValuePair<string, Node>(key, value.Node);
        if (index >= 0)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Add(entry);
        }
    }

    public MapNode ToNode() => entries.Count == 0 ? MapNode.Empty : new MapNode(entries.ToArray());

    public IEnumerator<KeyValuePair<string, Node>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
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
