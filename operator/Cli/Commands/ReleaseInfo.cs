using System.CommandLine;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Output;
using Paas.Platform.Api;

namespace Paas.Cli.Commands;

/// <summary><c>paas releases:info [vN]</c>: one Release's image, process types, config snapshot, build, and why it failed.</summary>
public static class ReleaseInfo
{
    public static Command Create(CommandRunner runner)
    {
        var version = new Argument<string?>("VERSION") { Description = "The release, e.g. v3; default: the current one.", Arity = ArgumentArity.ZeroOrOne };
        var json = JsonOutput.Option();
        var command = new Command("releases:info", "Show one Release: description, phase, image, process types, config snapshot, build, and on failure why.") { version, json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var requested = parse.GetValue(version) is { } text ? ReleaseVersion.Parse(text) : (int?)null;
            var app = await Apps.GetAsync(session, cancellationToken);
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            var release = requested is { } chosen
                ? history.Require(chosen, session.AppName)
                : history.Current(app) ?? history.NewestFirst.FirstOrDefault() ?? throw new CommandFailedException(
                    $"App {session.AppName} has no Releases yet; deploy it with `paas builds:create -a {session.AppName} --git URL`");
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, release);
                return;
            }

            var spec = release.Spec;
            var status = release.Status;
            await session.Out.WriteLineAsync($"=== {session.AppName} Release {ReleaseVersion.Format(spec.Version)}");
            var facts = new TextTable("", "")
                .Add("Description:", spec.Description ?? "-")
                .Add("Phase:", status?.Phase ?? ReleasePhases.Pending)
                .Add("Current:", status?.Current == true ? "yes" : "no")
                .Add("Image:", spec.Image)
                .Add("Build:", spec.Build ?? "-")
                .Add("Config:", spec.Config is { } config ? $"Secret {config.SecretName} (hash {config.Hash})" : "-")
                .Add("Created:", release.Metadata.CreationTimestamp?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            if (spec.RollbackOf is { } rollbackOf)
            {
                facts.Add("Rollback of:", ReleaseVersion.Format(rollbackOf));
            }

            if (status?.Phase == ReleasePhases.Failed)
            {
                facts.Add("Reason:", status.Reason ?? "-");
            }

            await facts.WriteAsync(session.Out);
            if (spec.ProcessTypes is { Count: > 0 } types)
            {
                await session.Out.WriteLineAsync();
                await session.Out.WriteLineAsync("=== Process types");
                var table = new TextTable("", "");
                foreach (var (type, commandLine) in types.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    table.Add(type + ":", commandLine);
                }

                await table.WriteAsync(session.Out);
            }

            if (status?.Message is { Length: > 0 } message)
            {
                await session.Out.WriteLineAsync();
                await session.Out.WriteLineAsync(message.TrimEnd());
            }
        });
        return command;
    }
}
