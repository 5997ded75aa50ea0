using Infra.Core.Schema;

namespace Infra.Tests.Schema;

/// <summary>
/// The provider schemas for tests, found the way <c>infra check</c> finds them (INFRA_SCHEMA_DIR, else
/// <c>shared/provider-schemas</c> beside the checkout). Tests that need them use <see cref="SchemaFactAttribute"/>
/// or <see cref="SchemaTheoryAttribute"/>: without schemas they are skipped with the reason, except when
/// the environment variable <c>CI</c> is <c>true</c>, where the schemas must be present and the tests fail instead.
/// </summary>
public static class TestSchemas
{
    private static readonly Lazy<SchemaLocation> LazyLocation = new(() => SchemaLocator.Locate());

    public static SchemaLocation Location => LazyLocation.Value;

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why schema tests are skipped here; null when they run (schemas found, or in CI).</summary>
    public static string? SkipReason => Location.Found || RunningInCi
        ? null
        : $"Provider schemas not found: {Location.Problem} Set {SchemaLocator.EnvironmentVariable} (or provide ../shared/provider-schemas) to run these tests; with CI=true they fail instead.";

    /// <summary>The schemas; in CI without schemas this fails the test with the reason.</summary>
    public static SchemaSet Set => Location.Found
        ? Location.Open()
        : throw new InvalidOperationException($"Provider schemas are required (CI=true) but were not found: {Location.Problem}");
}

/// <summary>
/// A <see cref="FactAttribute"/> that needs the provider schemas. xunit 2 has no dynamic skip, so the
/// attribute sets <see cref="FactAttribute.Skip"/> in its constructor when the schemas are missing (and CI is not true).
/// </summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (TestSchemas.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (TestSchemas.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
