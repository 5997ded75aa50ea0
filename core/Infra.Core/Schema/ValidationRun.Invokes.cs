using Infra.Core.Values;

namespace Infra.Core.Schema;

/// <summary><c>fn::invoke</c>: the function token, its arguments, its options and the <c>return</c> field.</summary>
internal sealed partial class ValidationRun
{
    private static readonly string[] InvokeKeys = ["function", "arguments", "options", "return"];

    /// <summary>Checks an invoke (the path ends with <c>.fn::invoke</c>) and gives its result type.</summary>
    private SchemaType CheckInvoke(FunctionNode invoke)
    {
        var at = path.Length - ".fn::invoke".Length;
        if (invoke.Argument is not MapNode call)
        {
            ReportExpression(SchemaCodes.InvokeProblem, $"invoke at '{path.ToString(0, at)}' is not an object.",
                "fn::invoke: {function, arguments, options, return}", "Write the invoke as an object with a literal 'function' token.");
            Check(invoke.Argument, SchemaType.Any);
            return SchemaType.Any;
        }

        string? token = null;
        Node? returnNode = null;
        foreach (var (key, value) in call.Entries)
        {
            if (key == "function" && value is StringNode literal)
            {
                token = literal.Value;
            }
            else if (key == "return")
            {
                returnNode = value;
            }
        }

        var function = token is null ? null : ResolveFunction(token, at);
        var checkCall = probing == 0 && silent == 0;
        if (checkCall)
        {
            CheckCall(call, token, function, at);
        }

        if (function is null)
        {
            return SchemaType.Any;
        }

        return returnNode is null ? function.ResultType : ReturnType(function, returnNode, at);
    }

    private void CheckCall(MapNode call, string? token, FunctionSpec? function, int at)
    {
        var where = path.ToString(0, at);
        foreach (var (key, value) in call.Entries)
        {
            var mark = PushProperty(key);
            switch (key)
            {
                case "function" when value is not StringNode:
                    ReportExpression(SchemaCodes.InvokeProblem, $"invoke at '{where}' needs a literal function token, not {TypeText.DescribeValue(value)}.",
                        "function: package:module:name", "Write the function token as text.", TypeText.ValueText(value));
                    break;
                case "arguments" when value is MapNode arguments && function is not null:
                    CheckArguments(arguments, function, where);
                    break;
                case "options" when value is MapNode options:
                    CheckInvokeOptions(options, function);
                    break;
                case "function" or "return":
                    break;
                case "arguments" or "options":
                    Check(value, SchemaType.Any);
                    break;
                default:
                    var suggestion = NameSuggestions.Best(key, InvokeKeys);
                    ReportExpression(SchemaCodes.InvokeProblem, $"invoke at '{where}' has unknown key '{key}'." + DidYouMean(suggestion),
                        "fn::invoke: {function, arguments, options, return}", suggestion is null ? "Remove it." : $"Rename it to '{suggestion}'.", key);
                    Check(value, SchemaType.Any);
                    break;
            }

            Pop(mark);
        }

        if (token is null && call["function"] is null)
        {
            ReportExpression(SchemaCodes.InvokeProblem, $"invoke at '{where}' has no 'function'.", "fn::invoke: {function, arguments, options, return}",
                "Name the function, e.g. function: aws:index/getCallerIdentity:getCallerIdentity.");
        }

        if (function is not null && call["arguments"] is not MapNode)
        {
            var mark = PushProperty("arguments");
            MissingArguments(MapNode.Empty, function, where);
            Pop(mark);
        }
    }

