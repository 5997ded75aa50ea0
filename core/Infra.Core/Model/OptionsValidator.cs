using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Core;

/// <summary>
/// Checks resource options when a resource is declared, so that what Pulumi YAML would refuse at
/// <c>pulumi preview</c> (non-literal options, a provider of another package, …) fails in C# instead.
/// </summary>
internal static class OptionsValidator
{
    public static void Validate(Resource resource)
    {
        // Runs for every resource: nothing is allocated unless there is a problem.
        List<Diagnostic>? problems = null;
        var options = resource.Options;
        void Fail(string option, string message, string rule, string fix) => (problems ??= []).Add(
            Diagnostic.At(resource.DeclaredAt, "INFRA-OPTION-001", $"Option '{option}' of '{resource.Name}': {message}") with
            {
                Resource = resource.Name,
                Key = option,
                Rule = rule,
                Fix = fix,
            });

        if (options.Version is { } version && !SemVer.IsValid(version))
        {
            Fail("version", $"'{version}' is not a semantic version.", "a literal semver such as 7.48.0", "Write the provider plugin's exact version.");
        }

        void CheckPaths(string name, IReadOnlyList<string>? paths)
        {
            foreach (var path in paths ?? [])
            {
                try
                {
                    _ = PropertyPath.Parse(path);
                }
                catch (FormatException e)
                {
                    Fail(name, e.Message, "property paths such as tags[\"Name\"] or spec.replicas", "Correct the path.");
                }
            }
        }

        CheckPaths("ignoreChanges", options.IgnoreChanges);
        CheckPaths("replaceOnChanges", options.ReplaceOnChanges);
        CheckPaths("hideDiffs", options.HideDiffs);

        if (options.Protect is { Node: { } protect } && ReferencesResource(resource.Deployment, protect))
        {
            Fail("protect", "it refers to a resource output.", "a literal or a config value known before deployment",
                "Use true/false or a config value (new Config().Reference(...)).");
        }

        if (options.Provider is { } provider && resource.IsCustom && provider.PackageName != resource.Package)
        {
            Fail("provider", $"provider '{provider.Name}' serves package '{provider.PackageName}', but {resource.Type} belongs to '{resource.Package}'.",
                "the provider's package must match the resource's", "Pass a provider of the resource's package.");
        }

        if (options is ComponentResourceOptions { Providers: { } providers } &&
            providers.GroupBy(p => p.PackageName).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            Fail("providers", $"two providers for package '{twice.Key}'.", "at most one provider per package", "Keep one.");
        }

        foreach (var alias in options.Aliases ?? [])
        {
            if (alias.Urn is not null && (alias.Name ?? alias.Type ?? alias.Stack ?? alias.Project ?? alias.ParentUrn) is not null)
            {
                Fail("aliases", "an alias gives a URN and other fields.", "either a full URN or a partial spec", "Keep only the URN, or drop it.");
            }

            if (alias.Parent is { IsCustom: false } parent)
            {
                Fail("aliases", $"alias parent '{parent.Name}' is a component, which is not part of the program.",
                    "a custom resource or ParentUrn", "Give the old parent's URN in ParentUrn.");
            }
        }

        if (options.CustomTimeouts is { } timeouts &&
            new[] { timeouts.Create, timeouts.Update, timeouts.Delete, timeouts.Read }.Any(t => t is { } span && span <= TimeSpan.Zero))
        {
            Fail("customTimeouts", "a timeout is zero or negative.", "positive durations", "Give durations such as TimeSpan.FromMinutes(30).");
        }

        if (options is CustomResourceOptions custom)
        {
            if (custom.ImportId is not null && custom.Id is not null)
            {
                Fail("import", "both ImportId (adopt) and Id (read) are set.", "one of them", "Use ImportId to manage an existing resource, Id to only read it.");
            }

            if (custom.EnvVarMappings is not null && !resource.Type.StartsWith(Resource.ProviderPrefix, StringComparison.Ordinal))
            {
                Fail("envVarMappings", "only provider resources take environment variable mappings.", "pulumi:providers:* resources only", "Move it to the provider.");
            }
        }

        void CheckSameDeployment(Resource? other)
        {
            if (other is not null && other.Deployment != resource.Deployment)
            {
                Fail("dependsOn", $"'{other.Name}' belongs to another deployment.", "resources of the same program", "Create both in the same program.");
            }
        }

        foreach (var other in options.DependsOn ?? [])
        {
            CheckSameDeployment(other);
        }

        foreach (var other in options.ReplaceWith ?? [])
        {
            CheckSameDeployment(other);
        }

        CheckSameDeployment(options.DeletedWith);
        CheckSameDeployment(options.Parent);
        if (problems is not null)
        {
            throw new InfraException(problems);
        }
    }

    private static bool ReferencesResource(Deployment deployment, Node node) => node switch
    {
        ReferenceNode reference => deployment.IsResourceKey(reference.Root),
        InterpolationNode interpolation => interpolation.Parts.Any(p => ReferencesResource(deployment, p)),
        FunctionNode function => ReferencesResource(deployment, function.Argument),
        ListNode list => list.Items.Any(i => ReferencesResource(deployment, i)),
        MapNode map => map.Entries.Any(e => ReferencesResource(deployment, e.Value)),
        _ => false,
    };
}
