using System.Collections;
using System.Collections.Immutable;
using Infra.Core;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Testing;

/// <summary>The state of one test run: what every resource was registered with and what the mocks answered.</summary>
internal sealed class TestRun(ProgramDocument program, TestOptions options, IMocks mocks)
{
    private readonly Dictionary<string, RegisteredResource> registered = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, RegisteredResource> Registered => registered;

    public async Task RegisterAllAsync(Deployment deployment)
    {
        var evaluator = new Evaluator(this);

        // Declaration order is a dependency order: C# can only reference resources that already exist.
        foreach (var resource in deployment.Resources)
        {
            if (resource is Infra.Core.Stack)
            {
                continue;
            }

            if (resource is not CustomResource custom)
            {
                await mocks.NewResourceAsync(new MockResourceArgs
                {
                    Type = resource.Type,
                    Name = resource.Name,
                    Inputs = ImmutableDictionary<string, object?>.Empty,
                    IsComponent = true,
                });
                continue;
            }

            var declaration = program.FindResource(custom.Key!)!;
            var inputs = await evaluator.EvaluateAsync(declaration.Get?["state"] ?? declaration.Properties);
            var secretInputs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, node) in (declaration.Get?["state"] as MapNode ?? declaration.Properties)?.Entries ?? [])
            {
                if ((await evaluator.EvaluateAsync(node)).IsSecret)
                {
                    secretInputs.Add(key);
                }
            }

            foreach (var name in custom.Options.AdditionalSecretOutputs ?? [])
            {
                secretInputs.Add(name);
            }

            var id = declaration.Get?["id"] is { } idNode ? Evaluator.ToText((await evaluator.EvaluateAsync(idNode)).Value) : custom.Options.ImportId;
            var inputMap = inputs.Value as ImmutableDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty;
            var (mockId, state) = await mocks.NewResourceAsync(new MockResourceArgs
            {
                Type = custom.Type,
                Name = custom.Name,
                Inputs = inputMap,
                Provider = Inherited.ProviderFor(custom)?.Key,
                Id = id,
            });
            registered[custom.Key!] = new RegisteredResource(custom, inputMap, Evaluator.ToDictionary(state), mockId ?? $"{custom.Name}_id", secretInputs);
        }
    }

    public EvaluatedValue Resolve(ReferenceNode reference)
    {
        object? current;
        var secret = false;
        if (registered.TryGetValue(reference.Root, out var resource))
        {
            if (reference.Path.Count == 0)
            {
                return new(resource.Id, false);
            }

            var first = reference.Path[0].Key;
            current = first switch
            {
                "id" => resource.Id,
                "urn" => ProgramDocument.UrnOf(options.StackName, options.ProjectName, program.FindResource(reference.Root)!, _ => null),
                _ => resource.Outputs.TryGetValue(first!, out var output) ? output : resource.Inputs.GetValueOrDefault(first!),
            };
            secret = first is not null && resource.SecretProperties.Contains(first);
            return new(Walk(current, reference.Path, 1), secret);
        }

        if (reference.Root == "pulumi")
        {
            current = reference.Path.Count == 0 ? null : reference.Path[0].Key switch
            {
                "stack" => options.StackName,
                "project" => options.ProjectName,
                "organization" => options.OrganizationName,
                "cwd" or "rootDirectory" => Environment.CurrentDirectory,
                _ => null,
            };
            return new(current, false);
        }

        var configKey = reference.Root;
        var shortKey = configKey.StartsWith(options.ProjectName + ":", StringComparison.Ordinal) ? configKey[(options.ProjectName.Length + 1)..] : configKey;
        if (options.SecretConfig.TryGetValue(configKey, out var secretValue) || options.SecretConfig.TryGetValue(shortKey, out secretValue))
        {
            return new(Walk(secretValue, reference.Path, 0), true);
        }

        if (options.Config.TryGetValue(configKey, out var plain) || options.Config.TryGetValue(shortKey, out plain))
        {
            return new(Walk(plain, reference.Path, 0), false);
        }

        throw new InvalidOperationException($"${{{reference.ToExpressionText()}}} refers to nothing the test run knows (no resource, config value or built-in variable '{reference.Root}').");
    }

    public async Task<EvaluatedValue> InvokeAsync(MapNode invoke, Evaluator evaluator)
    {
        var token = ((StringNode)invoke["function"]!).Value;
        var arguments = await evaluator.EvaluateAsync(invoke["arguments"] ?? MapNode.Empty);
        var provider = (invoke["options"] as MapNode)?["provider"] is ReferenceNode p ? p.Root : null;
        var result = Evaluator.ToDictionary(await mocks.CallAsync(new MockCallArgs
        {
            Token = token,
            Args = (ImmutableDictionary<string, object?>)arguments.Value!,
            Provider = provider,
        }));
        object? value = invoke["return"] is StringNode field ? result.GetValueOrDefault(field.Value) : result;
        return new(value, arguments.IsSecret);
    }

    public object? DescribeResource(FunctionNode function)
    {
        var key = ((ReferenceNode)function.Argument).Root;
        var declaration = program.FindResource(key)!;
        return function.Name == "pulumiResourceName" ? declaration.LogicalName : declaration.Type;
    }

    private static object? Walk(object? value, IReadOnlyList<PathSegment> path, int from)
    {
        var current = value;
        for (var i = from; i < path.Count && current is not null; i++)
        {
            current = path[i].IsIndex
                ? current is IList list && path[i].Index < list.Count ? list[path[i].Index] : null
                : Evaluator.ToDictionary(current is string ? null : current).GetValueOrDefault(path[i].Key!);
        }

        return current;
    }
}

/// <summary>A resource as registered in a test: evaluated inputs, the mock's outputs and ID.</summary>
public sealed record RegisteredResource(
    CustomResource Resource,
    ImmutableDictionary<string, object?> Inputs,
    ImmutableDictionary<string, object?> Outputs,
    string Id,
    IReadOnlySet<string> SecretProperties);
