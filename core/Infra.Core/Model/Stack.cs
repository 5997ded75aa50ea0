using System.Runtime.CompilerServices;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// The root component of a program (<c>pulumi:pulumi:Stack</c>, named <c>&lt;project&gt;-&lt;stack&gt;</c>).
/// Create resources in the constructor; public properties marked <see cref="OutputAttribute"/> become stack outputs.
/// </summary>
public abstract class Stack : ComponentResource
{
    protected Stack([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        : base("pulumi:pulumi:Stack", $"{Deployment.Current.ProjectName}-{Deployment.Current.StackName}", null, new SourceLocation(file, line))
    {
    }

    /// <summary>Exports a stack output by name.</summary>
    protected void Export(string name, Input value) => Deployment.Export(name, value);
}
