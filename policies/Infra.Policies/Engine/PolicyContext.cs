namespace Infra.Policies;

/// <summary>
/// Everything an evaluation depends on besides the program. <see cref="Today"/> is given, never read from the
/// clock, so that a report (and whether an exemption has expired) is reproducible.
/// </summary>
public sealed record PolicyContext
{
    /// <summary>The environment, e.g. <c>dev</c> or <c>prod</c>; decides "prod: M" rules.</summary>
    public required string Environment { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The stack name, for URNs; defaults to the environment.</summary>
    public string? Stack { get; init; }

    /// <summary>The project name, for URNs; defaults to the program's name, then <c>infra</c>.</summary>
    public string? Project { get; init; }

    public IReadOnlyList<Exemption> Exemptions { get; init; } = [];

    /// <summary>Per-rule enforcement that replaces the rule's default in this stack.</summary>
    public IReadOnlyDictionary<string, EnforcementLevel> Overrides { get; init; } = new Dictionary<string, EnforcementLevel>();

    public PolicyParameters Parameters { get; init; } = new();

    /// <summary>Environments treated as production (case-insensitive).</summary>
    public IReadOnlyCollection<string> ProductionEnvironments { get; init; } = ["prod", "production"];

    /// <summary>The Pulumi YAML file the program was read from (repository-relative), for report locations.</summary>
    public string? ProgramFile { get; init; }

    /// <summary>Resolves type tokens that Pulumi's short-form rule does not cover (e.g. from a package schema).</summary>
    public Func<string, string?>? TypeResolver { get; init; }

    public bool IsProduction => ProductionEnvironments.Contains(Environment, StringComparer.OrdinalIgnoreCase);

    /// <summary>Test hook: records every property path the rules read.</summary>
    internal ReadRecorder? Reads { get; init; }

    /// <summary>A context from loaded stack config.</summary>
    public static PolicyContext From(PolicyConfig config, string environment, DateOnly today, string? stack = null, string? project = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PolicyContext
        {
            Environment = environment,
            Today = today,
            Stack = stack,
            Project = project,
            Exemptions = config.Exemptions,
            Overrides = config.Enforcement,
            Parameters = config.Parameters,
        };
    }
}

/// <summary>Thresholds some rules take from configuration instead of hard-coding them.</summary>
public sealed record PolicyParameters
{
    /// <summary>Admin and data ports that must never be open to the internet (INF-NET-001).</summary>
    public IReadOnlyList<int> AdminPorts { get; init; } =
        [22, 3389, 5432, 3306, 6379, 27017, 9092, 9093, 9094, 9095, 9096, 8123, 8443, 9000, 9440, 2181];

    /// <summary>Days of automated backups required in production (INF-DATA-003); elsewhere backups must merely be on.</summary>
    public int MinBackupRetentionDays { get; init; } = 7;

    /// <summary>Days of log retention required in production (INF-LOG-002).</summary>
    public int MinLogRetentionDays { get; init; } = 365;

    /// <summary>Oldest Kubernetes minor version allowed (INF-K8S-005), e.g. <c>1.30</c>; null skips the version check.</summary>
    public string? MinKubernetesVersion { get; init; }
}
