using System.Runtime.CompilerServices;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>A resource managed by a provider: one resource of the Pulumi YAML program.</summary>
public class CustomResource : Resource
{
    public CustomResource(
        string type,
        string name,
        Props? args = null,
        CustomResourceOptions? options = null,
        [CallerFilePath] string file = "",
        [CallerLineNumber] int line = 0)
        : this(type, name, args, options, new SourceLocation(file, line))
    {
    }

    protected CustomResource(string type, string name, Props? args, CustomResourceOptions? options, SourceLocation declaredAt)
        : base(type, name, options, declaredAt)
    {
        Properties = args?.ToNode() ?? MapNode.Empty;
        OptionsValidator.Validate(this);
        Key = Deployment.Register(this);
    }

    /// <summary>The input properties, as they will be written.</summary>
    public MapNode Properties { get; }

    public new CustomResourceOptions Options => (CustomResourceOptions)base.Options;

    public override bool IsCustom => true;

    /// <summary>The provider-assigned ID (<c>${key.id}</c>).</summary>
    public Output<string> Id => GetOutput<string>("id");

    /// <summary>An output property by its schema name, with an optional nested path: <c>GetOutput&lt;string&gt;("endpoint")</c>, <c>"certificateAuthority.data"</c>.</summary>
    public Output<T> GetOutput<T>(string path)
    {
        var segments = PropertyPath.Parse(path);
        if (segments.Count == 0 || segments[0].IsIndex)
        {
            throw new ArgumentException($"'{path}' does not start with a property name.", nameof(path));
        }

        return new Output<T>(new ReferenceNode(RequireKey(), segments), false, default);
    }

    /// <summary>The resource itself as a value (<c>${key}</c>), accepted where the provider expects a resource or its ID.</summary>
    public Input AsReference() => new ReferenceNode(RequireKey(), []);

    private protected override ResourceOptions DefaultOptions() => new CustomResourceOptions();
}
