using System.CommandLine;
using System.Text.Json.Nodes;
using Kube.Client;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Cli.Commands;

/// <summary><c>maintenance</c>, <c>maintenance:on|off</c>, <c>domains</c>, <c>domains:add</c> and <c>domains:remove</c>: an App's maintenance mode and custom hostnames.</summary>
public static class AppSettingsCommands
{
    private const int ConflictAttempts = 5;

    public static IEnumerable<Command> Create(CommandRunner runner) =>
        [Maintenance(runner), SetMaintenance(runner, on: true), SetMaintenance(runner, on: false), Domains(runner), ChangeDomain(runner, add: true), ChangeDomain(runner, add: false)];

    private static Command Maintenance(CommandRunner runner)
    {
        var command = new Command("maintenance", "Say whether the App serves a maintenance page.");
        runner.Bind(command, async (_, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            await session.Out.WriteLineAsync(app.Spec.Maintenance == true ? "on" : "off");
        });
        return command;
    }

    private static Command SetMaintenance(CommandRunner runner, bool on)
    {
        var command = new Command(on ? "maintenance:on" : "maintenance:off", on
            ? "Serve a maintenance page (HTTP 503) instead of the App; dynos keep running."
            : "Serve the App again instead of the maintenance page.");
        runner.Bind(command, async (_, session, cancellationToken) =>
        {
            await Apps.GetAsync(session, cancellationToken);
            await session.StartStepAsync($"{(on ? "Enabling" : "Disabling")} maintenance mode for {session.AppName}");
            var patch = new JsonObject { ["spec"] = new JsonObject { ["maintenance"] = on } };
            await session.Client.MergePatchAsync<App>(session.AppName, session.Namespace, patch, cancellationToken: cancellationToken);
            await session.FinishStepAsync("done");
        });
        return command;
    }

    private static Command Domains(CommandRunner runner)
    {
        var command = new Command("domains", "List the App's custom hostnames, after its platform URL.");
        runner.Bind(command, async (_, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            await session.Out.WriteLineAsync($"=== {session.AppName} URL");
            await session.Out.WriteLineAsync(app.Status?.Url ?? "- (not served yet)");
            await session.Out.WriteLineAsync();
            await session.Out.WriteLineAsync($"=== {session.AppName} Custom Domains");
            var domains = app.Spec.Domains ?? [];
            await session.Out.WriteLineAsync(domains.Count == 0 ? $"None; add one with `paas domains:add www.example.com -a {session.AppName}`." : string.Join(System.Environment.NewLine, domains));
        });
        return command;
    }

    private static Command ChangeDomain(CommandRunner runner, bool add)
    {
        var hostname = new Argument<string>("HOSTNAME") { Description = "e.g. www.example.com, or *.example.com." };
        var command = new Command(add ? "domains:add" : "domains:remove", add
            ? "Serve the App's web process on another hostname too; point its DNS at the cluster's ingress."
            : "Stop serving the App on a custom hostname.") { hostname };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var domain = parse.GetValue(hostname)!;
            if (add && DomainNames.CheckOne("HOSTNAME", domain) is { } invalid)
            {
                throw new UsageException(invalid.Message);
            }

            for (var attempt = 1; ; attempt++)
            {
                var app = await Apps.GetAsync(session, cancellationToken);
                var domains = app.Spec.Domains ?? [];
                if (add && domains.Contains(domain, StringComparer.Ordinal))
                {
                    await session.Out.WriteLineAsync($"{domain} is already a domain of {session.AppName}.");
                    return ExitCodes.Ok;
                }

                if (!add && !domains.Contains(domain, StringComparer.Ordinal))
                {
                    var known = domains.Count == 0 ? "it has none" : "its domains are " + string.Join(", ", domains);
                    throw new CommandFailedException($"HOSTNAME: {domain} is not a domain of App {session.AppName}; {known}");
                }

                IReadOnlyList<string> changed = add ? [.. domains, domain] : [.. domains.Where(existing => existing != domain)];

                // A list is replaced whole by a merge patch, so the resourceVersion makes sure no one else's domain is lost.
                var patch = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["resourceVersion"] = app.Metadata.ResourceVersion },
                    ["spec"] = new JsonObject { ["domains"] = new JsonArray([.. changed.Select(name => (JsonNode)name)]) },
                };
                try
                {
                    await session.StartStepAsync($"{(add ? "Adding" : "Removing")} {domain} {(add ? "to" : "from")} {session.AppName}");
                    await session.Client.MergePatchAsync<App>(session.AppName, session.Namespace, patch, cancellationToken: cancellationToken);
                    await session.FinishStepAsync("done");
                    return ExitCodes.Ok;
                }
                catch (ConflictException) when (attempt < ConflictAttempts)
                {
                    await session.FinishStepAsync("changed meanwhile, again");
                }
            }
        });
        return command;
    }
}
