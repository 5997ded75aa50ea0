using Infra.Policies;
using Infra.Tests.Policies.Cases;

namespace Infra.Tests.Policies;

/// <summary>
/// Rules look companions up in indexes built once per evaluation instead of scanning the program for every
/// resource. These cases pin down that the lookups find exactly what a scan would.
/// </summary>
public sealed class ProgramIndexTests
{
    private const string Budget = "kubernetes:policy/v1:PodDisruptionBudget";

    [Theory]
    [InlineData("a budget in another namespace", "other", "{ app: app }")]
    [InlineData("a budget for another value of the label", "shop", "{ app: web }")]
    [InlineData("a budget whose second label the pods lack", "shop", "{ app: app, tier: edge }")]
    [InlineData("a budget on a label the pods lack", "shop", "{ team: shop }")]
    public void A_budget_that_cannot_select_the_pods_leaves_them_unprotected(string _, string budgetNamespace, string matchLabels)
    {
        var findings = DisruptionFindings(Deployment("app", "app") + BudgetFor("budget", budgetNamespace, matchLabels));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingStatus.Violation, $"<{Budget}>", "app"), (finding.Status, finding.PropertyPath, finding.Resource.LogicalName));
    }

    [Theory]
    [InlineData("the first label", "{ app: app }")]
    [InlineData("the second label only", "{ tier: backend }")]
    [InlineData("both labels, in the other order", "{ tier: backend, app: app }")]
    [InlineData("an empty selector (every pod)", "{}")]
    public void A_budget_selecting_the_pods_by_any_of_their_labels_protects_them(string _, string matchLabels)
    {
        Assert.Empty(DisruptionFindings(Deployment("app", "app") + BudgetFor("budget", "shop", matchLabels)));
    }

    [Theory]
    [InlineData("the budget's selector is an expression", "\"${selector.result}\"", "app")]
    [InlineData("the budget wants a value that is an expression", "{ app: \"${name.result}\" }", "app")]
    [InlineData("the pods' label is an expression the budget selects on", "{ app: app }", "\"${name.result}\"")]
    public void A_budget_whose_selection_is_not_literal_cannot_be_confirmed(string _, string matchLabels, string podLabel)
    {
        var findings = DisruptionFindings(Deployment("app", podLabel) + BudgetFor("budget", "shop", matchLabels) + """

            name:
              type: random:index/randomString:RandomString
              properties: { length: 8 }
            selector:
              type: random:index/randomString:RandomString
              properties: { length: 8 }
            """);

        Assert.Equal(FindingStatus.CannotEvaluate, Assert.Single(findings).Status);
    }

    [Fact]
    public void In_a_namespace_of_many_workloads_only_the_one_without_a_budget_is_reported()
    {
        var resources = string.Concat(Enumerable.Range(0, 40).Select(i =>
            Deployment($"svc{i}", $"svc{i}") + (i == 17 ? "" : BudgetFor($"budget{i}", "shop", $"{{ app: svc{i} }}"))));

        var finding = Assert.Single(DisruptionFindings(resources));

        Assert.Equal("svc17", finding.Resource.LogicalName);
    }

    [Fact]
    public void Referencing_finds_what_a_scan_of_every_resource_finds()
    {
        var document = PolicyFixtures.Program("""
            logs:
              type: aws:s3/bucket:Bucket
              properties: { bucket: acme-logs }
            assets:
              type: aws:s3/bucket:Bucket
            byId:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: "${assets.id}" }
            byInterpolation:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: "arn:aws:s3:::${logs.bucket}/${assets.id}" }
            byName:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: acme-logs }
            byOtherName:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: acme-other }
            secretName:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: { fn::secret: acme-logs } }
            unresolved:
              type: aws:s3/bucketVersioning:BucketVersioning
              properties: { bucket: "${elsewhere.outputs[\"bucket\"]}" }
            elsewhere:
              type: pulumi:pulumi:StackReference
              properties: { name: acme/storage/prod }
            """);
        var program = new PolicyProgram(document, "prod", "infra", null, null);
        const string versioning = "aws:s3/bucketVersioning:BucketVersioning";

        foreach (var bucket in program.OfType("aws:s3/bucket:Bucket"))
        {
            var name = bucket["bucket"].AsString();
            var scanned = program.OfType(versioning).Where(r => PolicyProgram.RefersTo(r["bucket"], bucket, name)).Select(r => r.Key);
            Assert.Equal(scanned, program.Referencing(bucket, versioning, "bucket", name).Select(r => r.Key));
        }

        Assert.Equal(["byInterpolation", "byName", "secretName"], program.Referencing(program.ByKey("logs")!, versioning, "bucket", "acme-logs").Select(r => r.Key));
        Assert.True(program.References(versioning, "bucket").HasUnresolved);
        Assert.False(program.References("aws:s3/bucket:Bucket", "bucket").HasUnresolved);
    }

    private static IReadOnlyList<PolicyFinding> DisruptionFindings(string resources) =>
        PolicyFixtures.Evaluate(PolicyFixtures.Program(resources), PolicyFixtures.Context(), "INF-WL-014").Findings("INF-WL-014");

    /// <summary>The hardened Deployment of the rule cases, with pod labels <c>app</c> and <c>tier: backend</c>.</summary>
    private static string Deployment(string key, string appLabel) => KubernetesCases.Deployment(
        s => s.Replace($"labels: {{ app: {key} }}", $"labels: {{ app: {appLabel}, tier: backend }}", StringComparison.Ordinal), key) + "\n";

    private static string BudgetFor(string key, string ns, string matchLabels) => $$"""
        {{key}}:
          type: {{Budget}}
          properties: { metadata: { name: {{key}}, namespace: {{ns}} }, spec: { maxUnavailable: 1, selector: { matchLabels: {{matchLabels}} } } }

        """;
}