    private void CheckArguments(MapNode arguments, FunctionSpec function, string where)
    {
        var inputs = function.Inputs;
        foreach (var (key, value) in arguments.Entries)
        {
            var mark = PushProperty(key);
            if (inputs.Find(key) is { } input)
            {
                Check(value, input.Type);
            }
            else
            {
                var suggestion = NameSuggestions.Best(key, inputs.SortedNames);
                ReportExpression(SchemaCodes.InvokeProblem, $"invoke of '{function.Token}' at '{where}' has unknown argument '{key}'." + DidYouMean(suggestion),
                    $"arguments of {function.Token}: {TypeText.List(inputs.SortedNames)}",
                    suggestion is null ? "Remove it." : $"Rename it to '{suggestion}'.", key);
                Check(value, SchemaType.Any);
            }

            Pop(mark);
        }

        MissingArguments(arguments, function, where);
    }

    private void MissingArguments(MapNode arguments, FunctionSpec function, string where)
    {
        foreach (var name in function.Inputs.Required)
        {
            if (!Has(arguments, name))
            {
                ReportExpression(SchemaCodes.InvokeProblem, $"invoke of '{function.Token}' at '{where}' is missing required argument '{name}'.",
                    $"{function.Token} requires: {TypeText.List(function.Inputs.Required)}", $"Pass '{name}' in 'arguments'.");
            }
        }
    }

    private SchemaType ReturnType(FunctionSpec function, Node returnNode, int at)
    {
        var mark = PushProperty("return");
        try
        {
            var where = path.ToString(0, at);
            if (returnNode is not StringNode field)
            {
                ReportExpression(SchemaCodes.InvokeProblem, $"invoke of '{function.Token}' at '{where}' needs a literal 'return' field name, not {TypeText.DescribeValue(returnNode)}.",
                    "return: <result field>", "Write the field name as text.", TypeText.ValueText(returnNode));
                return SchemaType.Any;
            }

            if (function.Outputs is null)
            {
                ReportExpression(SchemaCodes.InvokeProblem, $"invoke of '{function.Token}' at '{where}' returns a single value, so it takes no 'return'.",
                    "'return' picks a field of an object result", "Remove 'return'.", field.Value);
                return SchemaType.Any;
            }

            // Pulumi YAML matches the return field ignoring case.
            foreach (var (name, output) in function.Outputs.Properties)
            {
                if (string.Equals(name, field.Value, StringComparison.OrdinalIgnoreCase))
                {
                    return output.Type;
                }
            }

            var suggestion = NameSuggestions.Best(field.Value, function.Outputs.SortedNames);
            ReportExpression(SchemaCodes.InvokeProblem, $"invoke of '{function.Token}' at '{where}' has no result field '{field.Value}'." + DidYouMean(suggestion),
                $"result fields of {function.Token}: {TypeText.List(function.Outputs.SortedNames)}",
                suggestion is null ? "Return one of the listed fields." : $"Use return: {suggestion}.", field.Value);
            return SchemaType.Any;
        }
        finally
        {
            Pop(mark);
        }
    }

    private FunctionSpec? ResolveFunction(string token, int at)
    {
        var parts = token.Split(':');
        var package = parts[0];
        if (parts.Length is < 2 or > 3 || package.Length == 0)
        {
            ReportExpression(SchemaCodes.InvokeProblem, $"invoke at '{path.ToString(0, at)}' calls '{token}', which is not a function token.",
                "package:module:function", "Write the function token from the provider's schema.", token);
            return null;
        }

        if (Find(package) is not { } schema)
        {
            NotChecked(package, "fn::invoke " + token);
            return null;
        }

        if (schema.ResolveFunctionToken(token) is { } canonical)
        {
            return schema.GetFunction(canonical);
        }

        var suggestion = schema.SuggestFunction(token);
        ReportExpression(SchemaCodes.InvokeProblem,
            $"invoke at '{path.ToString(0, at)}' calls unknown function '{token}' in package {schema.Name} {schema.Version}." + DidYouMean(suggestion),
            $"a function of the {schema.Name} schema ({schema.File})", suggestion is null ? "Check the function token against the provider's schema." : $"Use '{suggestion}'.", token);
        return null;
    }
}
