using System.CommandLine;
using System.Globalization;
using Kube.Client;
using Kube.Models;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Cli.Commands;

/// <summary>
/// <c>paas run:detached</c>: Heroku's one-off dyno, e.g. a migration or a rake task, run once from the current Release
/// with its config vars; its output is read with <c>paas logs --ps run</c>.
/// </summary>
public static class RunCommand
{
    private const int Attempts = 5;

    public static Command Create(CommandRunner runner)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "The command and its arguments, e.g. rake db:migrate; put -- before it when it has options of its own.", Arity = ArgumentArity.OneOrMore };
        var size = new Option<string?>("--size", "-s") { Description = "Dyno size, e.g. standard-2x; default: the web process type's size." };
        var env = new Option<string[]>("--env", "-e") { Description = "KEY=VALUE added to the config vars for this dyno only; repeatable, or separated by ;." };
        var command = new Command("run:detached", "Run a one-off dyno from the App's current Release; read its output with `paas logs --ps run`.") { words, size, env };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var line = string.Join(' ', parse.GetValue(words)!);
            var extraEnv = ParseEnv(parse.GetValue(env) ?? []);
            var app = await Apps.GetAsync(session, cancellationToken);
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, session.AppName, cancellationToken);
            var release = history.Current(app)
                ?? throw new CommandFailedException($"App {session.AppName} has no Release serving yet, so there is no image to run; deploy it first with `paas builds:create -a {session.AppName}`, then see `paas releases -a {session.AppName}`");
            var formation = await session.Client.TryGetAsync<Formation>(session.AppName, session.Namespace, cancellationToken);
            var sizeName = parse.GetValue(size) ?? formation?.Spec.Processes?.GetValueOrDefault(ProcessTypes.Web)?.Size ?? PlatformSettings.Default.DefaultDynoSize;
            if (PlatformSettings.Default.DynoSizes.Find(sizeName) is null)
            {
                throw new UsageException($"--size: \"{sizeName}\" is not a dyno size; use one of {string.Join(", ", PlatformSettings.Default.DynoSizes.Names)}");
            }

            await session.StartStepAsync($"Running `{line}` on {session.AppName}");
            var job = await CreateAsync(session, app, release, line, sizeName, extraEnv, cancellationToken);
            await session.FinishStepAsync($"up, {job.Metadata.Name} ({sizeName}, v{release.Spec.Version.ToString(CultureInfo.InvariantCulture)})");
            await session.Out.WriteLineAsync($"Use `paas logs -a {session.AppName} --ps {OneOffDyno.ProcessType} --tail` to view the output, or `kubectl logs -n {session.Namespace} -f job/{job.Metadata.Name}`.");
        });
        return command;
    }

    /// <summary>Creates the Job under a free <c>&lt;app&gt;-run-NNNN</c> name, as Heroku numbers run.NNNN.</summary>
    private static async Task<Job> CreateAsync(
        CliSession session, App app, Release release, string line, string size, IReadOnlyDictionary<string, string> env, CancellationToken cancellationToken)
    {
        var input = new RenderInput(app, release, null, PlatformSettings.Default) { Owner = Apps.OwnedBy(app)?.Single() };
        for (var attempt = 1; ; attempt++)
        {
            var name = OneOffDyno.Name(session.AppName, Random.Shared.Next(1000, 10000));
            try
            {
                return await session.Client.CreateAsync(OneOffDyno.Render(input, name, line, size, env), cancellationToken);
            }
            catch (AlreadyExistsException) when (attempt < Attempts)
            {
                // The number is taken by another one-off dyno of the App: draw again.
            }
        }
    }

    private static Dictionary<string, string> ParseEnv(IEnumerable<string> values)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in values.SelectMany(value => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(ConfigAssignment.Parse))
        {
            env[assignment.Key] = assignment.Value;
        }

        return env;
    }
}
