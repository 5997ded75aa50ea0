using Infra.Stacks;
using Infra.Stacks.Cli;

return new InfraCli(ProjectProgram.Definition, CliContext.FromProcess()).Run(args);
