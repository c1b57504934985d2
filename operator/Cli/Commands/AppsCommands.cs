using System.CommandLine;
using Kube.Client;
using Kube.Models;
using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;
using Paas.Cli.Output;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Cli.Commands;

/// <summary><c>apps</c>, <c>apps:create</c>, <c>apps:info</c> and <c>apps:destroy</c>.</summary>
public static class AppsCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) => [List(runner), CreateApp(runner), AppInfo.Create(runner), Destroy(runner)];

    private static Command List(CommandRunner runner)
    {
        var json = JsonOutput.Option();
        var command = new Command("apps", "List the Apps in the namespace: name, current release, URL and whether they are Ready.") { json };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var apps = await session.Client.ListAllAsync<App>(session.Namespace, cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session, apps.Items.OrderBy(app => app.Metadata.Name, StringComparer.Ordinal));
                return;
            }

            if (apps.Items.Count == 0)
            {
                await session.Out.WriteLineAsync($"No Apps in namespace {session.Namespace}; create one with `paas apps:create NAME -n {session.Namespace}`.");
                return;
            }

            await session.Out.WriteLineAsync($"=== Apps in {session.Namespace}");
            var table = new TextTable("NAME", "RELEASE", "URL", "READY");
            foreach (var app in apps.Items.OrderBy(app => app.Metadata.Name, StringComparer.Ordinal))
            {
                table.Add(app.Metadata.Name, ReleaseVersion.Format(app.Status?.CurrentRelease), app.Status?.Url ?? "-", ConditionStatus(app, ConditionTypes.Ready));
            }

            await table.WriteAsync(session.Out);
        });
        return command;
    }

    private static Command CreateApp(CommandRunner runner)
    {
        var name = new Argument<string>("NAME") { Description = "The App's name: 3 to 30 lowercase letters, digits and dashes." };
        var image = new Option<string?>("--image") { Description = "Deploy this prebuilt image (needs --procfile)." };
        var git = new Option<string?>("--git") { Description = "Follow this repository, URL[#ref]: each new commit at ref is built and released (auto-deploy)." };
        var procfile = new Option<string?>("--procfile") { Description = "A local Procfile whose text becomes the App's spec.procfile." };
        var command = new Command("apps:create", "Create an App, optionally deploying an image or following a git repository.") { name, image, git, procfile };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var appName = parse.GetValue(name)!;
            if (AppNames.Check("NAME", appName) is { } invalid)
            {
                throw new UsageException(invalid.Message);
            }

            var imageReference = parse.GetValue(image);
            var gitArgument = parse.GetValue(git);
            if (imageReference is not null && gitArgument is not null)
            {
                throw new UsageException("--image and --git: give one source, not both; --image deploys a built image, --git builds each commit of a repository");
            }

            var procfilePath = parse.GetValue(procfile);
            if (imageReference is not null && procfilePath is null)
            {
                throw new UsageException($"--image {imageReference}: a prebuilt image brings no Procfile the platform can read; add --procfile PATH, a file of `web: command` lines");
            }

            var app = new App
            {
                Metadata = new ObjectMeta { Name = appName, Namespace = session.Namespace },
                Spec = new AppSpec
                {
                    Source = gitArgument is null ? null : new AppSource { Git = GitReference.Parse("--git", gitArgument) },
                    Procfile = procfilePath is null ? null : await ReadProcfileAsync(procfilePath, cancellationToken),
                },
            };
            var validation = new AppValidator().Validate(app);
            if (!validation.IsValid)
            {
                throw new UsageException(validation.Describe());
            }

            await session.StartStepAsync($"Creating {appName} in namespace {session.Namespace}");
            try
            {
                app = await session.Client.CreateAsync(app, cancellationToken);
            }
            catch (AlreadyExistsException e)
            {
                throw new CommandFailedException($"NAME: App {appName} already exists in namespace {session.Namespace}; choose another name, or use it with -a {appName}", e);
            }

            await session.FinishStepAsync("done");
            if (app.Spec.Source?.Git is { } followed)
            {
                await session.Out.WriteLineAsync($"Auto-deploy: each new commit of {GitReference.Describe(followed)} is built and released; watch with `paas builds -a {appName}`.");
            }

            if (imageReference is not null)
            {
                var build = await Builds.CreateAsync(session, app, new BuildSource { Image = imageReference }, cancellationToken);
                await session.Out.WriteLineAsync($"Deploying {imageReference} as Build {build.Metadata.Name}; follow it with `paas builds:info {build.Metadata.Name} -a {appName}`.");
            }
        });
        return command;
    }

    private static Command Destroy(CommandRunner runner)
    {
        var confirm = new Option<string?>("--confirm") { Description = "The App's name again, to confirm." };
        var command = new Command("apps:destroy", "Delete an App with its Releases, Builds, Formation and dynos.") { confirm };
        runner.Bind(command, async (parse, session, cancellationToken) =>
        {
            var appName = session.AppName;
            if (parse.GetValue(confirm) != appName)
            {
                var given = parse.GetValue(confirm) is { } value ? $"\"{value}\" does not match" : "is missing";
                throw new UsageException($"--confirm {given}: this deletes App {appName} in namespace {session.Namespace} and everything it runs; repeat with --confirm {appName}");
            }

            var app = await Apps.GetAsync(session, cancellationToken);
            await session.StartStepAsync($"Destroying {appName} in namespace {session.Namespace} (Releases, Builds, Formation and dynos)");
            var background = new DeleteOptions { PropagationPolicy = PropagationPolicy.Background, IgnoreNotFound = true };
            await session.Client.DeleteAsync<App>(appName, session.Namespace, background with { PreconditionUid = app.Metadata.Uid }, cancellationToken);

            // What users or older tools made without an owner reference would outlive the App; delete it by name.
            await session.Client.DeleteAsync<Formation>(appName, session.Namespace, background, cancellationToken);
            foreach (var build in await Builds.ListAsync(session, appName, cancellationToken))
            {
                await session.Client.DeleteAsync<Build>(build.Metadata.Name!, session.Namespace, background, cancellationToken);
            }

            foreach (var release in (await ReleaseHistory.ListAsync(session.Client, session.Namespace, appName, cancellationToken)).NewestFirst)
            {
                await session.Client.DeleteAsync<Release>(release.Metadata.Name!, session.Namespace, background, cancellationToken);
            }

            await session.FinishStepAsync("done");
        });
        return command;
    }

    internal static string ConditionStatus(App app, string type) =>
        app.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type)?.Status ?? "Unknown";

    private static async Task<string> ReadProcfileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--procfile {path}: cannot be read ({e.Message}); give the path of a Procfile");
        }
    }
}
