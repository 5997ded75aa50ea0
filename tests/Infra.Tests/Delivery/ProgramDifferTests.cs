using Infra.Core;
using Infra.Core.Values;
using Infra.Stacks.Delivery;
using Infra.Tests.Support;

namespace Infra.Tests.Delivery;

public class ProgramDifferTests
{
    private static Infra.Core.Synthesis.ProgramDocument Database(string name = "orders-db", string engine = "postgres", int storage = 20, bool protect = true, string? extraBucket = null, string size = "db.t4g.micro") =>
        Programs.Synthesize(() =>
        {
            _ = new CustomResource("aws:rds/instance:Instance", name, new Props
            {
                ["engine"] = engine,
                ["instanceClass"] = size,
                ["allocatedStorage"] = storage,
                ["password"] = Output.CreateSecret<string>("from-config"),
            }, new CustomResourceOptions { Protect = protect });
            if (extraBucket is not null)
            {
                _ = new CustomResource("aws:s3/bucket:Bucket", extraBucket);
            }
        });

    [Fact]
    public void Unchanged_programs_have_no_changes()
    {
        Assert.True(ProgramDiffer.Compare(Database(), Database()).IsEmpty);
    }

    [Fact]
    public void A_property_change_is_an_update_with_old_and_new_values()
    {
        var change = Assert.Single(ProgramDiffer.Compare(Database(storage: 20), Database(storage: 50)).Changes);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal(new PropertyChange("allocatedStorage", "20", "50", false), Assert.Single(change.Properties));
        Assert.False(change.IsDangerous);
    }

    [Fact]
    public void Changing_the_engine_of_a_protected_database_is_a_dangerous_replacement()
    {
        var change = Assert.Single(ProgramDiffer.Compare(Database(engine: "postgres"), Database(engine: "mysql")).Changes);
        Assert.Equal(ChangeKind.Replace, change.Kind);
        Assert.True(change.IsDangerous);
        Assert.Equal(new PropertyChange("engine", "\"postgres\"", "\"mysql\"", true), Assert.Single(change.Properties));
        Assert.Equal("'orders-db' (aws:rds/instance:Instance, stateful, protected) would be replaced (deleted and created again): the provider replaces it when engine changes.",
            DiffView.Danger(change));
    }

    [Fact]
    public void Renaming_a_database_is_a_replacement_with_the_alias_that_avoids_it()
    {
        var change = Assert.Single(ProgramDiffer.Compare(Database(name: "orders-db"), Database(name: "orders-database")).Changes);
        Assert.Equal(ChangeKind.Replace, change.Kind);
        Assert.Equal("orders-db", change.PreviousName);
        Assert.True(change.IsDangerous);
        Assert.Equal("'orders-database' (aws:rds/instance:Instance, stateful, protected) would be replaced (deleted and created again): " +
            "it is renamed from 'orders-db' to 'orders-database', which changes its URN. To keep it, add `Aliases = [new Alias { Name = \"orders-db\" }]` to its options.",
            DiffView.Danger(change));
    }

    [Fact]
    public void Creates_and_deletes_are_listed_and_deleting_stateful_data_is_dangerous()
    {
        var diff = ProgramDiffer.Compare(Database(extraBucket: "old-assets"), Database(name: "other", engine: "mysql", storage: 99, extraBucket: null, size: "db.r6g.large"));
        Assert.Equal([(ChangeKind.Create, "other"), (ChangeKind.Delete, "orders-db"), (ChangeKind.Delete, "old-assets")],
            diff.Changes.Select(c => (c.Kind, c.Name)));
        Assert.Equal(["orders-db", "old-assets"], diff.Dangerous.Select(c => c.Name));
        Assert.Equal("1 to create, 0 to update, 0 to replace, 2 to delete", DiffView.Summary(diff));
    }

    [Fact]
    public void Secrets_are_masked_in_the_diff()
    {
        var before = Programs.Synthesize(() => new CustomResource("aws:ssm/parameter:Parameter", "p", new Props { ["value"] = Output.CreateSecret<string>("old") }));
        var after = Programs.Synthesize(() => new CustomResource("aws:ssm/parameter:Parameter", "p", new Props { ["value"] = Output.CreateSecret<string>("new") }));
        var change = Assert.Single(ProgramDiffer.Compare(before, after).Changes);
        Assert.Equal(new PropertyChange("value", "[secret]", "[secret]", false), Assert.Single(change.Properties));
        Assert.DoesNotContain("old", DiffView.Markdown(ProgramDiffer.Compare(before, after), "base"));
    }
}
