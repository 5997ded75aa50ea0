using System.Collections.Immutable;

namespace Infra.Core.Values;

/// <summary>Untyped view of an output, for code that handles outputs of any type.</summary>
public interface IOutput
{
    Node Node { get; }

    bool IsKnown { get; }
}

/// <summary>
/// A value that may only be known at deploy time. Infra runs at synthesis time, so an output is an
/// expression of the program (<c>${db.endpoint}</c>, <c>fn::secret</c>, …) unless its value is known now.
/// It can never be turned into text by accident: <see cref="ToString"/> throws.
/// </summary>
public sealed class Output<T> : IOutput
{
    private readonly T? value;

    internal Output(Node node, bool isKnown, T? value)
    {
        Node = node;
        IsKnown = isKnown;
        this.value = value;
    }

    public Node Node { get; }

    public static implicit operator Input(Output<T> output) => new(output.Node);

    /// <summary>True when the value is known at synthesis time (a literal).</summary>
    public bool IsKnown { get; }

    /// <summary>
    /// Runs <paramref name="transform"/> on a value known at synthesis time. A value that only exists at
    /// deploy time cannot reach C# code; use <see cref="Output.Format"/>, <see cref="Fn"/> or an invoke.
    /// </summary>
    public Output<TResult> Apply<TResult>(Func<T, TResult> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (!IsKnown)
        {
            throw new UnknownValueException(
                $"Apply cannot run C# code on {Describe()}, which is only known at deploy time. " +
                "Build the value with Output.Format (interpolation), Fn.* built-ins or an invoke instead.");
        }

        return Output.Create(transform(value!));
    }

    /// <summary>Reads a nested property of this output (<c>"status.loadBalancer.ingress[0].hostname"</c>).</summary>
    public Output<TResult> GetProperty<TResult>(string path)
    {
        var segments = PropertyPath.Parse(path);
        if (Node is ReferenceNode reference)
        {
            return new Output<TResult>(new ReferenceNode(reference.Root, [.. reference.Path, .. segments]), false, default);
        }

        throw new UnknownValueException(
            $"Property access '{path}' needs a reference to a resource output, not {Describe()}. " +
            "Read the property from the resource itself (resource.GetOutput).");
    }

    public override string ToString() => throw new UnknownValueException(
        $"An Output<{typeof(T).Name}> was converted to text ({Describe()}). Its value is only known at deploy time; " +
        "use Output.Format($\"…{{output}}…\") to build a string from it.");

    private string Describe() => Node is ReferenceNode r ? $"${{{r.ToExpressionText()}}}" : "a deploy-time value";
}

/// <summary>Factory methods mirroring Pulumi's <c>Output</c> statics, limited to what a YAML program can express.</summary>
public static class Output
{
    public static Output<T> Create<T>(T value) =>
        new(NodeConverter.FromObject(value) ?? throw new ArgumentNullException(nameof(value)), true, value);

    /// <summary>Marks a value secret (<c>fn::secret</c>): Pulumi encrypts it in state and masks it in logs.</summary>
    public static Output<T> CreateSecret<T>(Input<T> value) =>
        new(new FunctionNode("secret", value.Node ?? throw new ArgumentNullException(nameof(value))), false, default);

    /// <summary>Removes secrecy (<c>fn::unsecret</c>). Use only for values that are safe to show.</summary>
    public static Output<T> Unsecret<T>(Output<T> value) => new(new FunctionNode("unsecret", value.Node), false, default);

    /// <summary>A reference to a node, for libraries that build expressions (e.g. resource outputs).</summary>
    public static Output<T> FromNode<T>(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return NodeConverter.TryToObject(node, out var raw) && raw is T known
            ? new Output<T>(node, true, known)
            : new Output<T>(node, false, default);
    }

    /// <summary>
    /// Interpolation: <c>Output.Format($"postgres://{host}:{port}/{db}")</c>. Known arguments are formatted
    /// now; outputs become <c>${…}</c> references (or a <c>fn::join</c> when an argument is a built-in call).
    /// </summary>
    public static Output<string> Format(FormattableString format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var parts = Interpolation.Split(format);
        return Interpolation.Build(parts);
    }

    /// <summary>Collects inputs into one list output.</summary>
    public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) =>
        new(NodeConverter.ListOf(inputs.Select(i => (Input)i)), false, default);

    /// <summary>Serializes a value to JSON at deploy time (<c>fn::toJSON</c>); use for policy documents holding outputs.</summary>
    public static Output<string> JsonSerialize(Input value) =>
        new(new FunctionNode("toJSON", value.Node ?? throw new ArgumentNullException(nameof(value))), false, default);
}

/// <summary>Raised when C# code tries to use a value that exists only at deploy time.</summary>
public sealed class UnknownValueException(string message) : InvalidOperationException(message);
