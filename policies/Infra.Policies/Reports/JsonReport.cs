using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Policies;

/// <summary>The machine report: summary, every finding, every exemption and every rule with its level.</summary>
public static class JsonReport
{
    public static string Write(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteString("name", PolicyPack.ToolName);
            json.WriteString("version", PolicyPack.Version);
            json.WriteEndObject();
            json.WriteString("environment", report.Environment);
            json.WriteBoolean("production", report.IsProduction);
            json.WriteString("stack", report.Stack);
            json.WriteString("project", report.Project);
            json.WriteString("date", Date(report.Today));
            WriteSummary(json, report);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartArray("exemptions");
            foreach (var use in report.Exemptions)
            {
                json.WriteStartObject();
                WriteExemption(json, use.Exemption);
                json.WriteString("state", Lower(use.State));
                json.WriteNumber("coveredFindings", use.CoveredFindings);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rules");
            foreach (var outcome in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", outcome.Rule.Id);
                json.WriteString("title", outcome.Rule.Title);
                json.WriteString("severity", Lower(outcome.Rule.Severity));
                json.WriteString("enforcement", Lower(outcome.Level));
                json.WriteString("defaultEnforcement", outcome.Rule.Enforcement.ToString());
                json.WriteBoolean("overridden", outcome.Overridden);
                json.WriteStartArray("clouds");
                foreach (var cloud in outcome.Rule.Clouds)
                {
                    json.WriteStringValue(cloud);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var error in report.Errors)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", error.RuleId);
                json.WriteString("resource", error.Resource);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSummary(Utf8JsonWriter json, PolicyReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("rules", report.Rules.Count(r => r.Level != EnforcementLevel.Disabled));
        json.WriteNumber("passed", report.Passes.Count);
        json.WriteNumber("mandatory", report.Blocking.Count());
        json.WriteNumber("advisory", report.Warnings.Count());
        json.WriteNumber("cannotEvaluate", report.Findings.Count(f => f.Status == FindingStatus.CannotEvaluate));
        json.WriteNumber("exempted", report.Findings.Count(f => f.Status == FindingStatus.Exempted));
        json.WriteNumber("expiredExemptions", report.Exemptions.Count(e => e.State == ExemptionState.Expired));
        json.WriteNumber("errors", report.Errors.Count);
        json.WriteNumber("exitCode", report.ExitCode);
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, PolicyFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("title", finding.RuleTitle);
        json.WriteString("severity", Lower(finding.Severity));
        json.WriteString("enforcement", Lower(finding.Level));
        json.WriteString("status", finding.Status switch
        {
            FindingStatus.CannotEvaluate => "cannotEvaluate",
            FindingStatus.ExpiredExemption => "expiredExemption",
            _ => Lower(finding.Status),
        });
        json.WriteBoolean("blocking", finding.IsBlocking);
        json.WriteStartObject("resource");
        json.WriteString("key", finding.Resource.Key);
        json.WriteString("name", finding.Resource.LogicalName);
        json.WriteString("type", finding.Resource.Type);
        json.WriteString("urn", finding.Resource.Urn);
        json.WriteString("file", finding.Resource.File);
        if (finding.Resource.Line is { } line)
        {
            json.WriteNumber("line", line);
        }

        json.WriteEndObject();
        json.WriteString("propertyPath", finding.PropertyPath);
        json.WriteString("value", finding.Value);
        json.WriteString("problem", finding.Problem);
        json.WriteString("fix", finding.Fix);
        json.WriteString("message", finding.Message);
        json.WriteString("fingerprint", finding.Fingerprint);
        if (finding.Exemption is { } exemption)
        {
            json.WriteStartObject("exemption");
            WriteExemption(json, exemption);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteExemption(Utf8JsonWriter json, Exemption exemption)
    {
        json.WriteString("ruleId", exemption.RuleId);
        json.WriteString("resource", exemption.Resource);
        json.WriteString("justification", exemption.Justification);
        json.WriteString("owner", exemption.Owner);
        json.WriteString("expires", Date(exemption.Expires));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
