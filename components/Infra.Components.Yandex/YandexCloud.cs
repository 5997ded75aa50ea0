using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Yandex;

/// <summary>
/// The Yandex Cloud realisation of every neutral component. Create it once per stack, inside the program: it
/// declares the stack's default <c>yandex</c> provider (the Terraform provider <c>yandex-cloud/yandex</c> through
/// Pulumi's parameterized <c>terraform-provider</c> package; cloud, folder and default zone from the settings).
/// </summary>
public sealed partial class YandexCloud : ICloud
{
    private static readonly string[] ReleaseChannels = ["RAPID", "REGULAR", "STABLE"];

    private readonly PlatformSettings settings;

    public YandexCloud(PlatformSettings settings, YandexOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        this.settings = settings;
        Options = options;
        Validate(options);
        Provider = new ProviderResource("yandex", "yandex", new Props
        {
            ["cloudId"] = options.CloudId,
            ["folderId"] = options.FolderId,
            ["zone"] = settings.Zones.Count > 0 ? settings.Zones[0] : null,
        }, isDefault: true);
    }

    public string Name => "yandex";

    public YandexOptions Options { get; }

    /// <summary>The stack's default <c>yandex</c> provider.</summary>
    public ProviderResource Provider { get; }

    public MachineTypeRule MachineTypes => new(Options.DefaultMachineType, MachineTypePattern(),
        "a Yandex Cloud machine type written <platform>-<cores>-<memory GiB>, such as standard-v3-4-16");

    internal string Region => settings.Region;

    /// <summary>The settings' labels, which Yandex resources take one by one (the provider has no default labels); null when none.</summary>
    private Props? Labels()
    {
        var labels = new Props();
        foreach (var (key, value) in settings.OrderedLabels)
        {
            labels[key] = value;
        }

        return labels.Count == 0 ? null : labels;
    }

    /// <summary>Splits <c>standard-v3-4-16</c> into the platform, the cores and the memory in GiB.</summary>
    internal static (string Platform, int Cores, int MemoryGb) ParseMachineType(string machineType)
    {
        var match = MachineTypePattern().Match(machineType);
        return (match.Groups[1].Value,
            int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture));
    }

    private static void Validate(YandexOptions options)
    {
        var problems = new Problems(null, SourceLocation.Unknown);
        foreach (var (property, value) in new[]
        {
            ("YandexOptions.CloudId", options.CloudId),
            ("YandexOptions.FolderId", options.FolderId),
            ("YandexOptions.ClusterServiceAccountId", options.ClusterServiceAccountId),
            ("YandexOptions.NodeServiceAccountId", options.NodeServiceAccountId),
        })
        {
            var required = property is "YandexOptions.CloudId" or "YandexOptions.FolderId";
            if ((value is null && required) || (value is not null && !IdPattern().IsMatch(value)))
            {
                problems.Add("INFRA-YANDEX-001", property, value, $"'{value}' is not a Yandex Cloud ID.",
                    "20 lower-case letters and digits", "Copy the ID from the console or from `yc resource-manager folder list`.");
            }
        }

        if (!ReleaseChannels.Contains(options.ReleaseChannel))
        {
            problems.Add("INFRA-YANDEX-002", "YandexOptions.ReleaseChannel", options.ReleaseChannel,
                $"'{options.ReleaseChannel}' is not a Managed Kubernetes release channel.",
                $"one of {string.Join(", ", ReleaseChannels)}", "Use REGULAR (the default) or STABLE.");
        }

        if (options.LogRetentionPeriod is null || !DurationPattern().IsMatch(options.LogRetentionPeriod))
        {
            problems.Add("INFRA-YANDEX-003", "YandexOptions.LogRetentionPeriod", options.LogRetentionPeriod,
                $"'{options.LogRetentionPeriod}' is not a duration.", "hours, e.g. 72h", "Use 72h (the default).");
        }

        problems.ThrowIfAny();
    }

    [GeneratedRegex("^([a-z]+(?:-[a-z]+)*-v[0-9]+)-([1-9][0-9]*)-([1-9][0-9]*)$")]
    private static partial Regex MachineTypePattern();

    [GeneratedRegex("^[a-z0-9]{20}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[1-9][0-9]*h$")]
    private static partial Regex DurationPattern();
}
