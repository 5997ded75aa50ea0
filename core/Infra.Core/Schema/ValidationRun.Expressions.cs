using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>
/// The types of expressions: a reference has the schema type of the output it names (checked to exist,
/// path included); built-in functions have their result types; config values and unknown functions are
/// of unknown type (<see cref="SchemaType.Any"/>), so they are accepted anywhere.
/// </summary>
internal sealed partial class ValidationRun
{
    private static readonly SchemaType PulumiVariable = SchemaType.ObjectOf(new ObjectSpec("pulumi", new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
    {
        ["stack"] = new("stack", SchemaType.String),
        ["project"] = new("project", SchemaType.String),
        ["organization"] = new("organization", SchemaType.String),
        ["cwd"] = new("cwd", SchemaType.String),
        ["rootDirectory"] = new("rootDirectory", SchemaType.String),
    }, []));

    private readonly Dictionary<string, SchemaType> variableTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> inferring = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaType> resourceTypes = new(StringComparer.Ordinal);

    /// <summary>The type of <c>${root.path}</c>, reporting a path that does not exist.</summary>
    private SchemaType TypeOfReference(ReferenceNode reference)
    {
        if (resources.TryGetValue(reference.Root, out var entry))
        {
            return TypeOfResourceReference(reference, entry);
        }

        if (variables.TryGetValue(reference.Root, out var value))
        {
            return Descend(reference, TypeOfVariable(reference.Root, value), 0, $"variable '{reference.Root}'");
        }

        if (reference.Root == "pulumi")
        {
            return Descend(reference, PulumiVariable, 0, "the pulumi variable");
        }

        // Config values: their types are not known here.
        return SchemaType.Any;
    }

    private SchemaType TypeOfResourceReference(ReferenceNode reference, ResourceEntry entry)
    {
        var segments = reference.Path;
        if (entry.Status != TypeStatus.Resolved || entry.Spec is not { } spec)
        {
            return segments.Count == 1 && segments[0].Key is "id" or "urn" ? SchemaType.String : SchemaType.Any;
        }

        if (segments.Count == 0)
        {
            if (!resourceTypes.TryGetValue(entry.Token, out var type))
            {
                resourceTypes[entry.Token] = type = SchemaType.ResourceOf(entry.Token);
            }

            return type;
        }

        var first = segments[0];
        if (first.IsIndex)
        {
            ReportReference(reference, $"'{reference.Root}' is a resource; it cannot be indexed by [{first.Index}]", null, 0,
                $"outputs of {entry.Token}: {TypeText.List(spec.Outputs.SortedNames)} (and id, urn)");
            return SchemaType.Any;
        }

        if (spec.OutputType(first.Key!) is not { } output)
        {
            ReportReference(reference, $"'{reference.Root}' ({entry.Token}) has no output '{first.Key}'",
                NameSuggestions.Best(first.Key!, spec.OutputNames()), 0,
                $"outputs of {entry.Token}: {TypeText.List(spec.Outputs.SortedNames)} (and id, urn)");
            return SchemaType.Any;
        }

        return Descend(reference, output, 1, null);
    }

    /// <summary>Follows the rest of a reference's path through the type of what it starts from.</summary>
    private SchemaType Descend(ReferenceNode reference, SchemaType type, int start, string? rootDescription)
    {
        var segments = reference.Path;
        for (var i = start; i < segments.Count; i++)
        {
            type = type.Resolve();
            var segment = segments[i];
            switch (type.Kind)
            {
                case SchemaTypeKind.Object when !segment.IsIndex:
                    if (type.Object!.Find(segment.Key!) is not { } property)
                    {
                        ReportReference(reference, $"{Running(reference, i, rootDescription)} ({type.Token}) has no property '{segment.Key}'",
                            NameSuggestions.Best(segment.Key!, type.Object.SortedNames), i,
                            $"properties of {type.Token}: {TypeText.List(type.Object.SortedNames)}");
                        return SchemaType.Any;
                    }

                    type = property.Type;
                    break;
                case SchemaTypeKind.Map when !segment.IsIndex:
                case SchemaTypeKind.Array when segment.IsIndex:
                    type = type.Element!;
                    break;
                case SchemaTypeKind.Any or SchemaTypeKind.Union or SchemaTypeKind.Resource:
                    // Not followed: nothing certain can be said about the rest of the path.
                    return SchemaType.Any;
                default:
                    var step = segment.IsIndex ? $"cannot be indexed by [{segment.Index}]" : $"has no property '{segment.Key}'";
                    ReportReference(reference, $"{Running(reference, i, rootDescription)} is {TypeText.Describe(type)}; it {step}", null, i,
                        $"{TypeText.Noun(type)} values are accessed " + type.Kind switch
                        {
                            SchemaTypeKind.Array => "by index, e.g. [0]",
                            SchemaTypeKind.Map => "by key, e.g. [\"key\"]",
                            SchemaTypeKind.Object => "by property name",
                            _ => "as a whole",
                        });
                    return SchemaType.Any;
            }
        }

        return type;
    }

