namespace Infra.Bench.Measure;

/// <summary>The repository the benchmark runs in (found from the current folder, as `dotnet run --project bench/…` leaves it).</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, CompilerPathBench.Script)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Run from the repository: no {CompilerPathBench.Script} in the current folder or above it.");
    }
}
