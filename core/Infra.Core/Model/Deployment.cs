using System.Reflection;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// One run of a program for one stack: the registry of every resource, the config and the stack outputs.
/// The current deployment flows with the async context, so parallel runs (tests) never share state.
/// </summary>
public sealed class Deployment
{
    private static readonly AsyncLocal<Deployment?> CurrentDeployment = new();

    private readonly List<Resource> resources = [];
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> numberedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Name), Resource> identities = [];
    private readonly Dictionary<string, ProviderResource> defaultProviders = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, Node>> outputs = [];

    private Deployment(StackConfig config)
    {
        ConfigTracker = new ConfigTracker(config);
    }

    /// <summary>The deployment being built on this async flow.</summary>
    public static Deployment Current => CurrentDeployment.Value ?? throw new InvalidOperationException(
        "Resources and Config can only be created while a program runs (Deployment.Run or the testing kit).");

    public string ProjectName => ConfigTracker.Config.ProjectName;

    public string StackName => ConfigTracker.Config.StackName;

    public StackConfig StackConfig => ConfigTracker.Config;

    /// <summary>The stack component, when the program is a <see cref="Stack"/>.</summary>
    public Stack? Root { get; private set; }

    /// <summary>Every resource in declaration order, components included.</summary>
    public IReadOnlyList<Resource> Resources => resources;

    public IReadOnlyList<KeyValuePair<string, Node>> Outputs => outputs;

    public IReadOnlyDictionary<string, ProviderResource> DefaultProviders => defaultProviders;

    internal ConfigTracker ConfigTracker { get; }

    /// <summary>
    /// Runs <paramref name="program"/> and returns the finished model. Config problems, invalid options and
    /// duplicate resources are all reported in one <see cref="InfraException"/>.
    /// </summary>
    public static Deployment Run(StackConfig config, Action program)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(program);
        var deployment = new Deployment(config);
        var previous = CurrentDeployment.Value;
        CurrentDeployment.Value = deployment;
        try
        {
            program();
            deployment.CollectStackOutputs();
            deployment.ConfigTracker.ReportUnknownKeys();
        }
        catch (Exception e) when (deployment.ConfigTracker.Problems.Count > 0 && e is not OutOfMemoryException)
        {
            // A config problem is the root cause of whatever failed after it: report the config problems.
            deployment.ConfigTracker.ReportUnknownKeys(onlyNearMisses: true);
            throw new InfraException([.. deployment.ConfigTracker.Problems]);
        }
        finally
        {
            CurrentDeployment.Value = previous;
        }

        if (deployment.ConfigTracker.Problems.Count > 0)
        {
            throw new InfraException([.. deployment.ConfigTracker.Problems]);
        }

        return deployment;
    }

    /// <summary>Runs a <see cref="Stack"/> program.</summary>
    public static Deployment Run<TStack>(StackConfig config, Func<TStack> createStack)
        where TStack : Stack => Run(config, new Action(() => createStack()));

    /// <summary>Stops the program here if any config value so far is missing or invalid, listing all of them.</summary>
    public void ThrowIfConfigInvalid()
    {
        if (ConfigTracker.Problems.Count > 0)
        {
            throw new InfraException([.. ConfigTracker.Problems]);
        }
    }

    /// <summary>Exports a stack output.</summary>
    public void Export(string name, Input value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value.Node is null)
        {
            return;
        }

        if (outputs.Exists(o => o.Key == name))
        {
            throw new ArgumentException($"Stack output '{name}' is exported twice.", nameof(name));
        }

        outputs.Add(new(name, value.Node));
    }

    internal bool IsResourceKey(string key) => keys.Contains(key);

    internal string Register(CustomResource resource)
    {
        CheckUnique(resource);
        resources.Add(resource);
        var key = ProgramKeys.Allocate(resource.Name, resource.Type, keys, numberedKeys);
        keys.Add(key);
        return key;
    }

    internal void Register(ComponentResource component)
    {
        CheckUnique(component);
        resources.Add(component);
        if (component is Stack stack)
        {
            Root = Root is null ? stack : throw new InvalidOperationException("A program can have only one Stack.");
        }
    }

    internal void RegisterDefaultProvider(ProviderResource provider)
    {
        if (!defaultProviders.TryAdd(provider.PackageName, provider))
        {
            var first = defaultProviders[provider.PackageName];
            throw new InfraException(Diagnostic.At(provider.DeclaredAt, "INFRA-PROGRAM-003",
                $"Two default providers for package '{provider.PackageName}': '{first.Name}' ({first.DeclaredAt}) and '{provider.Name}'.") with
            {
                Resource = provider.Name,
                Rule = "one default provider per package",
                Fix = "Make one of them an explicit provider (isDefault: false) and pass it with the Provider option.",
            });
        }
    }

    private void CheckUnique(Resource resource)
    {
        if (!identities.TryAdd((resource.Type, resource.Name), resource))
        {
            var first = identities[(resource.Type, resource.Name)];
            throw new InfraException(Diagnostic.At(resource.DeclaredAt, "INFRA-PROGRAM-001",
                $"Duplicate resource: '{resource.Name}' of type {resource.Type} was already declared at {first.DeclaredAt}.") with
            {
                Resource = resource.Name,
                Rule = "a resource's type and name must be unique in a stack (they make its URN)",
                Fix = "Give one of them another name; inside a component, prefix children with the component's name.",
            });
        }
    }

    private void CollectStackOutputs()
    {
        if (Root is null)
        {
            return;
        }

        foreach (var property in Root.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute)
            {
                continue;
            }

            var value = property.GetValue(Root) ?? throw new InvalidOperationException(
                $"Stack output property '{property.Name}' is null; every [Output] property must be set in the constructor.");
            Export(attribute.Name ?? property.Name, Input.From(value));
        }
    }
}