    private static string Running(ReferenceNode reference, int count, string? rootDescription) =>
        count == 0 && rootDescription is not null
            ? rootDescription
            : "'" + PropertyPath.Format(reference.Root, reference.Path.Take(count).ToArray()) + "'";

    private void ReportReference(ReferenceNode reference, string problem, string? suggestion, int at, string rule)
    {
        if (silent > 0 || probing > 0)
        {
            return;
        }

        var text = "${" + reference.ToExpressionText() + "}";
        var fix = "Reference an output that exists.";
        if (suggestion is not null)
        {
            var fixedPath = reference.Path.ToArray();
            fixedPath[at] = PathSegment.Property(suggestion);
            fix = $"Use '${{{PropertyPath.Format(reference.Root, fixedPath)}}}'.";
        }

        ReportExpression(SchemaCodes.UnknownOutput, $"reference '{text}' at '{path}' is invalid: {problem}." + DidYouMean(suggestion), rule, fix, text);
    }

    /// <summary>The type of a variable's value, inferred once and without reporting (the variable is checked on its own).</summary>
    private SchemaType TypeOfVariable(string name, Node value)
    {
        if (variableTypes.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!inferring.Add(name))
        {
            return SchemaType.Any;
        }

        silent++;
        var mark = path.Length;
        try
        {
            known = Infer(value);
        }
        finally
        {
            silent--;
            path.Length = mark;
            inferring.Remove(name);
        }

        variableTypes[name] = known;
        return known;
    }

    private SchemaType Infer(Node node) => node switch
    {
        StringNode or InterpolationNode => SchemaType.String,
        IntegerNode => SchemaType.Integer,
        NumberNode => SchemaType.Number,
        BoolNode => SchemaType.Boolean,
        ReferenceNode reference => TypeOfReference(reference),
        FunctionNode function => CheckFunction(function, SchemaType.Any),
        _ => SchemaType.Any,
    };

    /// <summary>Checks a built-in call's argument and gives its result type.</summary>
    private SchemaType CheckFunction(FunctionNode function, SchemaType expected)
    {
        var mark = PushFunction(function.Name);
        try
        {
            switch (function.Name)
            {
                case "secret" or "unsecret":
                    // Secrecy does not change the type: the argument is checked against what the property expects.
                    Check(function.Argument, expected);
                    return SchemaType.Any;
                case "invoke":
                    return CheckInvoke(function);
                case "fileAsset" or "stringAsset" or "remoteAsset":
                    Check(function.Argument, SchemaType.String);
                    return SchemaType.Asset;
                case "fileArchive" or "remoteArchive":
                    Check(function.Argument, SchemaType.String);
                    return SchemaType.Archive;
                case "assetArchive":
                    Check(function.Argument, MapOfAssets);
                    return SchemaType.Archive;
                case "split":
                    Check(function.Argument, SchemaType.Any);
                    return SchemaType.ListOfStrings;
                case "length":
                    Check(function.Argument, SchemaType.Any);
                    return SchemaType.Integer;
                case "join" or "toJSON" or "toBase64" or "fromBase64" or "readFile" or "filebase64" or "filebase64sha256"
                    or "sha1" or "pulumiResourceName" or "pulumiResourceType":
                    Check(function.Argument, SchemaType.Any);
                    return SchemaType.String;
                default:
                    // select, singleOrNone, stackReference, and functions unknown to this check: result not known.
                    Check(function.Argument, SchemaType.Any);
                    return SchemaType.Any;
            }
        }
        finally
        {
            Pop(mark);
        }
    }
}
