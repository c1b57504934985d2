using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Output;
using Paas.Platform.Api;

namespace Paas.Cli.Commands;

/// <summary><c>ps</c> and <c>ps:scale</c>: an App's process types, its dynos, and the Formation that sizes them.</summary>
public static class PsCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) => [List(runner), Scale(runner)];

    private static Command List(CommandRunner runner)
    {
        var command = new Command("ps", "Show an App's process types (desired and ready dynos, size, command) and its dynos.");
        runner.Bind(command, async (_, session, cancellationToken) =>
        {
            var app = await Apps.GetAsync(session, cancellationToken);
            var formation = await session.Client.TryGetAsync<Formation>(session.AppName, session.Namespace, cancellationToken);
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            var commands = history.Current(app)?.Spec.ProcessTypes ?? new Dictionary<string, string>();
            var observed = app.Status?.Processes ?? new Dictionary<string, ProcessStatus>();
            var planned = formation?.Spec.Processes ?? new Dictionary<string, ProcessFormation>();
            var types = commands.Keys.Concat(observed.Keys).Concat(planned.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (types.Count == 0)
            {
                await session.Out.WriteLineAsync($"App {session.AppName} has no process types yet; deploy it with `paas builds:create -a {session.AppName} --git URL`.");
                return;
            }

            await session.Out.WriteLineAsync($"=== {session.AppName} Processes");
            var table = new TextTable("TYPE", "SIZE", "DESIRED", "READY", "COMMAND");
            foreach (var type in types)
            {
                var plan = planned.GetValueOrDefault(type);
                var status = observed.GetValueOrDefault(type);
                table.Add(type, plan?.Size ?? "default", Count(status?.Desired ?? plan?.Quantity ?? DefaultQuantity(type)), Count(status?.Ready ?? 0), commands.GetValueOrDefault(type) ?? "-");
            }

            await table.WriteAsync(session.Out);
            var pods = await session.Client.ListAllAsync<Pod>(session.Namespace, new ListOptions { LabelSelector = $"{PaasLabels.App}={session.AppName}" }, cancellationToken: cancellationToken);
            var dynos = pods.Items.Where(pod => pod.Metadata.Labels?.ContainsKey(PaasLabels.ProcessType) == true).ToList();
            if (dynos.Count == 0)
            {
                return;
            }

            await session.Out.WriteLineAsync();
            await session.Out.WriteLineAsync("=== Dynos");
            var now = session.Environment.Clock.GetUtcNow();
            var dynoTable = new TextTable("DYNO", "RELEASE", "STATE", "AGE");
            foreach (var pod in dynos.OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal))
            {
                dynoTable.Add(pod.Metadata.Name, pod.Metadata.Labels?.GetValueOrDefault(PaasLabels.Release) ?? "-", pod.Status?.Phase ?? "Pending", Ages.Since(pod.Status?.StartTime ?? pod.Metadata.CreationTimestamp, now));
            }

            await dynoTable.WriteAsync(session.Out);
        });
        return command;
    }

    private static Command Scale(CommandRunner runner)
    {
        var requests = new Argument<string[]>("TYPE=QUANTITY[:SIZE]") { Description = "e.g. web=2 worker=1:standard-2x.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ps:scale", "Set how many dynos of each process type run, and optionally their size.") { requests };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var changes = parse.GetValue(requests)!.Select(ScaleRequest.Parse).GroupBy(change => change.ProcessType, StringComparer.Ordinal).Select(group => group.Last()).ToList();
            var app = await Apps.GetAsync(session, cancellationToken);
            await session.StartStepAsync("Scaling dynos");
            var formation = await session.Client.TryGetAsync<Formation>(session.AppName, session.Namespace, cancellationToken);
            formation = formation is null
                ? await CreateFormationAsync(session, app, changes, cancellationToken)
                : await session.Client.MergePatchAsync<Formation>(session.AppName, session.Namespace, Patch(changes), cancellationToken: cancellationToken);
            var processes = formation.Spec.Processes ?? new Dictionary<string, ProcessFormation>();
            var running = processes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} at {Count(pair.Value.Quantity ?? DefaultQuantity(pair.Key))}{(pair.Value.Size is { } size ? ":" + size : string.Empty)}");
            await session.FinishStepAsync($"done, now running {string.Join(", ", running)}");
            foreach (var change in changes)
            {
                if (processes.GetValueOrDefault(change.ProcessType)?.Autoscale is { } autoscale)
                {
                    await session.Environment.Error.WriteLineAsync(
                        $"{change.ProcessType} autoscales between {autoscale.Min} and {autoscale.Max} dynos, so its quantity is ignored; remove spec.processes.{change.ProcessType}.autoscale from Formation {session.AppName} to scale it by hand.");
                }
            }
        });
        return command;
    }

    private static async Task<Formation> CreateFormationAsync(CliSession session, App app, IReadOnlyList<ScaleRequest> changes, CancellationToken cancellationToken)
    {
        var formation = new Formation
        {
            Metadata = new ObjectMeta { Name = session.AppName, Namespace = session.Namespace, Labels = Apps.Labels(session.AppName), OwnerReferences = Apps.OwnedBy(app) },
            Spec = new FormationSpec
            {
                App = session.AppName,
                Processes = changes.ToDictionary(change => change.ProcessType, change => new ProcessFormation { Quantity = change.Quantity, Size = change.Size }, StringComparer.Ordinal),
            },
        };
        try
        {
            return await session.Client.CreateAsync(formation, cancellationToken);
        }
        catch (AlreadyExistsException)
        {
            // Created by someone else since we looked: scale that one.
            return await session.Client.MergePatchAsync<Formation>(session.AppName, session.Namespace, Patch(changes), cancellationToken: cancellationToken);
        }
    }

    private static JsonObject Patch(IEnumerable<ScaleRequest> changes)
    {
        var processes = new JsonObject();
        foreach (var change in changes)
        {
            var process = new JsonObject { ["quantity"] = change.Quantity };
            if (change.Size is { } size)
            {
                process["size"] = size;
            }

            processes[change.ProcessType] = process;
        }

        return new JsonObject { ["spec"] = new JsonObject { ["processes"] = processes } };
    }

    /// <summary>What the operator runs for a type the Formation leaves out: one web dyno, none of anything else.</summary>
    private static int DefaultQuantity(string type) => type == "web" ? 1 : 0;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
