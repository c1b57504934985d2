using System.CommandLine;
using System.Text.Json.Nodes;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Output;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Cli.Commands;

/// <summary><c>config</c>, <c>config:get</c>, <c>config:set</c> and <c>config:unset</c>: an App's <c>spec.config</c>, as Heroku's config vars.</summary>
public static class ConfigCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) => [List(runner), Get(runner), Set(runner), Unset(runner)];

    private static Command List(CommandRunner runner)
    {
        var json = JsonOutput.Option();
        var command = new Command("config", "Show an App's config vars, sorted by name.") { json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            if (parse.GetValue(json))
            {
                var vars = new JsonObject();
                foreach (var (key, value) in (app.Spec.Config ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    vars[key] = value;
                }

                await JsonOutput.WriteAsync(session, vars);
                return;
            }

            await session.Out.WriteLineAsync($"=== {app.Metadata.Name} Config Vars");
            var config = app.Spec.Config ?? new Dictionary<string, string>();
            if (config.Count == 0)
            {
                await session.Out.WriteLineAsync($"None set; set some with `paas config:set KEY=VALUE -a {session.AppName}`.");
            }

            var table = new TextTable("", "");
            foreach (var (key, value) in config.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                table.Add(key + ":", value);
            }

            await table.WriteAsync(session.Out);
            if (app.Spec.ConfigFrom is { Count: > 0 } sources)
            {
                var names = sources.Select(source => source.SecretRef is { } secret ? $"Secret {secret.Name}" : $"ConfigMap {source.ConfigMapRef?.Name}");
                await session.Out.WriteLineAsync($"Also from {string.Join(", ", names)} (spec.configFrom; the vars above win).");
            }
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var key = new Argument<string>("KEY") { Description = "The config var's name." };
        var command = new Command("config:get", "Print one config var's value.") { key };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var name = parse.GetValue(key)!;
            ConfigAssignment.CheckKey(name);
            var app = await Apps.GetAsync(session, cancellationToken);
            if (app.Spec.Config?.GetValueOrDefault(name) is not { } value)
            {
                throw new CommandFailedException($"{name}: not set on App {session.AppName}; set it with `paas config:set {name}=VALUE -a {session.AppName}`");
            }

            await session.Out.WriteLineAsync(value);
        });
        return command;
    }

    private static Command Set(CommandRunner runner)
    {
        var assignments = new Argument<string[]>("KEY=VALUE") { Description = "Config vars to set.", Arity = ArgumentArity.OneOrMore };
        var noWait = NoWaitOption();
        var command = new Command("config:set", "Set config vars; the operator restarts the App with a new Release.") { assignments, noWait };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var changes = parse.GetValue(assignments)!.Select(ConfigAssignment.Parse).ToList();
            var app = await Apps.GetAsync(session, cancellationToken);
            var merged = new Dictionary<string, string>(app.Spec.Config ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            var patch = new JsonObject();
            foreach (var change in changes)
            {
                merged[change.Key] = change.Value;
                patch[change.Key] = change.Value;
            }

            if (ConfigVars.Check("spec.config", merged).FirstOrDefault() is { } tooLarge)
            {
                throw new UsageException(tooLarge.Message);
            }

            var keys = changes.Select(change => change.Key).Distinct(StringComparer.Ordinal).ToList();
            await ChangeAsync(session, app, $"Setting {string.Join(", ", keys)}", patch, parse.GetValue(noWait), cancellationToken);
            var table = new TextTable("", "");
            foreach (var key in keys)
            {
                table.Add(key + ":", merged[key]);
            }

            await table.WriteAsync(session.Out);
        });
        return command;
    }

    private static Command Unset(CommandRunner runner)
    {
        var names = new Argument<string[]>("KEY") { Description = "Config vars to remove.", Arity = ArgumentArity.OneOrMore };
        var noWait = NoWaitOption();
        var command = new Command("config:unset", "Remove config vars; the operator restarts the App with a new Release.") { names, noWait };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var keys = parse.GetValue(names)!.Distinct(StringComparer.Ordinal).ToList();
            keys.ForEach(ConfigAssignment.CheckKey);
            var app = await Apps.GetAsync(session, cancellationToken);
            var present = keys.Where(key => app.Spec.Config?.ContainsKey(key) == true).ToList();
            foreach (var missing in keys.Except(present))
            {
                await session.Environment.Error.WriteLineAsync($"{missing} is not set on App {session.AppName}; nothing to unset.");
            }

            if (present.Count == 0)
            {
                return;
            }

            var patch = new JsonObject();
            present.ForEach(key => patch[key] = null);
            await ChangeAsync(session, app, $"Unsetting {string.Join(", ", present)}", patch, parse.GetValue(noWait), cancellationToken);
        });
        return command;
    }

    /// <summary>Merge-patches <c>spec.config</c> (null removes a key) and, unless told not to, waits for the Release it causes.</summary>
    private static async Task ChangeAsync(CliSession session, App app, string doing, JsonObject configPatch, bool noWait, CancellationToken cancellationToken)
    {
        var before = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
        await session.StartStepAsync($"{doing} and restarting {session.AppName}");
        var patch = new JsonObject { ["spec"] = new JsonObject { ["config"] = configPatch } };
        var updated = await session.Client.MergePatchAsync<App>(session.AppName, session.Namespace, patch, cancellationToken: cancellationToken);
        if (updated.Metadata.Generation == app.Metadata.Generation)
        {
            await session.FinishStepAsync("done (no change)");
            return;
        }

        await ReleaseProgress.FinishAsync(session, before.NewestVersion, noWait, "the config vars are saved", cancellationToken);
    }

    internal static Option<bool> NoWaitOption() => new("--no-wait") { Description = "Return once the change is saved, without waiting for the new Release." };
}
