namespace Infra.Tests.Support;

/// <summary>Paths in the repository under test, found from the test binaries' location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Golden(string name) => Path.Combine(Root, "tests", "Infra.Tests", "Golden", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Infra.sln) was not found above the test binaries.");
    }
}
