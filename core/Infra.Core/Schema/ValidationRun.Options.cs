using System.Text.RegularExpressions;
using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>Resource and invoke options, by the rules of Pulumi YAML (what must be a literal, what must be a resource).</summary>
internal sealed partial class ValidationRun
{
    private static readonly Dictionary<string, OptionKind> ResourceOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["additionalSecretOutputs"] = OptionKind.LiteralStrings,
        ["aliases"] = OptionKind.Aliases,
        ["customTimeouts"] = OptionKind.Timeouts,
        ["deleteBeforeReplace"] = OptionKind.LiteralBool,
        ["dependsOn"] = OptionKind.Resources,
        ["ignoreChanges"] = OptionKind.LiteralStrings,
        ["import"] = OptionKind.LiteralString,
        ["parent"] = OptionKind.Resource,
        ["protect"] = OptionKind.Protect,
        ["provider"] = OptionKind.Provider,
        ["providers"] = OptionKind.Providers,
        ["version"] = OptionKind.Version,
        ["pluginDownloadURL"] = OptionKind.LiteralString,
        ["replaceOnChanges"] = OptionKind.LiteralStrings,
        ["retainOnDelete"] = OptionKind.LiteralBool,
        ["deletedWith"] = OptionKind.Resource,
        ["replaceWith"] = OptionKind.Resources,
        ["hideDiffs"] = OptionKind.LiteralStrings,
        ["replacementTrigger"] = OptionKind.Any,
        ["envVarMappings"] = OptionKind.EnvVarMappings,
    };

    private static readonly Dictionary<string, OptionKind> InvokeOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parent"] = OptionKind.Resource,
        ["provider"] = OptionKind.Provider,
        ["version"] = OptionKind.Version,
        ["pluginDownloadURL"] = OptionKind.LiteralString,
        ["dependsOn"] = OptionKind.Resources,
    };

    private static readonly string[] ResourceOptionNames = [.. ResourceOptions.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] InvokeOptionNames = [.. InvokeOptions.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] AliasKeys = ["name", "noParent", "parent", "project", "stack", "type", "urn"];
    private static readonly string[] TimeoutKeys = ["create", "delete", "read", "update"];

    private enum OptionKind
    {
        Any,
        LiteralBool,
        LiteralString,
        LiteralStrings,
        Version,
        Resource,
        Resources,
        Provider,
        Providers,
        Protect,
        Aliases,
        Timeouts,
        EnvVarMappings,
    }

    private void CheckOptions(ResourceEntry entry, MapNode options)
    {
        for (var i = 0; i < options.Entries.Count; i++)
        {
            var (key, value) = options.Entries[i];
            Begin("options");
            _ = PushProperty(key);
            if (!ResourceOptions.TryGetValue(key, out var kind))
            {
                UnknownOption(key, value, ResourceOptionNames, "resource options");
                continue;
            }

            if (kind == OptionKind.EnvVarMappings && !entry.IsProvider)
            {
                OptionProblem(key, "is only for provider resources", "envVarMappings on pulumi:providers:<package> resources", "Move it to the provider.", value);
            }

            CheckOption(key, kind, value, entry.IsProvider ? null : entry.Package);
        }
    }

    private void CheckInvokeOptions(MapNode options, FunctionSpec? function)
    {
        var package = function?.Token[..function.Token.IndexOf(':', StringComparison.Ordinal)];
        foreach (var (key, value) in options.Entries)
        {
            var mark = PushProperty(key);
            if (InvokeOptions.TryGetValue(key, out var kind))
            {
                CheckOption(key, kind, value, package);
            }
            else
            {
                UnknownOption(key, value, InvokeOptionNames, "invoke options");
            }

            Pop(mark);
        }
    }

    /// <summary>One option's value. <paramref name="package"/>: the package a provider given here must serve; null when any provider will do.</summary>
    private void CheckOption(string name, OptionKind kind, Node value, string? package)
    {
        switch (kind)
        {
            case OptionKind.LiteralBool when value is not BoolNode:
                OptionProblem(name, $"must be a literal true or false, not {TypeText.DescribeValue(value)}", "a literal boolean (Pulumi YAML evaluates no expression here)",
                    "Write true or false.", value);
                break;
            case OptionKind.LiteralString or OptionKind.Version when value is not StringNode:
                OptionProblem(name, $"must be a literal string, not {TypeText.DescribeValue(value)}", "a literal string (Pulumi YAML evaluates no expression here)",
                    "Write the value as text.", value);
                break;
            case OptionKind.Version when !SemVer.IsValid(((StringNode)value).Value):
                OptionProblem(name, $"must be a semantic version, not '{((StringNode)value).Value}'", "a semantic version such as 7.48.0", "Write the plugin's exact version.", value);
                break;
            case OptionKind.LiteralStrings:
                CheckLiteralStrings(name, value);
                break;
            case OptionKind.Resource:
                CheckResourceOption(name, value, null);
                break;
            case OptionKind.Resources or OptionKind.Providers:
                CheckResourceList(name, value, kind == OptionKind.Providers);
                break;
            case OptionKind.Provider:
                CheckResourceOption(name, value, package ?? "");
                break;
            case OptionKind.Protect:
                CheckProtect(value);
                break;
            case OptionKind.Aliases:
                CheckAliases(value);
                break;
            case OptionKind.Timeouts:
                CheckTimeouts(value);
                break;
            case OptionKind.EnvVarMappings:
                Check(value, SchemaType.MapOf(SchemaType.String));
                break;
            default:
                Check(value, SchemaType.Any);
                break;
        }
    }

    private void CheckLiteralStrings(string name, Node value)
    {
        if (value is not ListNode list)
        {
            OptionProblem(name, $"must be a list of literal strings, not {TypeText.DescribeValue(value)}", "a list of literal strings", "Write a list of property paths or names.", value);
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not StringNode)
            {
                var mark = PushIndex(i);
                OptionProblem(name, $"must list literal strings; item {i} is {TypeText.DescribeValue(list.Items[i])}", "a list of literal strings",
                    "Write each entry as text.", list.Items[i]);
                Pop(mark);
            }
        }
    }

    private void CheckResourceList(string name, Node value, bool providers)
    {
        if (value is ReferenceNode { Path.Count: 0 } whole && variables.ContainsKey(whole.Root))
        {
            return; // a variable holding a list of resources
        }

        if (value is not ListNode list)
        {
            OptionProblem(name, $"must be a list of resources, not {TypeText.DescribeValue(value)}", "a list such as [${a}, ${b}]", "Write a list of resource references.", value);
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var mark = PushIndex(i);
            CheckResourceOption(name, list.Items[i], providers ? "" : null);
            Pop(mark);
        }
    }

    /// <summary>A reference to a resource. <paramref name="providerPackage"/>: null for any resource, empty for any provider, else a provider of that package.</summary>
    private void CheckResourceOption(string name, Node value, string? providerPackage)
    {
        var wanted = providerPackage is null ? "a resource" : providerPackage.Length == 0 ? "a provider resource" : $"a provider resource (pulumi:providers:{providerPackage})";
        if (value is ReferenceNode reference && variables.ContainsKey(reference.Root))
        {
            return; // what a variable holds is not known here
        }

        if (value is not ReferenceNode { Path.Count: 0 } target || !resources.TryGetValue(target.Root, out var entry))
        {
            var why = value is ReferenceNode { Path.Count: > 0 } output && resources.ContainsKey(output.Root)
                ? $"an output ('${{{output.ToExpressionText()}}}')"
                : value is ReferenceNode other ? $"'${{{other.ToExpressionText()}}}', which is not a resource of this program" : TypeText.DescribeValue(value);
            OptionProblem(name, $"must refer to {wanted} such as ${{key}}, not {why}", $"{wanted} of this program, written ${{key}}", "Refer to the resource by its key.", value);
            if (value is not ReferenceNode)
            {
                Check(value, SchemaType.Any);
            }

            return;
        }

        if (providerPackage is null)
        {
            return;
        }

        if (!entry.IsProvider)
        {
            OptionProblem(name, $"must refer to {wanted}, not '{target.Root}' ({entry.Token})", $"{wanted} of this program",
                $"Declare a pulumi:providers:{(providerPackage.Length == 0 ? "<package>" : providerPackage)} resource and refer to it.", value);
        }
        else if (providerPackage.Length > 0 && entry.Package != providerPackage)
        {
            OptionProblem(name, $"refers to '{target.Root}', a provider of package {entry.Package}, but package {providerPackage} is needed",
                $"{wanted} of this program", $"Refer to a pulumi:providers:{providerPackage} resource.", value);
        }
    }

    private void CheckProtect(Node value)
    {
        switch (value)
        {
            case BoolNode:
                return;
            case StringNode or IntegerNode or NumberNode or ListNode or MapNode:
                OptionProblem("protect", $"must be true or false, not {TypeText.DescribeValue(value)}", "a boolean: a literal or a config value", "Write true or false.", value);
                return;
        }

        if (ReferencesResource(value))
        {
            OptionProblem("protect", "must not depend on a resource's output (it must be known before deployment)", "a boolean: a literal or a config value",
                "Use true/false or a config value.", value);
            return;
        }

        Check(value, SchemaType.Boolean);
    }

    private void CheckAliases(Node value)
    {
        if (value is not ListNode list)
        {
            Check(value, SchemaType.Any);
            return;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var mark = PushIndex(i);
            if (item is MapNode spec)
            {
                foreach (var (key, field) in spec.Entries)
                {
                    var keyMark = PushProperty(key);
                    if (Array.IndexOf(AliasKeys, key) < 0)
                    {
                        var suggestion = NameSuggestions.Best(key, AliasKeys);
                        OptionProblem("aliases", $"item {i} has unknown key '{key}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"),
                            "an alias is a URN or {" + string.Join(", ", AliasKeys) + "}", suggestion is null ? "Remove it." : $"Rename it to '{suggestion}'.", field);
                    }
                    else if (key == "parent" && field is ReferenceNode)
                    {
                        CheckResourceOption("aliases", field, null);
                    }
                    else
                    {
                        Check(field, key == "noParent" ? SchemaType.Boolean : SchemaType.String);
                    }

                    Pop(keyMark);
                }
            }
            else
            {
                Check(item, SchemaType.String);
            }

            Pop(mark);
        }
    }

    private void CheckTimeouts(Node value)
    {
        if (value is not MapNode timeouts)
        {
            Check(value, SchemaType.Any);
            return;
        }

        foreach (var (key, duration) in timeouts.Entries)
        {
            var mark = PushProperty(key);
            if (Array.IndexOf(TimeoutKeys, key) < 0)
            {
                OptionProblem("customTimeouts", $"has unknown key '{key}'", "customTimeouts: {create, update, delete, read}", "Use create, update, delete or read.", duration);
            }
            else if (duration is StringNode text && !GoDuration().IsMatch(text.Value))
            {
                OptionProblem("customTimeouts", $"has {key}: '{text.Value}', which is not a duration", "a duration such as 30m, 1h30m or 90s", "Write a duration such as 30m.", duration);
            }
            else
            {
                Check(duration, SchemaType.String);
            }

            Pop(mark);
        }
    }

    private void UnknownOption(string key, Node value, string[] valid, string what)
    {
        var suggestion = NameSuggestions.Best(key, valid);
        Report(SchemaCodes.OptionProblem, $"unknown option '{key}'." + DidYouMean(suggestion), $"{what}: {string.Join(", ", valid)}",
            suggestion is null ? "Remove it, or move it under 'properties' if it is an input." : $"Rename it to '{suggestion}'.", key);
        Check(value, SchemaType.Any);
    }

    private void OptionProblem(string option, string problem, string rule, string fix, Node value) =>
        Report(SchemaCodes.OptionProblem, $"option '{option}' {problem}.", rule, fix, TypeText.ValueText(value));

    private bool ReferencesResource(Node node)
    {
        switch (node)
        {
            case ReferenceNode reference:
                return resources.ContainsKey(reference.Root);
            case InterpolationNode interpolation:
                foreach (var part in interpolation.Parts)
                {
                    if (ReferencesResource(part))
                    {
                        return true;
                    }
                }

                return false;
            case FunctionNode function:
                return ReferencesResource(function.Argument);
            case ListNode list:
                foreach (var item in list.Items)
                {
                    if (ReferencesResource(item))
                    {
                        return true;
                    }
                }

                return false;
            case MapNode map:
                foreach (var entry in map.Entries)
                {
                    if (ReferencesResource(entry.Value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
