using Kube.Client;
using Paas.Cli.Arguments;
using Paas.Cli.Failures;
using Paas.Platform.Api;

namespace Paas.Cli.Cluster;

/// <summary>An App's Releases, newest first, and the questions asked of them.</summary>
public sealed record ReleaseHistory(IReadOnlyList<Release> NewestFirst)
{
    public static async Task<ReleaseHistory> ListAsync(KubeClient client, string @namespace, string app, CancellationToken cancellationToken)
    {
        // The operator labels every Release with its App, and reads its ledger by that label too; a namespace can hold thousands.
        var releases = await client.ListAllAsync<Release>(@namespace, new ListOptions { LabelSelector = $"{PaasLabels.App}={app}" }, cancellationToken: cancellationToken);
        return new ReleaseHistory([.. releases.Items.Where(release => release.Spec.App == app).OrderByDescending(release => release.Spec.Version)]);
    }

    /// <summary>The highest version, 0 when the App has none yet.</summary>
    public int NewestVersion => NewestFirst.Count == 0 ? 0 : NewestFirst[0].Spec.Version;

    /// <summary>The serving Release: the App's status says which; the Release's own <c>status.current</c> otherwise.</summary>
    public Release? Current(App app) =>
        app.Status?.CurrentRelease is { } version
            ? NewestFirst.FirstOrDefault(release => release.Spec.Version == version)
            : NewestFirst.FirstOrDefault(release => release.Status?.Current == true);

    public Release? Find(int version) => NewestFirst.FirstOrDefault(release => release.Spec.Version == version);

    /// <summary>Release <paramref name="version"/>, or a failure for the VERSION argument naming the versions there are.</summary>
    public Release Require(int version, string app) =>
        Find(version) ?? throw new CommandFailedException(
            $"VERSION: {ReleaseVersion.Format(version)} is not a Release of App {app}; " +
            (NewestFirst.Count == 0
                ? "it has no Releases yet"
                : $"it has {string.Join(", ", NewestFirst.Select(release => ReleaseVersion.Format(release.Spec.Version)))} (`paas releases -a {app}`)"));
}
