namespace Infra.Core.Values;

/// <summary>
/// Any value a resource property accepts: a known value, an output of another resource, a config
/// reference or a built-in call. An input made from <c>null</c> is absent and is not emitted.
/// </summary>
public readonly struct Input
{
    internal Input(Node? node) => Node = node;

    /// <summary>The value as a program node; null when absent.</summary>
    public Node? Node { get; }

    public bool IsAbsent => Node is null;

    public static implicit operator Input(string? value) => new(value is null ? null : new StringNode(value));

    public static implicit operator Input(bool value) => new(BoolNode.Of(value));

    public static implicit operator Input(int value) => new(new IntegerNode(value));

    public static implicit operator Input(long value) => new(new IntegerNode(value));

    public static implicit operator Input(double value) => new(NodeConverter.FromDouble(value));

    public static implicit operator Input(Props? value) => new(value?.ToNode());

    public static implicit operator Input(Input[]? items) => items is null ? default : List(items);

    public static implicit operator Input(string[]? items) => items is null ? default : List(items.Select(i => (Input)i));

    public static implicit operator Input(Node? node) => new(node);

    /// <summary>A list; absent items are dropped, since YAML programs hold no nulls.</summary>
    public static Input List(IEnumerable<Input> items) => new(NodeConverter.ListOf(items));

    public static Input List(params Input[] items) => List((IEnumerable<Input>)items);

    /// <summary>Any C# value: scalars, lists, dictionaries, <see cref="Props"/>, outputs and <see cref="ResourceArgs"/>.</summary>
    public static Input From(object? value) => new(NodeConverter.FromObject(value));
}

/// <summary>A typed input: a known <typeparamref name="T"/> or an <see cref="Output{T}"/>.</summary>
public readonly struct Input<T> : IInputValue
{
    internal Input(Node? node) => Node = node;

    public Node? Node { get; }

    public static implicit operator Input<T>(T value) => new(NodeConverter.FromObject(value));

    public static implicit operator Input<T>(Output<T> output) => new(output.Node);

    public static implicit operator Input(Input<T> input) => new(input.Node);

    /// <summary>The known value, when this input is a literal of a simple type.</summary>
    public bool TryGetKnown(out T? value)
    {
        if (NodeConverter.TryToObject(Node, out var raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }
}
