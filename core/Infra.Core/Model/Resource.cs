using System.Text.RegularExpressions;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// A node of Infra's resource tree. Custom resources become resources of the Pulumi YAML program;
/// components stay in Infra's model (preview trees, graphs, policies) and are flattened in the program.
/// </summary>
public abstract partial class Resource
{
    private readonly List<Resource> children = [];

    private protected Resource(string type, string name, ResourceOptions? options, SourceLocation declaredAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!TypeToken().IsMatch(type))
        {
            throw new ArgumentException($"'{type}' is not a type token of the form package:module:Name.", nameof(type));
        }

        Type = type;
        Name = name;
        DeclaredAt = declaredAt;
        Deployment = Deployment.Current;
        Options = options ?? DefaultOptions();
        Parent = Options.Parent ?? (this is Stack ? null : Deployment.Root);
        if (Parent is not null && Parent.Deployment != Deployment)
        {
            throw new ArgumentException($"The parent of '{name}' belongs to another deployment.", nameof(options));
        }

        Parent?.children.Add(this);
    }

    /// <summary>The type token, e.g. <c>aws:s3/bucket:Bucket</c> or <c>infra:index:Network</c>.</summary>
    public string Type { get; }

    /// <summary>The Pulumi logical name.</summary>
    public string Name { get; }

    public ResourceOptions Options { get; }

    public Resource? Parent { get; }

    public IReadOnlyList<Resource> Children => children;

    /// <summary>Where in C# this resource was declared.</summary>
    public SourceLocation DeclaredAt { get; }

    public Deployment Deployment { get; }

    /// <summary>The package of the type token (<c>aws</c>; for <c>pulumi:providers:aws</c> also <c>aws</c>).</summary>
    public string Package => Type.StartsWith(ProviderPrefix, StringComparison.Ordinal)
        ? Type[ProviderPrefix.Length..]
        : Type[..Type.IndexOf(':', StringComparison.Ordinal)];

    internal const string ProviderPrefix = "pulumi:providers:";

    /// <summary>The key of this resource in the program; null for components, which are not emitted.</summary>
    public string? Key { get; private protected set; }

    public abstract bool IsCustom { get; }

    /// <summary>The URN as an expression (<c>${key.urn}</c>).</summary>
    public Output<string> Urn => new(new ReferenceNode(RequireKey(), [PathSegment.Property("urn")]), false, null);

    /// <summary>The declaration sites from this resource up to the top-level component, for diagnostics.</summary>
    public IEnumerable<Resource> SelfAndAncestors()
    {
        for (var current = this; current is not null && current is not Stack; current = current.Parent)
        {
            yield return current;
        }
    }

    /// <summary>
    /// This resource if custom; for a component, every custom resource below it at any depth (depth first,
    /// in declaration order) — what "depends on the component" means to Pulumi.
    /// </summary>
    public IEnumerable<Resource> CustomResourcesWithin()
    {
        if (IsCustom)
        {
            yield return this;
            yield break;
        }

        var pending = new Stack<Resource>();
        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }

        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next.IsCustom)
            {
                yield return next;
            }

            for (var i = next.children.Count - 1; i >= 0; i--)
            {
                pending.Push(next.children[i]);
            }
        }
    }

    internal string RequireKey() => Key ?? throw new InvalidOperationException(
        $"'{Name}' ({Type}) is a component: it is not a resource of the program, so it cannot be referenced. " +
        "Reference one of its child resources or its outputs instead.");

    private protected abstract ResourceOptions DefaultOptions();

    [GeneratedRegex(@"^[A-Za-z][\w-]*:[^:\s]*:[^:\s]+$")]
    private static partial Regex TypeToken();

    public override string ToString() => $"{Type}::{Name}";
}
