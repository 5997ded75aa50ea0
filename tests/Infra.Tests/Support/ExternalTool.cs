namespace Infra.Tests.Support;

/// <summary>External validators some tests run (promtool, yamllint), found on PATH.</summary>
public static class ExternalTool
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>The tool's path; fails the test (it only runs when the tool is there or in CI, where it must be).</summary>
    public static string Require(string tool, string debianPackage) => Find(tool) ?? throw new InvalidOperationException(
        $"{tool} is not on PATH. CI must install the Debian package '{debianPackage}' (.ci/run does).");
}

/// <summary>
/// A fact that needs an external tool: skipped, with the reason, where the tool is missing — except in CI
/// (CI=true), where it runs and fails, because CI must run every check (.ci/run installs the tools).
/// </summary>
public sealed class ExternalToolFactAttribute : FactAttribute
{
    public ExternalToolFactAttribute(string tool, string debianPackage)
    {
        if (ExternalTool.Find(tool) is null && !ExternalTool.InCi)
        {
            Skip = $"{tool} not found on PATH: install the Debian package '{debianPackage}' to run this test (CI installs it and runs it).";
        }
    }
}
