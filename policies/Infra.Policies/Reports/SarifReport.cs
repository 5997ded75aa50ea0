using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Policies;

/// <summary>How the SARIF file is written.</summary>
public sealed record SarifOptions
{
    /// <summary>
    /// Include exempted findings as results with <c>suppressions</c>. GitHub code scanning shows suppressed results
    /// as open alerts, so turn this off for uploads if exemptions should not appear there.
    /// </summary>
    public bool IncludeSuppressed { get; init; } = true;
}

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: every rule declared (so fixed alerts close) with help text and
/// <c>security-severity</c>; results at the C# line (or YAML line) that declared the resource, the URN as a logical
/// location, and fingerprints that depend on rule, URN and property path only.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "infraPolicyFinding/v1";

    public static string Write(PolicyReport report, SarifOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new SarifOptions();
        var index = report.Rules.Select((r, i) => (r.Rule.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", PolicyPack.ToolName);
            json.WriteString("version", PolicyPack.Version);
            json.WriteString("semanticVersion", PolicyPack.Version);
            json.WriteStartArray("rules");
            foreach (var outcome in report.Rules)
            {
                WriteRule(json, outcome);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("automationDetails");
            json.WriteString("id", $"{PolicyPack.ToolName}/{report.Project}/{report.Stack}/");
            json.WriteEndObject();
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", report.Errors.Count == 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var error in report.Errors)
            {
                json.WriteStartObject();
                json.WriteString("level", "error");
                json.WriteStartObject("message");
                json.WriteString("text", error.Message);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings.Where(f => options.IncludeSuppressed || f.Status != FindingStatus.Exempted))
            {
                WriteResult(json, finding, index[finding.RuleId]);
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("environment", report.Environment);
            json.WriteString("stack", report.Stack);
            json.WriteString("project", report.Project);
            json.WriteStartArray("exemptions");
            foreach (var use in report.Exemptions)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", use.Exemption.RuleId);
                json.WriteString("resource", use.Exemption.Resource);
                json.WriteString("justification", use.Exemption.Justification);
                json.WriteString("owner", use.Exemption.Owner);
                json.WriteString("expires", use.Exemption.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("state", use.State.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRule(Utf8JsonWriter json, RuleOutcome outcome)
    {
        var rule = outcome.Rule;
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        Text(json, "shortDescription", rule.Title);
        Text(json, "fullDescription", rule.Description);
        var enforcement = $"Default enforcement: {rule.Enforcement.Describe()}{(rule.EnforcementNote is { } note ? $" ({note})" : "")}.";
        var anchors = rule.Anchors.Count > 0 ? $" Related checks: {string.Join(", ", rule.Anchors)}." : "";
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Help} {enforcement}{anchors}");
        json.WriteString("markdown", $"**{rule.Title}**\n\n{rule.Description}\n\n**Fix:** {rule.Help}\n\n{enforcement}{anchors}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(outcome.Level));
        json.WriteBoolean("enabled", outcome.Level != EnforcementLevel.Disabled);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("security-severity", rule.Severity.SecuritySeverity());
        json.WriteString("precision", "high");
        json.WriteStartArray("tags");
        foreach (var tag in new[] { "security", "infrastructure", rule.Area.ToLowerInvariant() }.Concat(rule.Clouds))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, PolicyFinding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Level));
        Text(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        PhysicalLocation(json, finding.Resource.File ?? "Pulumi.yaml", finding.Resource.Line ?? 1);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", finding.Resource.LogicalName);
        json.WriteString("fullyQualifiedName", finding.Resource.Urn);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Resource.DeclaredVia.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var (file, line) in finding.Resource.DeclaredVia)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                PhysicalLocation(json, file, line);
                Text(json, "message", "declared inside the component created here");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();
        if (finding is { Status: FindingStatus.Exempted, Exemption: { } exemption })
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", $"{exemption.Justification} (owner {exemption.Owner}, until {exemption.Expires:yyyy-MM-dd})");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("status", finding.Status.ToString());
        json.WriteString("enforcement", finding.Level.ToString());
        json.WriteString("resourceType", finding.Resource.Type);
        json.WriteString("propertyPath", finding.PropertyPath);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void PhysicalLocation(Utf8JsonWriter json, string file, int line)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", file.Replace('\\', '/'));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, line));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(EnforcementLevel level) => level switch
    {
        EnforcementLevel.Mandatory => "error",
        EnforcementLevel.Advisory => "warning",
        _ => "none",
    };
}
