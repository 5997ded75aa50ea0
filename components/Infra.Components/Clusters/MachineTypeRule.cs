using System.Text.RegularExpressions;

namespace Infra.Components.Clusters;

/// <summary>A cloud's machine types as the neutral validation needs them.</summary>
/// <param name="Default">The general-purpose type used when a node pool names none.</param>
/// <param name="Pattern">The shape of a valid type name.</param>
/// <param name="Description">The rule in words, for error messages, e.g. "an EC2 instance type such as m6i.large".</param>
public sealed record MachineTypeRule(string Default, Regex Pattern, string Description);
