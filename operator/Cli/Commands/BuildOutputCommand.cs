using System.CommandLine;
using Paas.Cli.Failures;
using Paas.Cli.Logs;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Cli.Commands;

/// <summary><c>paas builds:output NAME</c>: a Build's log, step by step (source, plan, build), as Heroku's <c>builds:output</c>.</summary>
public static class BuildOutputCommand
{
    private static readonly string[] Steps = [BuildSteps.Source, BuildSteps.Plan, BuildSteps.Build];

    public static Command Create(CommandRunner runner)
    {
        var name = new Argument<string>("NAME") { Description = "The Build's name, as `paas builds` lists it." };
        var command = new Command("builds:output", "Print a Build's log: each step's output in order.") { name };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var buildName = parse.GetValue(name)!;
            var build = await session.Client.TryGetAsync<Build>(buildName, session.Namespace, cancellationToken)
                ?? throw new CommandFailedException($"NAME: Build {buildName} not found in namespace {session.Namespace}; list an App's Builds with `paas builds -a APP -n {session.Namespace}`");
            if (build.Spec.Source.Image is { } image)
            {
                await session.Out.WriteLineAsync($"Build {buildName} deploys the prebuilt image {image}; nothing is built, so there is no log. {build.Status?.Message}".TrimEnd());
                return;
            }

            if (build.Status?.PodName is not { } pod)
            {
                throw new CommandFailedException(
                    $"Build {buildName} has no pod yet (phase {build.Status?.Phase ?? BuildPhases.Pending}); its log appears once it runs: `paas builds:info {buildName}`");
            }

            var endpoint = new PodLogEndpoint(session);
            foreach (var step in Steps)
            {
                await session.Out.WriteLineAsync($"-----> {step}");
                try
                {
                    using var response = await endpoint.OpenAsync(pod, new PodLogQuery(Container: step), $"log of step {step} (pod {pod})", cancellationToken);
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    await session.Out.WriteAsync(text.Length == 0 || text.EndsWith('\n') ? text : text + "\n");
                }
                catch (CommandFailedException e)
                {
                    // A step that never started (an earlier one failed) has no log; say why and go on.
                    await session.Out.WriteLineAsync($"       (no log: {e.Message})");
                }
            }
        });
        return command;
    }
}
