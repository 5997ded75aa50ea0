namespace Infra.Core.Values;

/// <summary>Options of an invoke (<c>fn::invoke</c> → <c>options</c>).</summary>
public sealed record InvokeOptions
{
    public Resource? Parent { get; init; }

    public ProviderResource? Provider { get; init; }

    public string? Version { get; init; }

    public string? PluginDownloadURL { get; init; }

    public IReadOnlyList<Resource>? DependsOn { get; init; }
}

/// <summary>Provider functions (data sources), evaluated by the engine at deploy time.</summary>
public static class Invoke
{
    /// <summary>
    /// Calls <paramref name="token"/> (e.g. <c>aws:index/getCallerIdentity:getCallerIdentity</c>). With
    /// <paramref name="returnField"/> the result is that field; otherwise the whole result object.
    /// </summary>
    public static Output<T> Call<T>(string token, Props? arguments = null, InvokeOptions? options = null, string? returnField = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (token.Split(':').Length != 3)
        {
            throw new ArgumentException($"'{token}' is not a function token of the form package:module:name.", nameof(token));
        }

        var entries = new List<KeyValuePair<string, Node>> { new("function", new StringNode(token)) };
        if (arguments is { Count: > 0 })
        {
            entries.Add(new("arguments", arguments.ToNode()));
        }

        var optionNode = options is null ? null : Lower(options);
        if (optionNode is { Entries.Count: > 0 })
        {
            entries.Add(new("options", optionNode));
        }

        if (returnField is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(returnField);
            entries.Add(new("return", new StringNode(returnField)));
        }

        return new Output<T>(new FunctionNode("invoke", new MapNode(entries.ToArray())), false, default);
    }

    private static MapNode Lower(InvokeOptions options)
    {
        var entries = new List<KeyValuePair<string, Node>>();
        if (options.Parent is not null)
        {
            entries.Add(new("parent", new ReferenceNode(options.Parent.RequireKey(), [])));
        }

        if (options.Provider is not null)
        {
            entries.Add(new("provider", new ReferenceNode(options.Provider.RequireKey(), [])));
        }

        if (options.Version is not null)
        {
            entries.Add(new("version", new StringNode(SemVer.Require(options.Version, "version"))));
        }

        if (options.PluginDownloadURL is not null)
        {
            entries.Add(new("pluginDownloadURL", new StringNode(options.PluginDownloadURL)));
        }

        if (options.DependsOn is { Count: > 0 })
        {
            entries.Add(new("dependsOn", new ListNode(options.DependsOn.SelectMany(r => r.CustomResourcesWithin())
                .Select(r => (Node)new ReferenceNode(r.RequireKey(), [])).ToArray())));
        }

        return new MapNode(entries.ToArray());
    }
}
