using System.CommandLine;
using System.Globalization;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Output;
using Paas.Platform.Api;

namespace Paas.Cli.Commands;

/// <summary><c>paas apps:info</c>: one App's URL, release, source, dynos and conditions with their messages.</summary>
public static class AppInfo
{
    public static Command Create(CommandRunner runner)
    {
        var json = JsonOutput.Option();
        var command = new Command("apps:info", "Show an App: URL, current release, source, dynos desired and ready, and its conditions.") { json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, app);
                return;
            }

            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            var current = history.Current(app);
            var status = app.Status;

            await session.Out.WriteLineAsync($"=== {app.Metadata.Name}");
            var facts = new TextTable("", "")
                .Add("Namespace:", session.Namespace)
                .Add("URL:", status?.Url ?? "- (not served yet)")
                .Add("Release:", current is null ? ReleaseVersion.Format(status?.CurrentRelease) : $"{ReleaseVersion.Format(current.Spec.Version)} ({current.Spec.Description})")
                .Add("Releases:", history.NewestFirst.Count.ToString(CultureInfo.InvariantCulture));
            if (app.Spec.Source?.Git is { } git)
            {
                facts.Add("Source:", GitReference.Describe(git) + (status?.SourceCommit is { } commit ? $" (at {Short(commit)})" : string.Empty));
            }

            facts.Add("Latest build:", status?.LatestBuild ?? "-")
                .Add("Dynos:", Dynos(status))
                .Add("Config vars:", (app.Spec.Config?.Count ?? 0).ToString(CultureInfo.InvariantCulture))
                .Add("Maintenance:", app.Spec.Maintenance == true ? "on" : "off");
            if (app.Spec.Domains is { Count: > 0 } domains)
            {
                facts.Add("Domains:", string.Join(", ", domains));
            }

            await facts.WriteAsync(session.Out);
            await session.Out.WriteLineAsync();
            await session.Out.WriteLineAsync("=== Conditions");
            var conditions = status?.Conditions ?? [];
            if (conditions.Count == 0)
            {
                await session.Out.WriteLineAsync("None yet: the operator has not reported on this App (is paas-operator running?).");
                return;
            }

            var table = new TextTable("TYPE", "STATUS", "REASON", "MESSAGE");
            foreach (var condition in conditions)
            {
                table.Add(condition.Type, condition.Status, condition.Reason ?? "-", condition.Message ?? string.Empty);
            }

            await table.WriteAsync(session.Out);
        });
        return command;
    }

    internal static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;

    private static string Dynos(AppStatus? status) =>
        status?.Processes is { Count: > 0 } processes
            ? string.Join(", ", processes.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value.Ready ?? 0}/{pair.Value.Desired ?? 0} ready")))
            : "none running";
}
