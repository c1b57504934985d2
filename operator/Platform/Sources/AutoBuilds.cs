using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Sources;

/// <summary>
/// The Builds the operator creates for an App's new commits: one deterministic name per (App, commit), so a restart or
/// a repeated reconcile finds the Build it created instead of creating a second one.
/// </summary>
public static class AutoBuilds
{
    /// <summary>On a Build the operator created because spec.source moved; the value is the ref it followed, e.g. <c>refs/heads/main</c>.</summary>
    public const string FollowedRefAnnotation = "paas.dev/auto-build-ref";

    private const int MaxNameLength = 63;

    /// <summary>
    /// <c>&lt;app&gt;-&lt;first 7 of the commit&gt;</c>; the <paramref name="attempt"/>-th Build of the same commit (the
    /// ref moved away and back) adds <c>-&lt;attempt&gt;</c>. The App's part is cut so the whole fits 63 characters.
    /// </summary>
    public static string Name(string app, string commit, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(commit);
        var suffix = "-" + GitRefs.Short(commit).ToLowerInvariant() + (attempt > 1 ? "-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        var head = app.Length + suffix.Length > MaxNameLength ? app[..(MaxNameLength - suffix.Length)].TrimEnd('-', '.') : app;
        return head + suffix;
    }

    /// <summary>True for a Build the operator created from spec.source.</summary>
    public static bool IsAutomatic(Build build) =>
        build?.Metadata.Annotations?.ContainsKey(FollowedRefAnnotation) == true;

    /// <summary>The Build of <paramref name="app"/> at <paramref name="commit"/>: its git source with the commit as the ref, owned by and labelled with the App.</summary>
    public static Build Render(App app, GitSource source, string commit, string followedRef, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(source);
        var appName = app.Metadata.Name!;
        return new Build
        {
            Metadata = new ObjectMeta
            {
                Name = Name(appName, commit, attempt),
                Namespace = app.Metadata.Namespace,
                Labels = new Dictionary<string, string> { [PaasLabels.App] = appName },
                Annotations = new Dictionary<string, string> { [FollowedRefAnnotation] = followedRef },
                OwnerReferences = app.Metadata.Uid is { } uid
                    ? [new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "App", Name = appName, Uid = uid, BlockOwnerDeletion = true }]
                    : null,
            },
            Spec = new BuildSpec
            {
                App = appName,
                Source = new BuildSource { Git = new GitSource { Url = source.Url, Ref = commit, Path = source.Path } },
            },
        };
    }

    /// <summary>True when <paramref name="build"/> builds <paramref name="commit"/> of the same repository and folder as <paramref name="source"/>.</summary>
    public static bool Builds(Build build, GitSource source, string commit)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(source);
        return build.Spec.Source.Git is { } git
            && string.Equals(git.Ref, commit, StringComparison.OrdinalIgnoreCase)
            && git.Url == source.Url
            && (git.Path ?? "") == (source.Path ?? "");
    }
}
