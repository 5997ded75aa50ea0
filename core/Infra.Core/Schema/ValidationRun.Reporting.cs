using System.Text;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;

namespace Infra.Core.Schema;

/// <summary>Where a problem is (the declaration being checked and the property path) and how it is reported.</summary>
internal sealed partial class ValidationRun
{
    private Subject subject;

    // While probing (which alternative of a oneOf fits?) problems are counted, not reported.
    private int probing;
    private int probeFailures;

    // While inferring a variable's type nothing is reported: the variable is checked on its own.
    private int silent;

    private StringBuilder Begin(string root)
    {
        path.Clear();
        return path.Append(root);
    }

    private int PushProperty(string name)
    {
        var mark = path.Length;
        if (IsPlainName(name))
        {
            path.Append('.').Append(name);
        }
        else
        {
            AppendQuotedKey(name);
        }

        return mark;
    }

    private int PushKey(string key)
    {
        var mark = path.Length;
        AppendQuotedKey(key);
        return mark;
    }

    private int PushIndex(int index)
    {
        var mark = path.Length;
        path.Append('[').Append(index).Append(']');
        return mark;
    }

    private int PushFunction(string name)
    {
        var mark = path.Length;
        path.Append(".fn::").Append(name);
        return mark;
    }

    private void Pop(int mark) => path.Length = mark;

    /// <summary>A problem with a value: counted while probing, dropped while silent, else reported.</summary>
    private void Report(string code, string message, string rule, string fix, string? value = null, bool withSubject = true)
    {
        if (Reporting())
        {
            Add(code, message, rule, fix, value, withSubject);
        }
    }

    /// <summary>
    /// Whether a problem found now is to be described and added: while probing it is only counted, while
    /// silent dropped. Call sites whose messages are costly (suggestions, type descriptions) ask first.
    /// </summary>
    private bool Reporting()
    {
        if (silent > 0)
        {
            return false;
        }

        if (probing > 0)
        {
            probeFailures++;
            return false;
        }

        return true;
    }

    private void Add(string code, string message, string rule, string fix, string? value = null, bool withSubject = true) =>
        errors.Add(Build(code, withSubject ? subject.Text + ": " + message : message, rule, fix, value));

    /// <summary>
    /// A problem inside an expression (a reference or an invoke): it does not decide which alternative of a
    /// oneOf fits, so it is reported once, when the value is checked for real.
    /// </summary>
    private void ReportExpression(string code, string message, string rule, string fix, string? value = null)
    {
        if (silent == 0 && probing == 0)
        {
            errors.Add(Build(code, subject.Text + ": " + message, rule, fix, value));
        }
    }

    private void Warn(string code, string message, string fix)
    {
        if (silent == 0 && probing == 0)
        {
            warnings.Add(Build(code, subject.Text + ": " + message, "deprecated in the provider's schema", fix, null));
        }
    }

    private Diagnostic Build(string code, string message, string rule, string fix, string? value)
    {
        string? file = programFile;
        int? line = null;
        if (subject.Decl is { } decl)
        {
            if (decl.DeclaredAt.IsKnown)
            {
                file = decl.DeclaredAt.RelativeFile;
                line = decl.DeclaredAt.Line;
            }
            else
            {
                line = decl.YamlLine;
            }
        }

        return new Diagnostic
        {
            Code = code,
            Message = message,
            File = file,
            Line = line,
            Key = path.ToString(),
            Value = value,
            Resource = subject.Kind == SubjectKind.Resource ? subject.Name : null,
            Rule = rule,
            Fix = fix,
        };
    }

    private static string Where(ResourceDecl decl) =>
        decl.DeclaredAt.IsKnown ? $"declared at {decl.DeclaredAt}" : decl.YamlLine is { } line ? $"line {line}" : "declared earlier";

    private void AppendQuotedKey(string key)
    {
        path.Append("[\"");
        foreach (var c in key)
        {
            if (c is '"' or '\\')
            {
                path.Append('\\');
            }

            path.Append(c);
        }

        path.Append("\"]");
    }

    private static bool IsPlainName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private enum SubjectKind
    {
        Resource,
        Variable,
        Output,
    }

    /// <summary>What is being checked, named at the start of every message.</summary>
    private readonly record struct Subject(SubjectKind Kind, string Name, string? Token, ResourceDecl? Decl)
    {
        public string Text => Kind switch
        {
            SubjectKind.Resource when Token is not null => $"Resource '{Name}' ({Token})",
            SubjectKind.Resource => $"Resource '{Name}'",
            SubjectKind.Variable => $"Variable '{Name}'",
            _ => $"Stack output '{Name}'",
        };

        public static Subject Resource(ResourceEntry entry) => new(SubjectKind.Resource, entry.Decl.LogicalName,
            entry.Status is TypeStatus.Resolved or TypeStatus.NoSchema or TypeStatus.Unchecked ? entry.Token : null, entry.Decl);

        public static Subject Variable(string name) => new(SubjectKind.Variable, name, null, null);

        public static Subject Output(string name) => new(SubjectKind.Output, name, null, null);
    }
}
