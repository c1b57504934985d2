using System.Globalization;
using Kube.Client;
using Kube.Models;
using Paas.Cli.Failures;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Cli.Cluster;

/// <summary>Creates and lists an App's Builds; names follow the docs' <c>&lt;app&gt;-&lt;date&gt;-&lt;n&gt;</c>, e.g. <c>shop-2026-11-22-1</c>.</summary>
public static class Builds
{
    private const int NameAttempts = 5;

    public static async Task<IReadOnlyList<Build>> ListAsync(CliSession session, string app, CancellationToken cancellationToken)
    {
        var builds = await session.Client.ListAllAsync<Build>(session.Namespace, cancellationToken: cancellationToken);
        return [.. builds.Items.Where(build => build.Spec.App == app).OrderByDescending(build => build.Metadata.CreationTimestamp).ThenByDescending(build => build.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>Creates a Build of <paramref name="app"/> from <paramref name="source"/>, owned by the App; the webhook's rules are checked first.</summary>
    public static async Task<Build> CreateAsync(CliSession session, App app, BuildSource source, CancellationToken cancellationToken)
    {
        var appName = app.Metadata.Name!;
        var prefix = $"{appName}-{session.Environment.Clock.GetUtcNow():yyyy-MM-dd}-";
        var taken = (await ListAsync(session, appName, cancellationToken)).Select(build => build.Metadata.Name!).ToHashSet(StringComparer.Ordinal);
        var number = 1;
        for (var attempt = 0; ; attempt++)
        {
            while (taken.Contains(Name(prefix, number)))
            {
                number++;
            }

            var build = new Build
            {
                Metadata = new ObjectMeta
                {
                    Name = Name(prefix, number),
                    Namespace = session.Namespace,
                    Labels = Apps.Labels(appName),
                    OwnerReferences = Apps.OwnedBy(app),
                },
                Spec = new BuildSpec { App = appName, Source = source },
            };
            var validation = new BuildValidator().Validate(build);
            if (!validation.IsValid)
            {
                throw new UsageException(validation.Describe());
            }

            try
            {
                return await session.Client.CreateAsync(build, cancellationToken);
            }
            catch (AlreadyExistsException) when (attempt < NameAttempts)
            {
                // Someone else started a build of this App at the same moment; take the next number.
                taken.Add(build.Metadata.Name!);
            }
        }
    }

    /// <summary>Where to read a Build's log: the command its status names, else one built from its pod.</summary>
    public static string? LogCommand(Build build)
    {
        var message = build.Status?.Message;
        var quoted = message?.IndexOf("kubectl logs", StringComparison.Ordinal) ?? -1;
        if (message is not null && quoted >= 0)
        {
            return message[quoted..].Split('\n')[0].TrimEnd('.', ' ');
        }

        return build.Status?.PodName is { } pod ? $"kubectl logs -n {build.Metadata.Namespace} {pod} --all-containers" : null;
    }

    private static string Name(string prefix, int number) => prefix + number.ToString(CultureInfo.InvariantCulture);
}
