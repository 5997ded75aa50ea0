namespace Infra.Core.Values;

/// <summary>
/// A value in a Pulumi YAML program: the intermediate representation shared by synthesis, the schema
/// validator, the policy engine and the test evaluator. Nodes are immutable.
/// </summary>
public abstract class Node
{
    private protected Node() { }
}

/// <summary>A literal string. Emitted with every <c>${</c> escaped, so it is never read as an expression.</summary>
public sealed class StringNode(string value) : Node
{
    public string Value { get; } = value;
}

/// <summary>A whole number, emitted without a decimal point.</summary>
public sealed class IntegerNode(long value) : Node
{
    public long Value { get; } = value;
}

/// <summary>A floating-point number.</summary>
public sealed class NumberNode(double value) : Node
{
    public double Value { get; } = double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, "YAML programs cannot hold NaN or infinities.");
}

public sealed class BoolNode : Node
{
    public static readonly BoolNode True = new(true);
    public static readonly BoolNode False = new(false);

    private BoolNode(bool value) => Value = value;

    public bool Value { get; }

    public static BoolNode Of(bool value) => value ? True : False;
}

public sealed class ListNode(IReadOnlyList<Node> items) : Node
{
    public static readonly ListNode Empty = new([]);

    public IReadOnlyList<Node> Items { get; } = items;
}

/// <summary>An ordered map. Order is kept so that synthesis is byte-for-byte deterministic.</summary>
public sealed class MapNode : Node
{
    public static readonly MapNode Empty = new([]);

    public MapNode(IReadOnlyList<KeyValuePair<string, Node>> entries) => Entries = entries;

    public IReadOnlyList<KeyValuePair<string, Node>> Entries { get; }

    public Node? this[string key]
    {
        get
        {
            // Indexed, not foreach: enumerating an IReadOnlyList allocates, and rules and checks look keys up constantly.
            var entries = Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Key == key)
                {
                    return entries[i].Value;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// <c>${root.path}</c>: a resource (or its output), a config key, a variable or the <c>pulumi</c> built-in.
/// The root is the name the program knows it by, so synthesized and parsed programs read alike.
/// </summary>
public sealed class ReferenceNode(string root, IReadOnlyList<PathSegment> path) : Node
{
    public string Root { get; } = root;

    public IReadOnlyList<PathSegment> Path { get; } = path;

    /// <summary>The expression text between <c>${</c> and <c>}</c>.</summary>
    public string ToExpressionText() => PropertyPath.Format(Root, Path);
}

/// <summary>Text with embedded references, e.g. <c>"https://${lb.dnsName}/"</c>. Parts are <see cref="StringNode"/> or <see cref="ReferenceNode"/>.</summary>
public sealed class InterpolationNode(IReadOnlyList<Node> parts) : Node
{
    public IReadOnlyList<Node> Parts { get; } = parts;
}

/// <summary>A built-in call <c>{ fn::name: argument }</c>, e.g. <c>fn::secret</c>, <c>fn::join</c>, <c>fn::invoke</c>.</summary>
public sealed class FunctionNode(string name, Node argument) : Node
{
    /// <summary>The function name without the <c>fn::</c> prefix.</summary>
    public string Name { get; } = name;

    public Node Argument { get; } = argument;
}
