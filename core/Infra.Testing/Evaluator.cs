using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Infra.Core.Values;

namespace Infra.Testing;

/// <summary>
/// Evaluates program expressions the way the Pulumi engine would, with the mocks' answers standing in
/// for provider outputs. Secrecy propagates: anything computed from a secret is secret.
/// </summary>
internal sealed class Evaluator(TestRun run)
{
    public async Task<EvaluatedValue> EvaluateAsync(Node? node)
    {
        switch (node)
        {
            case null:
                return EvaluatedValue.Null;
            case StringNode s:
                return new(s.Value, false);
            case IntegerNode i:
                return new(i.Value, false);
            case NumberNode n:
                return new(n.Value, false);
            case BoolNode b:
                return new(b.Value, false);
            case ListNode list:
                {
                    var items = ImmutableArray.CreateBuilder<object?>(list.Items.Count);
                    var secret = false;
                    foreach (var item in list.Items)
                    {
                        var value = await EvaluateAsync(item);
                        items.Add(value.Value);
                        secret |= value.IsSecret;
                    }

                    return new(items.MoveToImmutable(), secret);
                }

            case MapNode map:
                {
                    var entries = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
                    var secret = false;
                    foreach (var (key, item) in map.Entries)
                    {
                        var value = await EvaluateAsync(item);
                        entries[key] = value.Value;
                        secret |= value.IsSecret;
                    }

                    return new(entries.ToImmutable(), secret);
                }

            case ReferenceNode reference:
                return run.Resolve(reference);
            case InterpolationNode interpolation:
                {
                    var text = new StringBuilder();
                    var secret = false;
                    foreach (var part in interpolation.Parts)
                    {
                        var value = await EvaluateAsync(part);
                        text.Append(ToText(value.Value));
                        secret |= value.IsSecret;
                    }

                    return new(text.ToString(), secret);
                }

            case FunctionNode function:
                return await CallAsync(function);
            default:
                throw new InvalidOperationException($"Cannot evaluate {node.GetType().Name}.");
        }
    }

    private async Task<EvaluatedValue> CallAsync(FunctionNode function)
    {
        if (function.Name == "invoke")
        {
            return await run.InvokeAsync((MapNode)function.Argument, this);
        }

        var argument = await EvaluateAsync(function.Argument);
        var secret = argument.IsSecret;
        object? Arg(int index) => ((IList)argument.Value!)[index];
        object? result = function.Name switch
        {
            "secret" => argument.Value,
            "unsecret" => argument.Value,
            "join" => string.Join(ToText(Arg(0)), ((IEnumerable)Arg(1)!).Cast<object?>().Select(ToText)),
            "split" => ToText(Arg(1)).Split(ToText(Arg(0))).Select(s => (object?)s).ToImmutableArray(),
            "select" => ((IList)Arg(1)!)[Convert.ToInt32(Arg(0), CultureInfo.InvariantCulture)],
            "toJSON" => JsonSerializer.Serialize(argument.Value),
            "toBase64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(ToText(argument.Value))),
            "fromBase64" => Encoding.UTF8.GetString(Convert.FromBase64String(ToText(argument.Value))),
            "sha1" => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(ToText(argument.Value)))),
            "length" => argument.Value switch
            {
                string s => (long)new StringInfo(s).LengthInTextElements,
                ICollection c => (long)c.Count,
                _ => throw new InvalidOperationException("fn::length takes a list, a map or a string."),
            },
            "singleOrNone" => ((IList)argument.Value!).Count switch
            {
                0 => null,
                1 => ((IList)argument.Value!)[0],
                _ => throw new InvalidOperationException("fn::singleOrNone got more than one element."),
            },
            "readFile" => await File.ReadAllTextAsync(ToText(argument.Value)),
            "filebase64" => Convert.ToBase64String(await File.ReadAllBytesAsync(ToText(argument.Value))),
            "filebase64sha256" => Convert.ToBase64String(SHA256.HashData(await File.ReadAllBytesAsync(ToText(argument.Value)))),
            "pulumiResourceName" or "pulumiResourceType" => run.DescribeResource(function),
            "fileAsset" or "stringAsset" or "remoteAsset" or "fileArchive" or "remoteArchive" or "assetArchive" =>
                new AssetValue(function.Name, argument.Value),
            _ => throw new InvalidOperationException($"fn::{function.Name} is not a Pulumi YAML built-in."),
        };
        var isSecret = function.Name switch
        {
            "secret" => true,
            "unsecret" => false,
            _ => secret,
        };
        return new(result, isSecret);
    }

    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>A mock's state as a dictionary: dictionaries as they are, other objects by their public properties (camelCase).</summary>
    public static ImmutableDictionary<string, object?> ToDictionary(object? state)
    {
        switch (state)
        {
            case null:
                return ImmutableDictionary<string, object?>.Empty;
            case IDictionary<string, object?> typed:
                return typed.ToImmutableDictionary(StringComparer.Ordinal);
            case IDictionary untyped:
                return untyped.Cast<DictionaryEntry>().ToImmutableDictionary(e => (string)e.Key, e => e.Value, StringComparer.Ordinal);
            default:
                return state.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .ToImmutableDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.GetValue(state), StringComparer.Ordinal);
        }
    }
}
