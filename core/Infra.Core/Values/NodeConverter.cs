using System.Collections;

namespace Infra.Core.Values;

/// <summary>Turns C# values into program nodes (and known scalar nodes back into values).</summary>
public static class NodeConverter
{
    public static Node FromDouble(double value) => new NumberNode(value);

    public static ListNode ListOf(IEnumerable<Input> items)
    {
        var nodes = new List<Node>();
        foreach (var item in items)
        {
            if (item.Node is not null)
            {
                nodes.Add(item.Node);
            }
        }

        return nodes.Count == 0 ? ListNode.Empty : new ListNode(nodes.ToArray());
    }

    /// <summary>
    /// Converts a C# value. Dictionaries other than <see cref="Props"/> are written in ordinal key order,
    /// so that the output does not depend on hash order.
    /// </summary>
    public static Node? FromObject(object? value) => value switch
    {
        null => null,
        Node node => node,
        string s => new StringNode(s),
        bool b => BoolNode.Of(b),
        int i => new IntegerNode(i),
        long l => new IntegerNode(l),
        short s => new IntegerNode(s),
        byte b => new IntegerNode(b),
        uint u => new IntegerNode(u),
        double d => new NumberNode(d),
        float f => new NumberNode(f),
        decimal m => decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue
            ? new IntegerNode((long)m)
            : new NumberNode((double)m),
        Enum e => new StringNode(e.ToString()),
        Input input => input.Node,
        IOutput output => output.Node,
        IInputValue typed => typed.Node,
        Props props => props.ToNode(),
        ResourceArgs args => args.ToProps().ToNode(),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => FromSequence(sequence),
        _ => throw new ArgumentException(
            $"A value of type {value.GetType().Name} cannot be put into a program. Use Props, a list, a scalar or an Output.",
            nameof(value)),
    };

    public static bool TryToObject(Node? node, out object? value)
    {
        value = node switch
        {
            StringNode s => s.Value,
            IntegerNode i => i.Value,
            NumberNode n => n.Value,
            BoolNode b => b.Value,
            _ => null,
        };
        return value is not null;
    }

    private static MapNode FromDictionary(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<string, Node>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"Map keys must be strings, not {entry.Key.GetType().Name}.", nameof(dictionary));
            }

            var node = FromObject(entry.Value);
            if (node is not null)
            {
                entries.Add(new(key, node));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new MapNode(entries.ToArray());
    }

    private static ListNode FromSequence(IEnumerable sequence)
    {
        var nodes = new List<Node>();
        foreach (var item in sequence)
        {
            var node = FromObject(item);
            if (node is not null)
            {
                nodes.Add(node);
            }
        }

        return new ListNode(nodes.ToArray());
    }
}

/// <summary>Implemented by boxed typed inputs so that they convert without reflection.</summary>
internal interface IInputValue
{
    Node? Node { get; }
}
