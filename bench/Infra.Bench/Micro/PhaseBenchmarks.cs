using BenchmarkDotNet.Attributes;
using Infra.Bench.Measure;
using Infra.Bench.Stacks;
using Infra.Core;
using Infra.Core.Schema;
using Infra.Core.Synthesis;
using Infra.Policies;

namespace Infra.Bench.Micro;

/// <summary>
/// Steady-state cost of each phase (JIT done, schemas loaded), for profiling one phase at a time;
/// the whole-process mode is the one that answers "how long does a synth take".
/// </summary>
[MemoryDiagnoser]
public class PhaseBenchmarks
{
    private Deployment deployment = null!;
    private ProgramDocument program = null!;
    private SchemaSet schemas = null!;
    private PolicyContext context = null!;
    private StackShape shape = null!;

    [Params(1_000, 10_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        shape = StackShape.For(Size);
        deployment = Deployment.Run(GeneratedStack.Config(), GeneratedStack.Program(shape));
        program = Synthesizer.Synthesize(deployment);
        schemas = PipelineRun.LoadSchemas(program);
        context = PolicyContext.From(PolicyConfig.Empty, GeneratedStack.Stack, new DateOnly(2025, 1, 1), GeneratedStack.Stack, GeneratedStack.Project);
    }

    [Benchmark]
    public Deployment Build() => Deployment.Run(GeneratedStack.Config(), GeneratedStack.Program(shape));

    [Benchmark]
    public ProgramDocument Lower() => Synthesizer.Synthesize(deployment);

    [Benchmark]
    public SchemaCheckResult SchemaCheck() => Infra.Core.Schema.SchemaCheck.Check(program, schemas);

    [Benchmark]
    public PolicyReport Policy() => PolicyPack.Evaluate(program, context);

    [Benchmark]
    public int Yaml() => PipelineRun.Emit(program);
}
