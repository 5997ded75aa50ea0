using System.CommandLine;
using Infra.Core.Configuration;
using Infra.Core.Diagnostics;
using Infra.Core.Synthesis;
using Infra.Policies;

namespace Infra.Stacks.Cli;

/// <summary>
/// <c>infra policy [&lt;stack&gt;] [--program Main.yaml] [--env prod] [--format table|json|sarif|junit]</c>:
/// the policy pack over the stack's program, or over any Pulumi YAML program file.
/// Exit codes: 0 clean, 1 mandatory violations, 2 engine error.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(InfraCli cli)
    {
        var stack = new Argument<string?>("stack") { Description = "The stack to check (its program is synthesized).", Arity = ArgumentArity.ZeroOrOne };
        var programFile = new Option<string?>("--program") { Description = "Check this Pulumi YAML program file instead of a stack's program." };
        var environment = new Option<string?>("--env") { Description = "The environment whose enforcement levels apply (prod makes prod-only rules mandatory). Default: the stack's." };
        var format = new Option<string>("--format") { Description = "table, json, sarif or junit.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "sarif", "junit");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file (atomically) instead of standard output." };
        var command = new Command("policy", "Check a stack or a Pulumi YAML program against the policy pack.");
        command.Arguments.Add(stack);
        command.Options.Add(programFile);
        command.Options.Add(environment);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            try
            {
                var report = Evaluate(cli, parsed.GetValue(stack), parsed.GetValue(programFile), parsed.GetValue(environment));
                var text = parsed.GetValue(format) switch
                {
                    "json" => JsonReport.Write(report),
                    "sarif" => SarifReport.Write(report),
                    "junit" => JUnitReport.Write(report),
                    _ => null,
                };
                if (parsed.GetValue(output) is { } file)
                {
                    AtomicFile.WriteAllText(Path.Combine(cli.Context.WorkingDirectory, file), text ?? ConsoleReport.Render(report));
                }
                else if (text is not null)
                {
                    cli.Context.Out.Write(text);
                }
                else
                {
                    ConsoleReport.Write(report, Reporting.Console(cli.Context.Out));
                }

                return report.ExitCode;
            }
            catch (InfraException e)
            {
                Reporting.Report(cli.Context.Error, e);
                return PolicyExitCode.EngineError;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Reporting.ReportCrash(cli.Context.Error, e);
            }
        });
        return command;
    }

    private static PolicyReport Evaluate(InfraCli cli, string? stack, string? programFile, string? environment)
    {
        var today = cli.Context.Today();
        if (programFile is not null)
        {
            var path = Path.Combine(cli.Context.WorkingDirectory, programFile);
            var program = ProgramReader.ReadFile(path);
            var policy = stack is null ? PolicyConfig.Empty : PolicyConfig.FromStackConfig(Stack(cli, stack));
            var env = environment ?? stack ?? throw MissingEnvironment();
            return PolicyPack.Evaluate(program, PolicyContext.From(policy, env, today, stack, null) with { ProgramFile = programFile });
        }

        if (stack is null)
        {
            throw new InfraException(new Diagnostic
            {
                Code = "INFRA-STACK-004",
                Message = "No stack and no --program given.",
                Rule = "policy checks a stack's program or a program file",
                Fix = "Pass a stack (infra policy prod) or a file (infra policy --program Main.yaml --env prod).",
            });
        }

        var result = cli.Pipeline().Run(Stack(cli, stack), enforcePolicy: false);
        return environment is null || environment == result.Policy.Environment
            ? result.Policy
            : PolicyPack.Evaluate(result.Program, PolicyContext.From(PolicyConfig.FromStackConfig(result.Deployment.StackConfig), environment, today, stack, result.Deployment.ProjectName));
    }

    private static StackConfig Stack(InfraCli cli, string stack) => StackLoader.FromFile(ProjectFiles.Locate(cli.Context.WorkingDirectory), stack);

    private static InfraException MissingEnvironment() => new(new Diagnostic
    {
        Code = "INFRA-POLICY-002",
        Message = "No environment given for the program file.",
        Rule = "enforcement levels depend on the environment",
        Fix = "Pass --env (e.g. --env prod).",
    });
}
