using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Components.Validation;
using Infra.Core;

namespace Infra.Components.Data;

/// <summary>The one place where a data service's arguments get their defaults and are checked against the cloud's rules.</summary>
public static partial class DataServiceSpecs
{
    public const string VersionCode = "INFRA-DATA-001";
    public const string MachineClassCode = "INFRA-DATA-002";
    public const string StorageCode = "INFRA-DATA-003";
    public const string RetentionCode = "INFRA-DATA-004";
    public const string ScheduleCode = "INFRA-DATA-005";
    public const string NameCode = "INFRA-DATA-006";
    public const string ClusterCode = "INFRA-DATA-007";
    public const string ZonesCode = "INFRA-DATA-009";

    /// <summary>Retention production needs at least (policy INF-DATA-003).</summary>
    public const int ProductionMinRetentionDays = 7;

    private const int DefaultRetentionDays = 7;

    private static readonly string[] ReservedUsers = ["admin", "root", "postgres", "rdsadmin", "cloudsqladmin", "default", "mdb_admin"];

    /// <summary>
    /// Applies every default and checks every rule, reporting all problems at once (one <see cref="Core.Diagnostics.InfraException"/>),
    /// each naming the property (<c>PostgresDatabaseArgs.Version</c>), the value, the rule and a fix.
    /// </summary>
    public static DataServiceSpec Resolve(string name, DataEngine engine, DataServiceArgs args, PlatformSettings settings,
        EngineRules rules, SourceLocation declaredAt)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rules);
        var type = args.GetType().Name;
        var problems = new Problems(name, declaredAt);
        ComponentNames.Check(problems, type[..^"Args".Length], name);

        var version = args.Version ?? rules.DefaultVersion;
        if (!rules.Versions.Contains(version))
        {
            problems.Add(VersionCode, $"{type}.Version", version, $"'{version}' is not a version {rules.Service} accepts.",
                $"one of {string.Join(", ", rules.Versions)}", $"Use {rules.DefaultVersion} (the default) or another listed version.");
        }

        var machineClass = CheckMachineClass(problems, type, args, rules);
        var storage = CheckStorage(problems, type, args, rules);
        var retention = CheckRetention(problems, type, args, settings, rules);
        CheckSchedule(problems, type, args);
        var (database, user) = CheckNames(problems, type, name, engine, args);

        if (rules.InCluster && args.KubernetesProvider is null)
        {
            problems.Add(ClusterCode, $"{type}.KubernetesProvider", null,
                $"{rules.Service} runs in a Kubernetes cluster, so it needs the cluster's provider.",
                "where a cloud has no managed offer the service runs in-cluster", "Pass KubernetesProvider = cluster.KubernetesProvider.");
        }

        var highAvailability = args.HighAvailability ?? settings.IsProduction;
        if (highAvailability && args.Network.Zones.Count < 2)
        {
            problems.Add(ZonesCode, $"{type}.HighAvailability", "true",
                $"network '{args.Network.Name}' spans {args.Network.Zones.Count} zone, so replicas cannot be spread.",
                "a highly available service needs a network in at least 2 zones",
                "Give the network at least 2 zones (NetworkArgs.ZoneCount), or set HighAvailability = false.");
        }

        problems.ThrowIfAny();
        return new DataServiceSpec
        {
            Engine = engine,
            Name = name,
            Version = version,
            MachineClass = machineClass,
            Size = args.Size,
            StorageGb = storage,
            BackupRetentionDays = retention,
            BackupStartHourUtc = args.BackupStartHourUtc,
            HighAvailability = highAvailability,
            CustomerManagedKey = args.CustomerManagedKey ?? settings.IsProduction,
            Maintenance = args.Maintenance,
            Protect = settings.ProtectStatefulResources,
            DatabaseName = database,
            Username = user,
            Zones = args.Network.Zones,
            KubernetesProvider = rules.InCluster ? args.KubernetesProvider : null,
            Rules = rules,
        };
    }

    private static string CheckMachineClass(Problems problems, string type, DataServiceArgs args, EngineRules rules)
    {
        if (args.MachineClass is null)
        {
            return rules.ClassBySize[args.Size];
        }

        if (rules.ClassPattern is null)
        {
            problems.Add(MachineClassCode, $"{type}.MachineClass", args.MachineClass,
                $"{rules.Service} has no machine classes to choose from.", rules.ClassDescription, "Remove MachineClass and choose Size instead.");
        }
        else if (!rules.ClassPattern.IsMatch(args.MachineClass))
        {
            problems.Add(MachineClassCode, $"{type}.MachineClass", args.MachineClass,
                $"'{args.MachineClass}' is not a machine class of {rules.Service}.", rules.ClassDescription,
                $"Use a class such as {rules.ClassBySize[DataSize.Medium]}, or leave MachineClass unset to size by Size.");
        }

        return args.MachineClass;
    }

    private static int? CheckStorage(Problems problems, string type, DataServiceArgs args, EngineRules rules)
    {
        if (rules.Storage is not { } limits)
        {
            if (args.StorageGb is { } given)
            {
                problems.Add(StorageCode, $"{type}.StorageGb", Text(given), $"{rules.Service} sizes its storage itself.",
                    "no disk size on this service", "Remove StorageGb.");
            }

            return null;
        }

        var size = args.StorageGb ?? limits.DefaultGb;
        if (size < limits.MinGb || size > limits.MaxGb)
        {
            problems.Add(StorageCode, $"{type}.StorageGb", Text(size), $"{size} GB is outside what {rules.Service} accepts.",
                $"{limits.MinGb} to {limits.MaxGb} GB", $"Use at least {limits.MinGb} and at most {limits.MaxGb} GB.");
        }

        return size;
    }

    private static int CheckRetention(Problems problems, string type, DataServiceArgs args, PlatformSettings settings, EngineRules rules)
    {
        var property = $"{type}.BackupRetentionDays";
        if (rules.MaxBackupRetentionDays == 0)
        {
            if (args.BackupRetentionDays is { } given)
            {
                problems.Add(RetentionCode, property, Text(given), $"{rules.Service} keeps no dated backups.",
                    "no retention on this service", "Remove BackupRetentionDays.");
            }

            return 0;
        }

        var days = args.BackupRetentionDays ?? DefaultRetentionDays;
        var min = Math.Max(rules.MinBackupRetentionDays, settings.IsProduction ? ProductionMinRetentionDays : 1);
        var rule = $"{rules.MinBackupRetentionDays} to {rules.MaxBackupRetentionDays} days; at least {ProductionMinRetentionDays} in production";
        if (days > rules.MaxBackupRetentionDays)
        {
            problems.Add(RetentionCode, property, Text(days), $"{days} days is more than {rules.Service} keeps.", rule,
                $"Use {rules.MaxBackupRetentionDays} or fewer days.");
        }
        else if (days < min)
        {
            problems.Add(RetentionCode, property, Text(days),
                settings.IsProduction && days < ProductionMinRetentionDays
                    ? $"{days} days is too short for production."
                    : $"{days} days is less than {rules.Service} keeps.",
                rule, $"Use at least {min} days.");
        }

        return days;
    }

    private static void CheckSchedule(Problems problems, string type, DataServiceArgs args)
    {
        if (args.BackupStartHourUtc is < 0 or > 23)
        {
            problems.Add(ScheduleCode, $"{type}.BackupStartHourUtc", Text(args.BackupStartHourUtc),
                $"{args.BackupStartHourUtc} is not an hour of the day.", "0 to 23 (UTC)", "Use 1 (the default) or another hour.");
        }

        var maintenance = args.Maintenance ?? new MaintenanceWindow();
        if (maintenance.StartHourUtc is < 0 or > 23)
        {
            problems.Add(ScheduleCode, $"{type}.Maintenance.StartHourUtc", Text(maintenance.StartHourUtc),
                $"{maintenance.StartHourUtc} is not an hour of the day.", "0 to 23 (UTC)", "Use 3 (the default) or another hour.");
        }
        else if (maintenance.StartHourUtc == args.BackupStartHourUtc)
        {
            problems.Add(ScheduleCode, $"{type}.BackupStartHourUtc", Text(args.BackupStartHourUtc),
                $"the backup hour {args.BackupStartHourUtc}:00 UTC is also the maintenance hour.",
                "backups and maintenance in different hours (clouds refuse overlapping windows)",
                "Move BackupStartHourUtc or Maintenance.StartHourUtc to another hour.");
        }
    }

    private static (string? Database, string? User) CheckNames(Problems problems, string type, string name, DataEngine engine, DataServiceArgs args)
    {
        var (database, user) = args switch
        {
            PostgresDatabaseArgs p => (p.DatabaseName, p.Username),
            MongoDatabaseArgs m => (m.DatabaseName, m.Username),
            ClickHouseDatabaseArgs c => (c.DatabaseName, c.Username),
            _ => (null, null),
        };
        if (engine == DataEngine.Redis)
        {
            return (null, null);
        }

        database ??= name.Replace('-', '_');
        if (!IdentifierPattern().IsMatch(database))
        {
            problems.Add(NameCode, $"{type}.DatabaseName", database, $"'{database}' cannot name a database on every cloud.",
                "a lower-case letter, then lower-case letters, digits or _, at most 63 characters", "Use a name such as orders.");
        }

        if (user is null || !UserPattern().IsMatch(user) || ReservedUsers.Contains(user))
        {
            problems.Add(NameCode, $"{type}.Username", user,
                user is not null && ReservedUsers.Contains(user) ? $"'{user}' is reserved by the engine or the cloud." : $"'{user}' cannot name a database user on every cloud.",
                $"a lower-case letter, then lower-case letters, digits or _, at most 32 characters; not {string.Join(", ", ReservedUsers)}",
                "Use app (the default) or a name such as orders_app.");
        }

        return (database, user);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex UserPattern();
}
