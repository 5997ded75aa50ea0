using Infra.Core.Diagnostics;
using Infra.Core.Values;

namespace Infra.Core.Synthesis;

/// <summary>Which resources a resource refers to, and the reference cycles a program must not have.</summary>
public static class DependencyGraph
{
    /// <summary>Keys of the resources referred to anywhere in a declaration (properties, options, get), in first-seen order.</summary>
    public static IReadOnlyList<string> ReferencedKeys(ResourceDecl resource, ProgramDocument program) =>
        ReferencedKeys(resource, program, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The same, with a set the caller reuses for every resource (cleared here), so a whole program costs no set per resource.</summary>
    private static IReadOnlyList<string> ReferencedKeys(ResourceDecl resource, ProgramDocument program, HashSet<string> seen)
    {
        seen.Clear();
        List<string>? found = null;
        void Visit(Node? node)
        {
            switch (node)
            {
                case ReferenceNode reference when program.FindResource(reference.Root) is not null && seen.Add(reference.Root):
                    (found ??= []).Add(reference.Root);
                    break;
                case InterpolationNode interpolation:
                    for (var i = 0; i < interpolation.Parts.Count; i++)
                    {
                        Visit(interpolation.Parts[i]);
                    }

                    break;
                case FunctionNode function:
                    Visit(function.Argument);
                    break;
                case ListNode list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        Visit(list.Items[i]);
                    }

                    break;
                case MapNode map:
                    for (var i = 0; i < map.Entries.Count; i++)
                    {
                        Visit(map.Entries[i].Value);
                    }

                    break;
            }
        }

        Visit(resource.Properties);
        Visit(resource.Options);
        Visit(resource.Get);
        return found ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Every reference cycle, each reported once with its path.</summary>
    public static IReadOnlyList<Diagnostic> FindCycles(ProgramDocument program)
    {
        var edges = new Dictionary<string, IReadOnlyList<string>>(program.Resources.Count, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in program.Resources)
        {
            edges[resource.Key] = ReferencedKeys(resource, program, seen);
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var problems = new List<Diagnostic>();
        var path = new List<string>();
        foreach (var start in program.Resources)
        {
            if (state.ContainsKey(start.Key))
            {
                continue;
            }

            // Iterative depth-first search: a large program must not overflow the stack.
            var stack = new Stack<(string Key, int Next)>();
            stack.Push((start.Key, 0));
            state[start.Key] = 1;
            path.Add(start.Key);
            while (stack.Count > 0)
            {
                var (key, next) = stack.Pop();
                var targets = edges[key];
                if (next < targets.Count)
                {
                    stack.Push((key, next + 1));
                    var target = targets[next];
                    if (!state.TryGetValue(target, out var mark))
                    {
                        state[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                    else if (mark == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(target)).Append(target).ToArray();
                        var at = program.FindResource(target)!;
                        problems.Add(Diagnostic.At(at.DeclaredAt, "INFRA-PROGRAM-002",
                            $"Reference cycle: {string.Join(" → ", cycle)}.") with
                        {
                            Resource = at.LogicalName,
                            Rule = "resources cannot depend on themselves, directly or through others",
                            Fix = "Break the cycle: remove one reference or dependsOn, or split a resource into two.",
                        });
                    }
                }
                else
                {
                    state[key] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return problems;
    }
}
