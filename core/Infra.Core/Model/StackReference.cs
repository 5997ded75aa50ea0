using System.Runtime.CompilerServices;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>Reads the outputs of another stack (<c>pulumi:pulumi:StackReference</c>).</summary>
public sealed class StackReference : CustomResource
{
    public StackReference(string name, string? stackName = null, CustomResourceOptions? options = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base("pulumi:pulumi:StackReference", name, new Props { ["name"] = stackName ?? name }, options, new SourceLocation(file, line))
    {
    }

    /// <summary>One output of the referenced stack (<c>${ref.outputs["key"]}</c>).</summary>
    public Output<T> GetStackOutput<T>(string outputName) =>
        new(new ReferenceNode(Key!, [PathSegment.Property("outputs"), PathSegment.Property(outputName)]), false, default);
}
