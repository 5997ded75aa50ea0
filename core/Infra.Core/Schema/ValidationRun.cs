using System.Text;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>
/// One validation of one program. First every resource's type is resolved (so references to resources
/// declared later are typed), then each resource, variable and stack output is checked in program order.
/// The hot path is dictionary lookups and one reused path buffer; messages are built only for problems.
/// </summary>
internal sealed partial class ValidationRun
{
    private readonly ProgramDocument program;
    private readonly SchemaSet schemas;
    private readonly string? programFile;
    private readonly List<Diagnostic> errors = [];
    private readonly List<Diagnostic> warnings = [];
    private readonly Dictionary<string, ResourceEntry> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PackageLookup> lookups = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<string>> notChecked = new(StringComparer.Ordinal);
    private readonly HashSet<(string Package, string What)> notCheckedSeen = [];
    private readonly StringBuilder path = new(128);
    private readonly List<ResourceEntry> order = [];

    public ValidationRun(ProgramDocument program, SchemaSet schemas, string? programFile)
    {
        this.program = program;
        this.schemas = schemas;
        this.programFile = programFile;
    }

    public SchemaCheckResult Run()
    {
        Index();
        foreach (var entry in order)
        {
            CheckResource(entry);
        }

        foreach (var (name, value) in program.Variables)
        {
            subject = Subject.Variable(name);
            Begin("variables").Append('.').Append(name);
            Check(value, SchemaType.Any);
        }

        foreach (var (name, value) in program.Outputs)
        {
            subject = Subject.Output(name);
            Begin("outputs").Append('.').Append(name);
            Check(value, SchemaType.Any);
        }

        ReportUncheckedPackages();
        var used = new SortedDictionary<string, SchemaUsage>(StringComparer.Ordinal);
        foreach (var (package, lookup) in lookups)
        {
            if (lookup.Schema is { } schema)
            {
                used[package] = new SchemaUsage(package, schema.Version, schema.File);
            }
        }

        return new SchemaCheckResult(errors, warnings, used, [.. notChecked.Keys]);
    }

    private void Index()
    {
        var identities = new Dictionary<(string Type, string Name), ResourceEntry>();
        foreach (var (name, value) in program.Variables)
        {
            variables.TryAdd(name, value);
        }

        foreach (var decl in program.Resources)
        {
            var entry = new ResourceEntry(decl);
            order.Add(entry);
            if (!resources.TryAdd(decl.Key, entry))
            {
                entry.NameProblem = $"Resource key '{decl.Key}' is declared more than once.";
            }
            else if (decl.Key == "pulumi")
            {
                entry.NameProblem = "Resource key 'pulumi' is reserved for the built-in pulumi variable.";
            }
            else if (variables.ContainsKey(decl.Key))
            {
                entry.NameProblem = $"Resource key '{decl.Key}' is also the name of a variable.";
            }

            Resolve(entry);
            if (entry.NameProblem is null && !identities.TryAdd((entry.Token, decl.LogicalName), entry))
            {
                var first = identities[(entry.Token, decl.LogicalName)];
                entry.NameProblem = $"Resource '{decl.LogicalName}' has the same type and name as resource '{first.Decl.Key}' " +
                    $"({Where(first.Decl)}): both would have the URN of {entry.Token}::{decl.LogicalName}.";
            }
        }
    }

    private void CheckResource(ResourceEntry entry)
    {
        var decl = entry.Decl;
        subject = Subject.Resource(entry);
        if (entry.NameProblem is not null)
        {
            Begin("name");
            Report(SchemaCodes.DuplicateName, entry.NameProblem, "resource keys, and type + logical name (the URN), are unique in a program",
                "Give one of them another name.", withSubject: false);
        }

        CheckType(entry);
        CheckDeclaration(entry);
        var inputs = entry.Status == TypeStatus.Resolved ? entry.Spec?.Inputs : null;
        if (decl.Properties is not null)
        {
            Begin("properties");
            if (inputs is null)
            {
                Check(decl.Properties, SchemaType.Any);
            }
            else
            {
                CheckProperties(decl.Properties, inputs, checkRequired: decl.Get is null, isResourceInputs: true);
            }
        }
        else if (inputs is not null && decl.Get is null)
        {
            Begin("properties");
            CheckRequired(MapNode.Empty, inputs, isResourceInputs: true);
        }

        if (decl.Get is not null)
        {
            CheckGet(entry, decl.Get);
        }

        if (decl.Options is not null)
        {
            CheckOptions(entry, decl.Options);
        }
    }

    private void ReportUncheckedPackages()
    {
        foreach (var (package, names) in notChecked)
        {
            var lookup = lookups[package];
            warnings.Add(new Diagnostic
            {
                Code = SchemaCodes.NoSchema,
                Message = $"Package '{package}' has no schema ({lookup.Problem}); not checked: " + TypeText.List(names) + ".",
                File = programFile,
                Key = package,
                Rule = "every package a program uses should have a schema to check against",
                Fix = $"Add {lookup.ExpectedFile} (pulumi package get-schema {package}@<version> > {lookup.ExpectedFile}) to the schema directory.",
            });
        }
    }

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : $" Did you mean '{suggestion}'?";

    private enum TypeStatus
    {
        Resolved,
        NoSchema,
        Unknown,
        Invalid,
        Refused,
        Unchecked,
    }

    /// <summary>A resource of the program with its resolved type.</summary>
    private sealed class ResourceEntry(ResourceDecl decl)
    {
        public ResourceDecl Decl { get; } = decl;

        /// <summary>The canonical token when resolved, else the token as written.</summary>
        public string Token { get; set; } = decl.Type;

        public TypeStatus Status { get; set; }

        public PackageSchema? Schema { get; set; }

        public ResourceSpec? Spec { get; set; }

        public string? Package { get; set; }

        public bool IsProvider { get; set; }

        public string? NameProblem { get; set; }
    }
}
