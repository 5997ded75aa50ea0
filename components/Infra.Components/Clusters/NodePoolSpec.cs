using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Validation;

namespace Infra.Components.Clusters;

/// <summary>A taint with its value resolved (empty when none was given).</summary>
public sealed record NodeTaintSpec(string Key, string Value, TaintEffect Effect);

/// <summary>A <see cref="NodePoolArgs"/> with every default applied and every rule checked.</summary>
public sealed partial record NodePoolSpec
{
    public const string DefaultPoolName = "system";
    public const int DefaultDiskSizeGb = 64;
    public const int MaxNameLength = 20;

    public required string Name { get; init; }

    public required string MachineType { get; init; }

    /// <summary>Node counts are totals across the network's zones.</summary>
    public required int MinNodes { get; init; }

    public required int MaxNodes { get; init; }

    public required int DesiredNodes { get; init; }

    public required int DiskSizeGb { get; init; }

    /// <summary>In ordinal key order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; }

    public required IReadOnlyList<NodeTaintSpec> Taints { get; init; }

    /// <summary>
    /// This pool's share of a total for one zone: the total split as evenly as possible, earlier zones taking the
    /// remainder. Clouds whose pools are per zone use it to keep the configured totals.
    /// </summary>
    public static int ShareOf(int total, int zoneCount, int zoneIndex) =>
        (total / zoneCount) + (zoneIndex < total % zoneCount ? 1 : 0);

    internal static NodePoolSpec? Resolve(Problems problems, string property, NodePoolArgs args, PlatformSettings settings, MachineTypeRule machineTypes)
    {
        var before = problems.Count;
        if (args.Name is null || args.Name.Length > MaxNameLength || !NamePattern().IsMatch(args.Name) || args.Name.EndsWith('-'))
        {
            problems.Add("INFRA-K8S-006", $"{property}.Name", args.Name, $"'{args.Name}' is not a valid node pool name.",
                $"lower-case letters, digits and hyphens, starting with a letter, at most {MaxNameLength} characters",
                "Use a short name such as system or workers.");
        }

        var pool = args.Name ?? "";
        var min = args.MinNodes ?? (settings.IsProduction ? 3 : 1);
        var max = args.MaxNodes ?? Math.Max(settings.IsProduction ? 6 : 3, min);
        var desired = args.DesiredNodes ?? Math.Max(min, 1);
        RequireAtLeastOne(problems, $"{property}.MinNodes", pool, min);
        RequireAtLeastOne(problems, $"{property}.MaxNodes", pool, max);
        RequireAtLeastOne(problems, $"{property}.DesiredNodes", pool, desired);
        if (min >= 1 && max >= 1 && min > max)
        {
            problems.Add("INFRA-K8S-008", $"{property}.MaxNodes", Text(max), $"MaxNodes {max} is below MinNodes {min}.",
                "MinNodes <= DesiredNodes <= MaxNodes", $"Set MaxNodes to {min} or more, or lower MinNodes.");
        }
        else if (min >= 1 && max >= 1 && desired >= 1 && (desired < min || desired > max))
        {
            problems.Add("INFRA-K8S-008", $"{property}.DesiredNodes", Text(desired),
                $"DesiredNodes {desired} is outside MinNodes..MaxNodes ({min}..{max}).",
                "MinNodes <= DesiredNodes <= MaxNodes", $"Set DesiredNodes between {min} and {max}, or leave it unset to start at MinNodes.");
        }

        var machineType = args.MachineType ?? machineTypes.Default;
        if (!machineTypes.Pattern.IsMatch(machineType))
        {
            problems.Add("INFRA-K8S-009", $"{property}.MachineType", machineType, $"'{machineType}' is not a machine type of this cloud.",
                machineTypes.Description, $"Use {machineTypes.Description}.");
        }

        var disk = args.DiskSizeGb ?? DefaultDiskSizeGb;
        if (disk is < 30 or > 2048)
        {
            problems.Add("INFRA-K8S-010", $"{property}.DiskSizeGb", Text(disk), $"{disk} GiB is outside 30..2048 GiB.",
                "boot disks of 30 to 2048 GiB", $"Use {DefaultDiskSizeGb} (the default) or another size in range.");
        }

        var labels = (args.Labels ?? new Dictionary<string, string>()).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        foreach (var (key, value) in labels)
        {
            KubernetesLabels.Check(problems, $"{property}.Labels[\"{key}\"]", key, value);
        }

        var taints = new List<NodeTaintSpec>();
        for (var i = 0; i < (args.Taints?.Count ?? 0); i++)
        {
            var taint = args.Taints![i];
            KubernetesLabels.Check(problems, $"{property}.Taints[{i}]", taint.Key, taint.Value ?? "");
            taints.Add(new NodeTaintSpec(taint.Key, taint.Value ?? "", taint.Effect));
        }

        return problems.Count > before ? null : new NodePoolSpec
        {
            Name = pool,
            MachineType = machineType,
            MinNodes = min,
            MaxNodes = max,
            DesiredNodes = desired,
            DiskSizeGb = disk,
            Labels = labels,
            Taints = taints,
        };
    }

    private static void RequireAtLeastOne(Problems problems, string property, string pool, int count)
    {
        if (count < 1)
        {
            problems.Add("INFRA-K8S-007", property, Text(count), $"{count} nodes is too few; node pool '{pool}' needs at least 1 node.",
                "every node pool keeps at least 1 node", "Set it to 1 or more; the autoscaler adds nodes up to MaxNodes.");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
