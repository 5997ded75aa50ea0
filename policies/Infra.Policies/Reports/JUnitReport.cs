using System.Globalization;
using System.Text;
using System.Xml;

namespace Infra.Policies;

/// <summary>
/// JUnit XML for CI dashboards: one test case per evaluated (rule, resource) pair, passes included. A finding is a
/// <c>failure</c> (its <c>type</c> says mandatory or advisory), an exempted finding is <c>skipped</c>, an engine error an <c>error</c>.
/// </summary>
public static class JUnitReport
{
    public static string Write(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var titles = report.Rules.ToDictionary(r => r.Rule.Id, r => r.Rule, StringComparer.Ordinal);
        var failures = report.Findings.Count(f => f.Status != FindingStatus.Exempted);
        var skipped = report.Findings.Count(f => f.Status == FindingStatus.Exempted);
        var tests = report.Passes.Count + report.Findings.Count + report.Errors.Count;
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", PolicyPack.ToolName);
            Counts(xml, tests, failures, report.Errors.Count, skipped);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{PolicyPack.ToolName} {report.Project}/{report.Stack} ({report.Environment})");
            Counts(xml, tests, failures, report.Errors.Count, skipped);
            xml.WriteStartElement("properties");
            Property(xml, "environment", report.Environment);
            Property(xml, "production", report.IsProduction ? "true" : "false");
            Property(xml, "stack", report.Stack);
            Property(xml, "project", report.Project);
            Property(xml, "date", report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Property(xml, "version", PolicyPack.Version);
            foreach (var (use, i) in report.Exemptions.Select((u, i) => (u, i)))
            {
                var e = use.Exemption;
                Property(xml, $"exemption.{i}", $"{e.RuleId} on '{e.Resource}' until {e.Expires:yyyy-MM-dd} by {e.Owner} ({use.State.ToString().ToLowerInvariant()}): {e.Justification}");
            }

            xml.WriteEndElement();

            foreach (var pass in report.Passes.OrderBy(p => p.RuleId, StringComparer.Ordinal).ThenBy(p => p.Resource.Urn, StringComparer.Ordinal))
            {
                Case(xml, titles[pass.RuleId], pass.Resource, null);
                xml.WriteEndElement();
            }

            foreach (var finding in report.Findings)
            {
                Case(xml, titles[finding.RuleId], finding.Resource, finding.PropertyPath);
                if (finding.Status == FindingStatus.Exempted)
                {
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", $"exempted until {finding.Exemption?.Expires:yyyy-MM-dd} by {finding.Exemption?.Owner}: {finding.Exemption?.Justification}");
                }
                else
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", finding.RuleTitle);
                    xml.WriteAttributeString("type", finding.Level.ToString().ToLowerInvariant());
                    xml.WriteString(finding.Message);
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (var error in report.Errors)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", $"[ENGINE][{error.RuleId ?? "config"}] {error.Resource}".TrimEnd());
                xml.WriteAttributeString("classname", PolicyPack.ToolName);
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", error.Message);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Case(XmlWriter xml, PolicyRule rule, ResourceRef resource, string? path)
    {
        xml.WriteStartElement("testcase");
        var suffix = path is null ? "" : $" ({path})";
        xml.WriteAttributeString("name", $"[{rule.Severity.ToString().ToUpperInvariant()}][{rule.Id}] {rule.Title}: {resource.LogicalName}{suffix}");
        xml.WriteAttributeString("classname", $"{resource.File ?? "program"}.{resource.LogicalName}");
        if (resource.File is not null)
        {
            xml.WriteAttributeString("file", resource.File);
        }

        if (resource.Line is { } line)
        {
            xml.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Counts(XmlWriter xml, int tests, int failures, int errors, int skipped)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
