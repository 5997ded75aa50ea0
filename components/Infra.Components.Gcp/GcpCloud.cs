using System.Text.RegularExpressions;
using Infra.Components.Clusters;
using Infra.Components.Networking;
using Infra.Components.Validation;
using Infra.Core;
using Infra.Core.Values;

namespace Infra.Components.Gcp;

/// <summary>
/// The Google Cloud realisation of every neutral component. Create it once per stack, inside the program: it
/// declares the stack's default <c>gcp</c> provider (project, region and default labels).
/// </summary>
public sealed partial class GcpCloud : ICloud
{
    public const string ProviderVersion = "9.35.0";

    private static readonly string[] ReleaseChannels = ["RAPID", "REGULAR", "STABLE"];

    private readonly PlatformSettings settings;

    public GcpCloud(PlatformSettings settings, GcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        this.settings = settings;
        Options = options;
        PrivateServicesRange = Validate(options);
        var labels = new Props();
        foreach (var (key, value) in settings.OrderedLabels)
        {
            labels[key] = value;
        }

        Provider = new ProviderResource("gcp", "gcp", new Props
        {
            ["project"] = options.Project,
            ["region"] = settings.Region,
            ["defaultLabels"] = labels.Count == 0 ? null : labels,
        }, new CustomResourceOptions { Version = ProviderVersion }, isDefault: true);
    }

    public string Name => "gcp";

    public GcpOptions Options { get; }

    /// <summary>The stack's default <c>gcp</c> provider.</summary>
    public ProviderResource Provider { get; }

    public MachineTypeRule MachineTypes => new(Options.DefaultMachineType, MachineTypePattern(), "a Compute Engine machine type such as e2-standard-4");

    internal string Region => settings.Region;

    private Cidr? PrivateServicesRange { get; }

    private static Cidr? Validate(GcpOptions options)
    {
        var problems = new Problems(null, SourceLocation.Unknown);
        if (options.Project is null || !ProjectPattern().IsMatch(options.Project))
        {
            problems.Add("INFRA-GCP-001", "GcpOptions.Project", options.Project, $"'{options.Project}' is not a project ID.",
                "6 to 30 lower-case letters, digits and hyphens, starting with a letter", "Give the project ID (not its name), e.g. acme-prod.");
        }

        if (options.ProjectNumber is null || !ProjectNumberPattern().IsMatch(options.ProjectNumber))
        {
            problems.Add("INFRA-GCP-002", "GcpOptions.ProjectNumber", options.ProjectNumber, $"'{options.ProjectNumber}' is not a project number.",
                "the project's numeric ID", "Copy it from `gcloud projects describe <project> --format='value(projectNumber)'`.");
        }

        if (!ReleaseChannels.Contains(options.ReleaseChannel))
        {
            problems.Add("INFRA-GCP-003", "GcpOptions.ReleaseChannel", options.ReleaseChannel, $"'{options.ReleaseChannel}' is not a GKE release channel.",
                $"one of {string.Join(", ", ReleaseChannels)}", "Use REGULAR (the default) or STABLE.");
        }

        var range = options.PrivateServicesCidr is null
            ? null
            : CidrRules.ParsePrivate(problems, "GcpOptions.PrivateServicesCidr", options.PrivateServicesCidr, 16, 24, "10.200.0.0/16");
        problems.ThrowIfAny();
        return range;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*-[a-z0-9-]+$")]
    private static partial Regex MachineTypePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[0-9]{6,20}$")]
    private static partial Regex ProjectNumberPattern();
}
