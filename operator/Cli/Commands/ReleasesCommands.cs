using System.CommandLine;
using System.Text.Json.Nodes;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Output;
using Paas.Platform.Api;

namespace Paas.Cli.Commands;

/// <summary><c>releases</c> and <c>rollback</c>: Heroku's release ledger and going back in it.</summary>
public static class ReleasesCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) => [List(runner), ReleaseInfo.Create(runner), Rollback(runner)];

    private static Command List(CommandRunner runner)
    {
        var json = JsonOutput.Option();
        var command = new Command("releases", "List an App's Releases, newest first: version, description, phase, which one serves, age.") { json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, history.NewestFirst);
                return;
            }

            if (history.NewestFirst.Count == 0)
            {
                await session.Out.WriteLineAsync($"App {session.AppName} has no Releases yet; deploy it with `paas builds:create -a {session.AppName} --git URL`.");
                return;
            }

            var current = history.Current(app);
            await session.Out.WriteLineAsync($"=== {session.AppName} Releases - Current: {ReleaseVersion.Format(current?.Spec.Version)}");
            var now = session.Environment.Clock.GetUtcNow();
            var table = new TextTable("VERSION", "DESCRIPTION", "PHASE", "CURRENT", "AGE");
            foreach (var release in history.NewestFirst)
            {
                table.Add(
                    ReleaseVersion.Format(release.Spec.Version),
                    release.Spec.Description ?? "-",
                    release.Status?.Phase ?? ReleasePhases.Pending,
                    ReferenceEquals(release, current) ? "*" : string.Empty,
                    Ages.Since(release.Metadata.CreationTimestamp, now));
            }

            await table.WriteAsync(session.Out);
        });
        return command;
    }

    private static Command Rollback(CommandRunner runner)
    {
        var version = new Argument<string?>("VERSION") { Description = "The release to go back to, e.g. v3; default: the one before the current release.", Arity = ArgumentArity.ZeroOrOne };
        var noWait = ConfigCommands.NoWaitOption();
        var command = new Command("rollback", "Release an earlier version again: its image, process types and config vars become a new Release.") { version, noWait };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var requested = parse.GetValue(version) is { } text ? ReleaseVersion.Parse(text) : (int?)null;
            var app = await Apps.GetAsync(session, cancellationToken);
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            var target = requested is { } chosen ? history.Require(chosen, session.AppName) : Previous(app, history, session.AppName);
            await session.StartStepAsync($"Rolling back {session.AppName} to {ReleaseVersion.Format(target.Spec.Version)}");
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["annotations"] = new JsonObject { [PaasAnnotations.RollbackTo] = target.Spec.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            };
            await session.Client.MergePatchAsync<App>(session.AppName, session.Namespace, patch, cancellationToken: cancellationToken);
            await ReleaseProgress.FinishAsync(session, history.NewestVersion, parse.GetValue(noWait), "the rollback is requested", cancellationToken);
        });
        return command;
    }

    /// <summary>Heroku's default: the newest release before the current one that did not fail.</summary>
    private static Release Previous(App app, ReleaseHistory history, string appName)
    {
        var current = history.Current(app)?.Spec.Version ?? history.NewestVersion;
        return history.NewestFirst.FirstOrDefault(release => release.Spec.Version < current && release.Status?.Phase != ReleasePhases.Failed)
            ?? throw new CommandFailedException(
                $"App {appName} has no release before {ReleaseVersion.Format(current)} to roll back to; name one with `paas rollback vN -a {appName}` (`paas releases -a {appName}` lists them)");
    }
}
