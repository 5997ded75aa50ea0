using System.Runtime.CompilerServices;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// A reusable group of resources. It is kept in Infra's tree; in the program its children stand at top
/// level with explicit provider/protect/retainOnDelete inherited from it.
/// </summary>
public class ComponentResource : Resource
{
    private readonly List<KeyValuePair<string, Node>> outputs = [];

    public ComponentResource(
        string type,
        string name,
        ComponentResourceOptions? options = null,
        [CallerFilePath] string file = "",
        [CallerLineNumber] int line = 0)
        : this(type, name, options, new SourceLocation(file, line))
    {
    }

    protected ComponentResource(string type, string name, ComponentResourceOptions? options, SourceLocation declaredAt)
        : base(type, name, options, declaredAt)
    {
        if (options is { Provider: not null, Providers: not null })
        {
            throw new ArgumentException($"Component '{name}': give Provider or Providers, not both.", nameof(options));
        }

        OptionsValidator.Validate(this);
        Deployment.Register(this);
    }

    public new ComponentResourceOptions Options => (ComponentResourceOptions)base.Options;

    public override bool IsCustom => false;

    /// <summary>The registered outputs, in registration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Node>> RegisteredOutputs => outputs;

    /// <summary>Options for a child of this component: parented to it, nothing else set.</summary>
    protected CustomResourceOptions ChildOptions => new() { Parent = this };

    /// <summary>A child's logical name, prefixed with this component's name so that two instances never collide.</summary>
    protected string ChildName(string suffix) => $"{Name}-{suffix}";

    protected void RegisterOutputs(IEnumerable<KeyValuePair<string, Input>> values)
    {
        foreach (var (key, value) in values)
        {
            if (value.Node is not null)
            {
                outputs.Add(new(key, value.Node));
            }
        }
    }

    private protected override ResourceOptions DefaultOptions() => new ComponentResourceOptions();
}
