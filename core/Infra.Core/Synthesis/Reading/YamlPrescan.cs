using Infra.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Core.Synthesis;

/// <summary>
/// Reads the YAML event stream once, before the document is loaded, for what Pulumi YAML refuses and
/// a loaded document would hide or stop at: anchors, aliases, merge keys, duplicate and non-scalar keys,
/// more than one document, and syntax errors. Every occurrence is reported.
/// </summary>
internal static class YamlPrescan
{
    public sealed record Outcome(bool SyntaxError, bool DuplicateKeys);

    public static Outcome Scan(string text, string? file, List<Diagnostic> problems)
    {
        var frames = new Stack<Frame>();
        var duplicates = false;
        var documents = 0;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart start:
                        if (++documents > 1)
                        {
                            problems.Add(Problem(file, start.Start, ProgramReader.StructureError, "The file holds more than one YAML document.",
                                "one document per program", "Keep one document; remove the '---' separators."));
                        }

                        break;
                    case AnchorAlias alias:
                        problems.Add(Problem(file, alias.Start, ProgramReader.AnchorError, $"Alias '*{alias.Value}' is not allowed: Pulumi YAML rejects anchors and aliases.",
                            "no anchors (&), aliases (*) or merge keys (<<)", "Write the value out in full."));
                        duplicates |= Node(frames, file, problems, alias, null);
                        break;
                    case Scalar scalar:
                        CheckAnchor(scalar, file, problems);
                        duplicates |= Node(frames, file, problems, scalar, scalar);
                        break;
                    case MappingStart mapping:
                        CheckAnchor(mapping, file, problems);
                        duplicates |= Node(frames, file, problems, mapping, null);
                        frames.Push(new Frame(isMapping: true));
                        break;
                    case SequenceStart sequence:
                        CheckAnchor(sequence, file, problems);
                        duplicates |= Node(frames, file, problems, sequence, null);
                        frames.Push(new Frame(isMapping: false));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(Problem(file, e.Start, ProgramReader.SyntaxError, $"The file is not valid YAML: {e.InnerException?.Message ?? e.Message}",
                "YAML 1.2", "Correct the YAML syntax at that line."));
            return new Outcome(true, duplicates);
        }

        return new Outcome(false, duplicates);
    }

    /// <summary>Notes a node in its parent: a mapping key must be a scalar, unique, and not a merge key. True for a duplicate.</summary>
    private static bool Node(Stack<Frame> frames, string? file, List<Diagnostic> problems, ParsingEvent node, Scalar? scalar)
    {
        if (frames.Count == 0 || !frames.Peek().IsMapping)
        {
            return false;
        }

        var frame = frames.Peek();
        var isKey = frame.ExpectingKey;
        frame.ExpectingKey = !frame.ExpectingKey;
        if (!isKey)
        {
            return false;
        }

        if (scalar is null)
        {
            problems.Add(Problem(file, node.Start, ProgramReader.StructureError, "A mapping key must be plain text, not a list or a mapping.",
                "keys are strings", "Use a text key."));
            return false;
        }

        if (scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain)
        {
            problems.Add(Problem(file, scalar.Start, ProgramReader.AnchorError, "Merge key '<<' is not allowed: Pulumi YAML rejects anchors and merge keys.",
                "no anchors (&), aliases (*) or merge keys (<<)", "Write the merged entries out in full."));
            return false;
        }

        if (!frame.Keys.Add(scalar.Value))
        {
            problems.Add(Problem(file, scalar.Start, ProgramReader.DuplicateKey, $"Key '{scalar.Value}' appears twice in the same mapping.",
                "keys of a mapping are unique", "Remove or rename one of them.") with
            { Key = scalar.Value });
            return true;
        }

        return false;
    }

    private static void CheckAnchor(NodeEvent node, string? file, List<Diagnostic> problems)
    {
        if (!node.Anchor.IsEmpty)
        {
            problems.Add(Problem(file, node.Start, ProgramReader.AnchorError, $"Anchor '&{node.Anchor}' is not allowed: Pulumi YAML rejects anchors and aliases.",
                "no anchors (&), aliases (*) or merge keys (<<)", "Remove the anchor and write values out in full."));
        }
    }

    private static Diagnostic Problem(string? file, Mark at, string code, string message, string rule, string fix) => new()
    {
        Code = code,
        Message = message,
        File = file,
        Line = (int)at.Line,
        Rule = rule,
        Fix = fix,
    };

    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
