using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Policies;

namespace Infra.Tests.Policies;

public sealed partial class CatalogTests
{
    /// <summary>Tokens a rule may name although the trimmed provider schemas do not hold them (only their presence is checked).</summary>
    private static readonly string[] TokensOutsideTheSchemas =
    [
        "aws:ec2/defaultVpc:DefaultVpc",
        "gcp:projects/iAMAuditConfig:IAMAuditConfig",
        "yandex:index/auditTrailsTrail:AuditTrailsTrail",
        "kubernetes:core/v1:Pod",
        "kubernetes:apps/v1:ReplicaSet",
    ];

    [Fact]
    public void The_pack_has_at_least_60_rules_with_unique_catalogue_ids()
    {
        var ids = PolicyPack.Rules.Select(r => r.Id).ToArray();

        Assert.True(ids.Length >= 60, $"{ids.Length} rules");
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(CatalogueId(), id));
    }

    [Fact]
    public void Every_rule_id_is_in_the_catalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(SchemaPathTests.RepositoryRoot(), "..", "shared", "reference", "policy-rules.md"));
        var listed = CatalogueRow().Matches(catalogue).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.True(listed.Count >= 60, $"only {listed.Count} ids found in the catalogue");
        var missing = PolicyPack.Rules.Select(r => r.Id).Where(id => !listed.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, "not in the catalogue: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_documents_itself_and_names_its_clouds()
    {
        Assert.All(PolicyPack.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.True(rule.Description.Length > rule.Title.Length, $"{rule.Id}: the description says no more than the title");
            Assert.False(string.IsNullOrWhiteSpace(rule.Help), rule.Id);
            Assert.NotEmpty(rule.Clouds);
            Assert.All(rule.Clouds, cloud => Assert.Contains(cloud, new[] { "aws", "gcp", "yandex", "kubernetes" }));
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.Name);
            Assert.True(double.TryParse(rule.Severity.SecuritySeverity(), System.Globalization.CultureInfo.InvariantCulture, out var score) && score is > 0 and <= 10);
        });
    }

    [Fact]
    public void Prod_only_rules_are_off_outside_production_and_prod_m_rules_are_advisory_there()
    {
        var dataBackups = PolicyPack.Find("INF-DATA-003")!;
        var highAvailability = PolicyPack.Find("INF-DATA-005")!;

        Assert.Equal("prod: M", dataBackups.Enforcement.ToString());
        Assert.Equal(EnforcementLevel.Advisory, dataBackups.Enforcement.For(production: false));
        Assert.Equal(EnforcementLevel.Mandatory, dataBackups.Enforcement.For(production: true));
        Assert.Equal(EnforcementLevel.Disabled, highAvailability.Enforcement.For(production: false));
        Assert.Equal(EnforcementLevel.Advisory, highAvailability.Enforcement.For(production: true));
    }

    [Fact]
    public void Every_type_a_rule_targets_exists_in_the_provider_schemas()
    {
        var directory = SchemaPathTests.SchemaDirectory();
        var known = new[] { "aws.json", "gcp.json", "kubernetes.json", "yandex-tf.json" }
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, f))).RootElement.GetProperty("resources").EnumerateObject().Select(r => r.Name))
            .Concat(TokensOutsideTheSchemas)
            .ToHashSet(StringComparer.Ordinal);
        var types = PolicyPack.Rules.OfType<ResourceRule>().SelectMany(r => r.Types.Select(t => (r.Id, Type: t)));

        var unknown = types.Where(t => !known.Contains(t.Type)).Select(t => $"{t.Id}: {t.Type}").ToArray();
        Assert.True(unknown.Length == 0, "types not in the schemas: " + string.Join(", ", unknown));
        Assert.All(PolicyPack.Rules.OfType<ResourceRule>(), r => Assert.NotEmpty(r.Types));
    }

    [GeneratedRegex(@"^INF-[A-Z0-9]+-\d{3}$")]
    private static partial Regex CatalogueId();

    [GeneratedRegex(@"^\| (INF-[A-Z0-9]+-\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex CatalogueRow();
}
