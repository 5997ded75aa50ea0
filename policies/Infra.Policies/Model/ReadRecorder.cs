namespace Infra.Policies;

/// <summary>
/// Records every (resource type, schema path) a rule reads. Tests run every rule over their fixtures with a
/// recorder and check each path against the provider schemas, so a misspelt property cannot hide a rule.
/// </summary>
internal sealed class ReadRecorder
{
    private readonly HashSet<(string Type, string Path)> reads = [];
    private readonly Lock gate = new();

    public void Record(string type, string path)
    {
        if (path.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            reads.Add((type, path));
        }
    }

    public IReadOnlyCollection<(string Type, string Path)> Snapshot()
    {
        lock (gate)
        {
            return reads.ToArray();
        }
    }
}
