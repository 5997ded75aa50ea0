using System.Globalization;
using Infra.Core.Values;

namespace Infra.Policies;

/// <summary>Whether a property can be judged at synthesis time.</summary>
public enum ValueState
{
    /// <summary>Not written: the provider's default applies.</summary>
    Absent,

    /// <summary>A literal (possibly marked secret with <c>fn::secret</c>).</summary>
    Known,

    /// <summary>An expression (<c>${…}</c>, interpolation, a built-in call): only known at deploy time.</summary>
    Unknown,
}

/// <summary>
/// A read-only view of one property of a resource, addressed by its schema name. Reading through an
/// absent value gives an absent value; reading through an expression gives an unknown value that
/// remembers the expression, so a rule can say exactly why it cannot decide.
/// </summary>
public readonly struct PropertyValue
{
    private readonly ReadRecorder? reads;
    private readonly string resourceType;
    private readonly ValuePath location;

    internal PropertyValue(Node? node, string path, string schemaPath, string resourceType, ReadRecorder? reads)
        : this(node, ValuePath.Of(path, schemaPath), resourceType, reads)
    {
    }

    private PropertyValue(Node? node, ValuePath location, string resourceType, ReadRecorder? reads)
    {
        var secret = false;
        while (node is FunctionNode { Name: "secret" } function)
        {
            node = function.Argument;
            secret = true;
        }

        Node = node;
        IsSecret = secret;
        this.location = location;
        this.resourceType = resourceType;
        this.reads = reads;
        reads?.Record(resourceType, location.SchemaPath);
    }

    /// <summary>A value derived from another (e.g. a statement parsed out of a JSON policy); not a schema property.</summary>
    internal static PropertyValue Derived(Node? node, string path) => new(node, path, "", "", null);

    /// <summary>The value as written, with <c>fn::secret</c> removed; for an unknown value, the expression that hides it.</summary>
    public Node? Node { get; }

    /// <summary>The path for messages, e.g. <c>hosts[1].assignPublicIp</c>.</summary>
    public string Path => location?.Path ?? "";

    /// <summary>The path in schema form: <c>[]</c> for any list item, <c>{}</c> for any map entry.</summary>
    public string SchemaPath => location?.SchemaPath ?? "";

    public bool IsSecret { get; }

    public ValueState State => Classify(Node);

    public bool IsAbsent => Node is null;

    public bool IsKnown => State == ValueState.Known;

    public bool IsUnknown => State == ValueState.Unknown;

    /// <summary>A property of an object.</summary>
    public PropertyValue this[string name] => Child(ValuePath.Property(location, name), IsUnknown ? Node : (Node as MapNode)?[name]);

    /// <summary>A list item.</summary>
    public PropertyValue this[int index] => Child(ValuePath.Item(location, index),
        IsUnknown ? Node : Node is ListNode list && index < list.Items.Count ? list.Items[index] : null);

    /// <summary>An entry of a map-typed property (labels, annotations, <c>postgresqlConfig</c>, <c>hosts</c> of V2 clusters).</summary>
    public PropertyValue Key(string key) => Child(ValuePath.Entry(location, key), IsUnknown ? Node : (Node as MapNode)?[key]);

    /// <summary>A nested path of object properties and list indexes: <c>settings.ipConfiguration.ipv4Enabled</c>.</summary>
    public PropertyValue Get(string path)
    {
        var current = this;
        var segments = PropertyPath.Parse(path);
        for (var i = 0; i < segments.Count; i++)
        {
            current = segments[i].IsIndex ? current[segments[i].Index] : current[segments[i].Key!];
        }

        return current;
    }

    /// <summary>The items of a known list; empty when absent, unknown or not a list.</summary>
    public IReadOnlyList<PropertyValue> Items
    {
        get
        {
            if (Node is not ListNode list)
            {
                return [];
            }

            var items = new PropertyValue[list.Items.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = new PropertyValue(list.Items[i], ValuePath.Item(location, i), resourceType, reads);
            }

            return items;
        }
    }

    /// <summary>The entries of a known map-typed property; empty when absent, unknown or not a map.</summary>
    public IReadOnlyList<KeyValuePair<string, PropertyValue>> Entries
    {
        get
        {
            if (Node is not MapNode map)
            {
                return [];
            }

            var entries = new KeyValuePair<string, PropertyValue>[map.Entries.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var (key, value) = map.Entries[i];
                entries[i] = new(key, new PropertyValue(value, ValuePath.Entry(location, key), resourceType, reads));
            }

            return entries;
        }
    }

    /// <summary>The list's items, or the map's values (V2 clusters write <c>hosts</c> as a map keyed by host label).</summary>
    public IReadOnlyList<PropertyValue> ItemsOrValues => Node is MapNode ? Entries.Select(e => e.Value).ToArray() : Items;

    public string? AsString() => Node is StringNode s ? s.Value : null;

    /// <summary>A boolean; also accepts the strings <c>"true"</c>/<c>"false"</c>, which some providers type as strings.</summary>
    public bool? AsBool() => Node switch
    {
        BoolNode b => b.Value,
        StringNode { Value: var text } when bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    public long? AsInteger() => Node switch
    {
        IntegerNode i => i.Value,
        NumberNode n when Math.Floor(n.Value) == n.Value && Math.Abs(n.Value) < 9e15 => (long)n.Value,
        StringNode s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The strings of a known list of literal strings; null when the list or any item is not a known string.</summary>
    public IReadOnlyList<string>? AsStrings()
    {
        if (Node is StringNode single)
        {
            return [single.Value];
        }

        if (Node is not ListNode list)
        {
            return null;
        }

        var strings = new List<string>(list.Items.Count);
        foreach (var item in list.Items)
        {
            var unwrapped = item is FunctionNode { Name: "secret", Argument: var inner } ? inner : item;
            if (unwrapped is not StringNode text)
            {
                return null;
            }

            strings.Add(text.Value);
        }

        return strings;
    }

    /// <summary>The value as shown in messages: a literal, <c>${expression}</c> or <c>(not set)</c>.</summary>
    public string Display() => IsSecret ? "[secret]" : NodeText.Describe(Node);

    public override string ToString() => $"{Path} = {Display()}";

    internal static ValueState Classify(Node? node)
    {
        while (node is FunctionNode { Name: "secret" } secret)
        {
            node = secret.Argument;
        }

        return node switch
        {
            null => ValueState.Absent,
            StringNode or IntegerNode or NumberNode or BoolNode or ListNode or MapNode => ValueState.Known,
            _ => ValueState.Unknown,
        };
    }

    /// <summary>Below an unknown value everything is unknown (the same expression); below an absent one, absent.</summary>
    private PropertyValue Child(ValuePath path, Node? node) => new(node, path, resourceType, reads);
}
