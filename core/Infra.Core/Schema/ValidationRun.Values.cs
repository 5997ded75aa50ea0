using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary>Checks values against schema types: literals by shape, expressions by the type they are known to have.</summary>
internal sealed partial class ValidationRun
{
    private static readonly SchemaType MapOfAssets = SchemaType.MapOf(SchemaType.Asset);

    /// <summary>Checks <paramref name="node"/> at the current path against <paramref name="expected"/>, reporting every problem.</summary>
    private void Check(Node node, SchemaType expected)
    {
        expected = expected.Resolve();
        switch (node)
        {
            case ReferenceNode reference:
                CheckAssignable(node, TypeOfReference(reference), expected);
                return;
            case InterpolationNode interpolation:
                for (var i = 0; i < interpolation.Parts.Count; i++)
                {
                    if (interpolation.Parts[i] is ReferenceNode reference)
                    {
                        _ = TypeOfReference(reference);
                    }
                }

                CheckAssignable(node, SchemaType.String, expected);
                return;
            case FunctionNode function:
                CheckAssignable(node, CheckFunction(function, expected), expected);
                return;
        }

        switch (expected.Kind)
        {
            case SchemaTypeKind.Any:
                CheckChildren(node);
                break;
            case SchemaTypeKind.Union:
                CheckUnion(node, expected);
                break;
            case SchemaTypeKind.String:
                ExpectScalar(node, expected, node is StringNode or IntegerNode or NumberNode or BoolNode);
                break;
            case SchemaTypeKind.Number:
                ExpectScalar(node, expected, node is IntegerNode or NumberNode);
                break;
            case SchemaTypeKind.Integer:
                ExpectScalar(node, expected, node is IntegerNode || (node is NumberNode n && Math.Floor(n.Value) == n.Value));
                break;
            case SchemaTypeKind.Boolean:
                ExpectScalar(node, expected, node is BoolNode);
                break;
            case SchemaTypeKind.Array when node is ListNode list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var mark = PushIndex(i);
                    Check(list.Items[i], expected.Element!);
                    Pop(mark);
                }

                break;
            case SchemaTypeKind.Map when node is MapNode map:
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    var (key, value) = map.Entries[i];
                    var mark = PushKey(key);
                    Check(value, expected.Element!);
                    Pop(mark);
                }

