using Infra.Core;
using Infra.Core.Configuration;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Testing;

/// <summary>
/// Runs an Infra program in-process against mocked providers (no Pulumi engine, no cloud). Each run has
/// its own state, so tests may run in parallel.
/// </summary>
public static class InfraTest
{
    public static async Task<TestResult> RunAsync(Action program, IMocks mocks, TestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(mocks);
        options ??= new TestOptions();
        var config = StackConfig.FromValues(options.ProjectName, options.StackName, options.Config, options.SecretConfig.Keys);
        var deployment = Deployment.Run(config, program);
        var document = Synthesizer.Synthesize(deployment);
        var run = new TestRun(document, options, mocks);
        await run.RegisterAllAsync(deployment);
        var evaluator = new Evaluator(run);
        var outputs = new Dictionary<string, EvaluatedValue>(StringComparer.Ordinal);
        foreach (var (name, node) in deployment.Outputs)
        {
            outputs[name] = await evaluator.EvaluateAsync(node);
        }

        return new TestResult(deployment, document, run, evaluator, outputs);
    }

    /// <summary>Runs a <see cref="Stack"/>.</summary>
    public static Task<TestResult> RunAsync<TStack>(Func<TStack> createStack, IMocks mocks, TestOptions? options = null)
        where TStack : Stack => RunAsync(new Action(() => createStack()), mocks, options);
}

/// <summary>What a test run produced: the model, the synthesized program, and every value as the mocks made it.</summary>
public sealed class TestResult
{
    private readonly TestRun run;
    private readonly Evaluator evaluator;

    internal TestResult(Deployment deployment, ProgramDocument program, TestRun run, Evaluator evaluator, IReadOnlyDictionary<string, EvaluatedValue> outputs)
    {
        Deployment = deployment;
        Program = program;
        this.run = run;
        this.evaluator = evaluator;
        StackOutputs = outputs;
    }

    public Deployment Deployment { get; }

    public ProgramDocument Program { get; }

    /// <summary>Every resource of the model, components included, in declaration order.</summary>
    public IReadOnlyList<Resource> Resources => Deployment.Resources;

    public IReadOnlyDictionary<string, EvaluatedValue> StackOutputs { get; }

    /// <summary>Custom resources of one type token.</summary>
    public IReadOnlyList<CustomResource> OfType(string type) =>
        Deployment.Resources.OfType<CustomResource>().Where(r => r.Type == type).ToArray();

    /// <summary>What the resource was registered with and what the mock returned.</summary>
    public RegisteredResource Registration(CustomResource resource) => run.Registered[resource.Key!];

    public Task<EvaluatedValue> EvaluateAsync(IOutput output) => evaluator.EvaluateAsync(output.Node);

    public Task<EvaluatedValue> EvaluateAsync(Node node) => evaluator.EvaluateAsync(node);

    public async Task<T?> GetValueAsync<T>(Output<T> output)
    {
        var value = (await evaluator.EvaluateAsync(output.Node)).Value;
        return value switch
        {
            null => default,
            T typed => typed,
            IConvertible when typeof(T).IsPrimitive || typeof(T) == typeof(string) =>
                (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"The value is a {value.GetType().Name}, not a {typeof(T).Name}."),
        };
    }

    public async Task<bool> IsSecretAsync(IOutput output) => (await evaluator.EvaluateAsync(output.Node)).IsSecret;
}
