using System.CommandLine;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Logs;
using Paas.Platform.Procfiles;

namespace Paas.Cli.Commands;

/// <summary><c>paas logs</c>: the App's dyno logs, merged in time order, or followed with <c>--tail</c>.</summary>
public static class LogsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var processType = new Option<string?>("--ps", "-p") { Description = "Only dynos of this process type, e.g. web." };
        var tail = new Option<bool>("--tail", "-t") { Description = "Keep streaming new lines until Ctrl+C." };
        var lines = new Option<int>("--num") { Description = "How many recent lines per dyno.", DefaultValueFactory = _ => 100 };
        var command = new Command("logs", "Show an App's logs from its dynos.") { processType, tail, lines };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var count = parse.GetValue(lines);
            if (count < 0)
            {
                throw new UsageException($"--num: {count} is not a number of lines; give 0 or more, e.g. --num 200");
            }

            var type = parse.GetValue(processType);
            if (type is not null && !ProcessTypeNames.IsWellFormed(type))
            {
                throw new UsageException($"--ps: process type \"{type}\" is invalid: {ProcessTypeNames.CharactersRule}; e.g. --ps web");
            }

            await Apps.GetAsync(session, cancellationToken);
            var logs = new DynoLogs(session);
            var dynos = await logs.FindDynosAsync(session.AppName, type is null ? null : ProcessTypeNames.ToKubernetesName(type), cancellationToken);
            if (dynos.Count == 0)
            {
                var which = type is null ? "dynos" : $"{type} dynos";
                throw new CommandFailedException($"App {session.AppName} has no {which} in namespace {session.Namespace}; see `paas ps -a {session.AppName}`, and scale with `paas ps:scale {type ?? "web"}=1 -a {session.AppName}`");
            }

            if (parse.GetValue(tail))
            {
                await logs.FollowAsync(dynos, count, line => session.Out.WriteLineAsync(line.ToString()), cancellationToken);
                return;
            }

            foreach (var line in await logs.ReadAsync(dynos, count, cancellationToken))
            {
                await session.Out.WriteLineAsync(line.ToString());
            }
        });
        return command;
    }
}
