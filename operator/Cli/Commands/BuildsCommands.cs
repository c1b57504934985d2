using System.CommandLine;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Output;
using Paas.Platform.Api;

namespace Paas.Cli.Commands;

/// <summary><c>builds</c>, <c>builds:create</c> and <c>builds:info</c>: source turned into images.</summary>
public static class BuildsCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) => [List(runner), CreateBuild(runner), Info(runner), BuildOutputCommand.Create(runner)];

    private static Command List(CommandRunner runner)
    {
        var json = JsonOutput.Option();
        var command = new Command("builds", "List an App's Builds, newest first: name, phase, commit, image, age.") { json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            await Apps.GetAsync(session, cancellationToken);
            var builds = await Builds.ListAsync(session, session.AppName, cancellationToken);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, builds);
                return;
            }

            if (builds.Count == 0)
            {
                await session.Out.WriteLineAsync($"App {session.AppName} has no Builds; start one with `paas builds:create -a {session.AppName} --git URL[#ref]`.");
                return;
            }

            await session.Out.WriteLineAsync($"=== {session.AppName} Builds");
            var now = session.Environment.Clock.GetUtcNow();
            var table = new TextTable("NAME", "PHASE", "COMMIT", "IMAGE", "AGE");
            foreach (var build in builds)
            {
                table.Add(build.Metadata.Name, build.Status?.Phase ?? BuildPhases.Pending, build.Status?.Commit is { } commit ? AppInfo.Short(commit) : "-",
                    build.Status?.Image ?? build.Spec.Source.Image ?? "-", Ages.Since(build.Metadata.CreationTimestamp, now));
            }

            await table.WriteAsync(session.Out);
        });
        return command;
    }

    private static Command CreateBuild(CommandRunner runner)
    {
        var git = new Option<string?>("--git") { Description = "Build this repository, URL[#ref] (default branch without #ref)." };
        var image = new Option<string?>("--image") { Description = "Deploy this prebuilt image, no build." };
        var path = new Option<string?>("--path") { Description = "With --git: the app's folder inside the repository." };
        var command = new Command("builds:create", "Start a Build of an App from a git repository or a prebuilt image; a Build that succeeds is released.") { git, image, path };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var source = Source(parse.GetValue(git), parse.GetValue(image), parse.GetValue(path));
            var appName = session.AppName;
            var app = await Apps.GetAsync(session, cancellationToken);
            await session.StartStepAsync($"Starting a build of {appName} from {(source.Git is { } repository ? GitReference.Describe(repository) : source.Image)}");
            var build = await Builds.CreateAsync(session, app, source, cancellationToken);
            await session.FinishStepAsync($"done, {build.Metadata.Name}");
            await session.Out.WriteLineAsync($"Follow it with `paas builds:info {build.Metadata.Name} -a {appName}`; once it succeeds it becomes the next Release.");
        });
        return command;
    }

    private static Command Info(CommandRunner runner)
    {
        var name = new Argument<string>("NAME") { Description = "The Build's name, as `paas builds` lists it." };
        var json = JsonOutput.Option();
        var command = new Command("builds:info", "Show one Build: source, phase, commit, image, process types, and on failure why and where its log is.") { name, json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var buildName = parse.GetValue(name)!;
            var build = await session.Client.TryGetAsync<Build>(buildName, session.Namespace, cancellationToken)
                ?? throw new CommandFailedException($"NAME: Build {buildName} not found in namespace {session.Namespace}; list an App's Builds with `paas builds -a APP -n {session.Namespace}`");
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, build);
                return;
            }

            var status = build.Status;
            await session.Out.WriteLineAsync($"=== {buildName}");
            var facts = new TextTable("", "")
                .Add("App:", build.Spec.App)
                .Add("Source:", build.Spec.Source.Git is { } repository ? GitReference.Describe(repository) + (repository.Path is { } folder ? $" (path {folder})" : string.Empty) : build.Spec.Source.Image ?? "archive " + build.Spec.Source.Archive?.Url)
                .Add("Phase:", status?.Phase ?? BuildPhases.Pending)
                .Add("Commit:", status?.Commit ?? "-")
                .Add("Image:", status?.Image ?? "-")
                .Add("Buildpacks:", status?.Buildpacks is { Count: > 0 } packs ? string.Join(", ", packs) : "-")
                .Add("Process types:", status?.ProcessTypes is { Count: > 0 } types ? string.Join(", ", types.Keys.Order(StringComparer.Ordinal)) : "-")
                .Add("Release:", ReleaseVersion.Format(status?.Release))
                .Add("Started:", status?.StartedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                .Add("Completed:", status?.CompletedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            if (status?.Phase == BuildPhases.Failed)
            {
                facts.Add("Reason:", status.Reason ?? "-");
            }

            await facts.WriteAsync(session.Out);
            if (status?.Message is { Length: > 0 } message)
            {
                await session.Out.WriteLineAsync();
                await session.Out.WriteLineAsync(message.TrimEnd());
            }

            if (status?.Phase is BuildPhases.Failed or BuildPhases.Running && Builds.LogCommand(build) is { } log)
            {
                await session.Out.WriteLineAsync();
                await session.Out.WriteLineAsync($"Log: paas builds:output {buildName} -n {session.Namespace}, or {log}");
            }
        });
        return command;
    }

    private static BuildSource Source(string? git, string? image, string? path)
    {
        if ((git is null) == (image is null))
        {
            throw new UsageException("--git or --image: give exactly one source, e.g. --git https://github.com/team/shop.git#main or --image registry.example.com/team/shop:1.4");
        }

        if (image is not null)
        {
            return path is null
                ? new BuildSource { Image = image }
                : throw new UsageException("--path: only a --git build has a folder to build; leave --path out with --image");
        }

        return new BuildSource { Git = GitReference.Parse("--git", git!) with { Path = path } };
    }
}
