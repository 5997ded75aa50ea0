namespace Infra.Tests.Support;

/// <summary>
/// Compares synthesized programs with the reviewed copies in tests/Infra.Tests/Golden. They change only by
/// the deliberate command `INFRA_UPDATE_GOLDEN=1 dotnet test --filter Golden`, and the diff is reviewed like code.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "INFRA_UPDATE_GOLDEN";

    public static void AssertMatches(string name, string actual)
    {
        var path = RepositoryPaths.Golden(name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Infra.Core.Synthesis.AtomicFile.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing. Create it with `{UpdateVariable}=1 dotnet test --filter Golden` and review it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{name} differs from the synthesized program at line {first + 1}:\n" +
                $"  golden:      {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n" +
                $"  synthesized: {(first < actualLines.Length ? actualLines[first] : "<end>")}\n" +
                $"If the change is intended, run `{UpdateVariable}=1 dotnet test --filter Golden` and review the diff.");
        }
    }
}