                break;
            case SchemaTypeKind.Object when node is MapNode map:
                CheckProperties(map, expected.Object!, checkRequired: true, isResourceInputs: false);
                break;
            case SchemaTypeKind.Enum:
                ExpectScalar(node, expected, Contains(expected.Enum!.Values, node));
                break;
            case SchemaTypeKind.Resource:
                // A resource input also takes the resource's ID.
                ExpectScalar(node, expected, node is StringNode);
                break;
            default:
                Mismatch(node, null, expected);
                CheckChildren(node);
                break;
        }
    }

    /// <summary>The properties of a resource, an object value or a read resource's state.</summary>
    private void CheckProperties(MapNode map, ObjectSpec spec, bool checkRequired, bool isResourceInputs)
    {
        for (var i = 0; i < map.Entries.Count; i++)
        {
            var (key, value) = map.Entries[i];
            var mark = PushProperty(key);
            if (spec.Properties.TryGetValue(key, out var property))
            {
                if (property.Deprecated)
                {
                    Warn(SchemaCodes.Deprecated, $"'{path}' is deprecated.", "Use its replacement (see the provider's documentation).");
                }

                Check(value, property.Type);
            }
            else if (Reporting())
            {
                var suggestion = NameSuggestions.Best(key, spec.SortedNames);
                Add(SchemaCodes.UnknownProperty, $"unknown property '{path}'." + DidYouMean(suggestion),
                    $"{(isResourceInputs ? "inputs" : "properties")} of {spec.Token}: {TypeText.List(spec.SortedNames)}",
                    suggestion is null ? "Remove it, or use one of the listed names." : $"Rename it to '{suggestion}'.", key);
                Check(value, SchemaType.Any);
            }
            else
            {
                Check(value, SchemaType.Any);
            }

            Pop(mark);
        }

        if (checkRequired)
        {
            CheckRequired(map, spec, isResourceInputs);
        }
    }

    private void CheckRequired(MapNode map, ObjectSpec spec, bool isResourceInputs)
    {
        var required = spec.Required;
        for (var i = 0; i < required.Count; i++)
        {
            var name = required[i];
            if (Has(map, name) || !Reporting())
            {
                continue;
            }

            var mark = PushProperty(name);
            Add(SchemaCodes.MissingRequired, $"required {(isResourceInputs ? "input" : "property")} '{path}' is missing.",
                $"{spec.Token} requires: {TypeText.List(spec.Required)}", $"Set '{name}'.");
            Pop(mark);
        }
    }

    /// <summary>The first alternative of a oneOf that fits; when none does, the one of the value's shape explains why.</summary>
    private void CheckUnion(Node node, SchemaType union)
    {
        var alternatives = union.Alternatives;
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (Fits(node, alternative))
            {
                Check(node, alternative);
                return;
            }
        }

        SchemaType? sameShape = null;
        foreach (var alternative in alternatives)
        {
            if (HasShapeOf(node, alternative.Resolve()))
            {
                if (sameShape is not null)
                {
                    sameShape = null;
                    break;
                }

                sameShape = alternative;
            }
        }

        if (sameShape is not null)
        {
            Check(node, sameShape);
            return;
        }

        Mismatch(node, null, union);
        CheckChildren(node);
    }

    private bool Fits(Node node, SchemaType type)
    {
        var before = probeFailures;
        probing++;
        try
        {
            Check(node, type);
        }
        finally
        {
            probing--;
        }

        var fits = probeFailures == before;
        probeFailures = before;
        return fits;
    }

    private static bool HasShapeOf(Node node, SchemaType type) => node switch
    {
        ListNode => type.Kind == SchemaTypeKind.Array,
        MapNode => type.Kind is SchemaTypeKind.Object or SchemaTypeKind.Map,
        _ => false,
    };

    /// <summary>An expression whose type is known (or not: then it is accepted) assigned to a property.</summary>
    private void CheckAssignable(Node node, SchemaType from, SchemaType to)
    {
        if (!Assignable(from.Resolve(), to.Resolve()))
        {
            Mismatch(node, from, to);
        }
    }

    /// <summary>
    /// Pulumi YAML's assignability, leaning to acceptance where the type cannot be known for sure:
    /// numbers, booleans and resources convert to strings; an object converts to a map; a union source fits
    /// when any of its alternatives does.
    /// </summary>
    private static bool Assignable(SchemaType from, SchemaType to)
    {
        if (from.Kind == SchemaTypeKind.Any || to.Kind == SchemaTypeKind.Any)
        {
            return true;
        }

        if (from.Kind == SchemaTypeKind.Union)
        {
            foreach (var alternative in from.Alternatives)
            {
                if (Assignable(alternative.Resolve(), to))
                {
                    return true;
                }
            }

            return false;
        }

        if (from.Kind == SchemaTypeKind.Enum)
        {
            from = from.Enum!.Underlying;
        }

        switch (to.Kind)
        {
            case SchemaTypeKind.Union:
                foreach (var alternative in to.Alternatives)
                {
                    if (Assignable(from, alternative.Resolve()))
                    {
                        return true;
                    }
                }

                return false;
            case SchemaTypeKind.String:
                return from.Kind is SchemaTypeKind.String or SchemaTypeKind.Number or SchemaTypeKind.Integer or SchemaTypeKind.Boolean or SchemaTypeKind.Resource;
            case SchemaTypeKind.Number or SchemaTypeKind.Integer:
                return from.Kind is SchemaTypeKind.Number or SchemaTypeKind.Integer;
            case SchemaTypeKind.Boolean:
                return from.Kind == SchemaTypeKind.Boolean;
            case SchemaTypeKind.Array:
                return from.Kind == SchemaTypeKind.Array && Assignable(from.Element!.Resolve(), to.Element!.Resolve());
            case SchemaTypeKind.Map:
                return (from.Kind == SchemaTypeKind.Map && Assignable(from.Element!.Resolve(), to.Element!.Resolve())) || from.Kind == SchemaTypeKind.Object;
            case SchemaTypeKind.Object:
                return from.Kind is SchemaTypeKind.Object or SchemaTypeKind.Map;
            case SchemaTypeKind.Enum:
                return Assignable(from, to.Enum!.Underlying);
            case SchemaTypeKind.Resource:
                return from.Kind == SchemaTypeKind.String ||
                    (from.Kind == SchemaTypeKind.Resource && string.Equals(from.Token, to.Token, StringComparison.OrdinalIgnoreCase));
            case SchemaTypeKind.Asset:
                return from.Kind is SchemaTypeKind.Asset or SchemaTypeKind.Archive;
            case SchemaTypeKind.Archive:
                return from.Kind == SchemaTypeKind.Archive;
            default:
                return true;
        }
    }

    private void ExpectScalar(Node node, SchemaType expected, bool fits)
    {
        if (!fits || (expected.Const is { } constant && !SameLiteral(node, constant)))
        {
            Mismatch(node, null, expected);
            CheckChildren(node);
        }
    }

    private void Mismatch(Node node, SchemaType? actual, SchemaType expected)
    {
        if (!Reporting())
        {
            return;
        }

        var wanted = TypeText.Describe(expected);
        Add(SchemaCodes.WrongType, $"'{path}' must be {wanted}, not {TypeText.DescribeValue(node, actual)}.",
            "schema type: " + TypeText.Noun(expected), $"Give {wanted}.", TypeText.ValueText(node));
    }

    /// <summary>Checks the references and invokes inside a value of any type.</summary>
    private void CheckChildren(Node node)
    {
        switch (node)
        {
            case ListNode list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var mark = PushIndex(i);
                    Check(list.Items[i], SchemaType.Any);
                    Pop(mark);
                }

                break;
            case MapNode map:
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    var (key, value) = map.Entries[i];
                    var mark = PushKey(key);
                    Check(value, SchemaType.Any);
                    Pop(mark);
                }

                break;
        }
    }

    /// <summary>Whether a map has a key (without the enumerator allocation of <see cref="MapNode"/>'s indexer).</summary>
    private static bool Has(MapNode map, string key)
    {
        var entries = map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<Node> values, Node node)
    {
        foreach (var value in values)
        {
            if (SameLiteral(node, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameLiteral(Node a, Node b) => (a, b) switch
    {
        (StringNode x, StringNode y) => x.Value == y.Value,
        (BoolNode x, BoolNode y) => x.Value == y.Value,
        (IntegerNode x, IntegerNode y) => x.Value == y.Value,
        (IntegerNode x, NumberNode y) => x.Value == y.Value,
        (NumberNode x, IntegerNode y) => x.Value == y.Value,
        (NumberNode x, NumberNode y) => x.Value == y.Value,
        _ => false,
    };
}
