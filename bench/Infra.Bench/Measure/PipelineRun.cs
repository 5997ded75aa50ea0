using System.Diagnostics;
using System.Text;
using Infra.Bench.Stacks;
using Infra.Core;
using Infra.Core.Schema;
using Infra.Core.Synthesis;
using Infra.Policies;

namespace Infra.Bench.Measure;

/// <summary>
/// The full pipeline once, phase by phase, as synthesis runs it: build the graph (run the program), lower it to
/// the flat program (with the reference-cycle check), load the provider schemas the program uses and check
/// it against them, evaluate the policy pack for prod, and write the YAML program (encoded, as to stdout).
/// </summary>
internal static class PipelineRun
{
    public static RunResult Once(int size, bool oneNamespace = false)
    {
        var shape = StackShape.For(size) with { OneNamespace = oneNamespace };
        var meter = new PhaseMeter();
        var deployment = meter.Measure("build", () => Deployment.Run(GeneratedStack.Config(), GeneratedStack.Program(shape)));
        var program = meter.Measure("lower", () => Synthesizer.Synthesize(deployment));
        var schemas = meter.Measure("schema load", () => LoadSchemas(program));
        var schema = meter.Measure("schema check", () => SchemaCheck.Check(program, schemas));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var policy = meter.Measure("policy", () => PolicyPack.Evaluate(program,
            PolicyContext.From(PolicyConfig.Empty, GeneratedStack.Stack, today, GeneratedStack.Stack, GeneratedStack.Project)));
        var bytes = meter.Measure("yaml", () => Emit(program));

        if (program.Resources.Count != shape.Resources)
        {
            throw new InvalidOperationException($"The stack for size {size} emitted {program.Resources.Count} resources, expected {shape.Resources}.");
        }

        Report(schema, policy);
        using var self = Process.GetCurrentProcess();
        return new RunResult
        {
            Size = size,
            Resources = program.Resources.Count,
            Shape = shape.Describe(),
            Phases = meter.Phases,
            ProcessMilliseconds = (DateTime.Now - self.StartTime).TotalMilliseconds,
            PeakBytes = PeakMemory.Bytes(),
            Gen0Collections = GC.CollectionCount(0),
            Gen2Collections = GC.CollectionCount(2),
            GcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
            ProgramBytes = bytes,
            PolicyFindings = policy.Findings.Count,
            BlockingFindings = policy.Blocking.Count(),
            FindingsByRule = string.Join(", ", policy.Findings.GroupBy(f => (f.RuleId, f.Level)).Select(g => $"{g.Count()} × {g.Key.RuleId} ({g.Key.Level})")),
            SchemaErrors = schema.Diagnostics.Count,
        };
    }

    /// <summary>Locates the schema folder and loads the packages the program uses (what the first check would load lazily).</summary>
    public static SchemaSet LoadSchemas(ProgramDocument program)
    {
        var location = SchemaLocator.Locate();
        if (!location.Found)
        {
            throw new InvalidOperationException($"No provider schemas: {location.Problem} Set {SchemaLocator.EnvironmentVariable}.");
        }

        var schemas = location.Open();
        foreach (var package in program.Resources.Select(r => r.Model?.Package ?? r.Type).Distinct(StringComparer.Ordinal))
        {
            _ = schemas.Find(package);
        }

        return schemas;
    }

    /// <summary>Writes the program as the compiler does (streamed as UTF-8 to standard output), returning its size in bytes.</summary>
    public static int Emit(ProgramDocument program)
    {
        using var sink = new CountingStream();
        using (var writer = new StreamWriter(sink, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            YamlWriter.Write(program, writer, ["Pulumi YAML program synthesized by Infra (benchmark)."]);
        }

        return (int)sink.Length;
    }

    /// <summary>A generated stack must be clean: a schema error or a blocking finding means the benchmark measures the wrong program (the table says so too).</summary>
    private static void Report(SchemaCheckResult schema, PolicyReport policy)
    {
        foreach (var error in schema.Diagnostics.Take(5))
        {
            Console.Error.WriteLine($"schema: {error}");
        }

        foreach (var blocking in policy.Blocking.Take(5))
        {
            Console.Error.WriteLine($"policy: {blocking.Message}");
        }
    }

    /// <summary>A stream that only counts what is written (standard output without a terminal or pipe in the way).</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position
        {
            get => length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
