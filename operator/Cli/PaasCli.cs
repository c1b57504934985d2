using System.CommandLine;
using Paas.Cli.Commands;
using Paas.Cli.Failures;

namespace Paas.Cli;

/// <summary>The <c>paas</c> command: Heroku's words for the paas.dev API. <see cref="RunAsync"/> is the whole program.</summary>
public static class PaasCli
{
    /// <summary>Parses and runs one command line; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Build(environment);

        // Bare `paas` shows the commands, as `heroku` does, instead of an error about a missing one.
        // No @file response files: an argument such as a config value is taken as written.
        var parse = root.Parse(args.Count == 0 ? ["--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($" !    {error.Message}");
            }

            await environment.Error.WriteLineAsync($" !    See `paas {CommandPath(parse)}--help`.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, cancellationToken);
    }

    /// <summary>The command tree, with every command's action bound to <paramref name="environment"/>.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(options, environment);
        var root = new RootCommand("paas: Heroku's developer experience on Kubernetes (apps, config, ps, releases, rollback, builds, logs, run:detached).");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        IEnumerable<Command> commands =
        [
            .. AppsCommands.Create(runner),
            .. AppSettingsCommands.Create(runner),
            .. ConfigCommands.Create(runner),
            .. PsCommands.Create(runner),
            .. ReleasesCommands.Create(runner),
            .. BuildsCommands.Create(runner),
            LogsCommand.Create(runner),
            RunCommand.Create(runner),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static string CommandPath(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name + " ";
}
