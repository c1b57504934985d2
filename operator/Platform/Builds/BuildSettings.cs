namespace Paas.Platform.Builds;

/// <summary>The chart's choices for build Jobs: where images go, which builder and helper images run, stacks, timeout and resources.</summary>
public sealed record BuildSettings
{
    /// <summary>
    /// The maintained Kaniko fork's executor. Upstream GoogleContainerTools/kaniko was archived in June 2025;
    /// osscontainertools/kaniko continues its releases on ghcr.io with fixes on top (its maintainers' own account:
    /// osscontainertools/kaniko issue #257 and renovatebot/renovate pull request #46240, which maps every archived
    /// executor tag to this image). Chainguard's fork publishes its image only behind a subscription.
    /// </summary>
    public const string DefaultExecutorImage = "ghcr.io/osscontainertools/kaniko:v1.28.4";

    /// <summary>Repository prefix every build pushes under, as <c>&lt;Registry&gt;/&lt;namespace&gt;/&lt;app&gt;:&lt;build&gt;</c>.</summary>
    public string Registry { get; init; } = "registry.example/paas";

    /// <summary>
    /// A <c>kubernetes.io/dockerconfigjson</c> Secret in the build's namespace with push rights to <see cref="Registry"/>;
    /// mounted into the builder container only. Optional: without it the builder pushes anonymously.
    /// </summary>
    public string RegistrySecretName { get; init; } = "paas-registry";

    /// <summary>The builder that turns the prepared context into an image and pushes it.</summary>
    public string ExecutorImage { get; init; } = DefaultExecutorImage;

    /// <summary>Image of the source and plan steps: git, curl, sha256sum, a POSIX shell and the buildpacks at <c>/paas/buildpacks</c>.</summary>
    public string HelperImage { get; init; } = "registry.example/paas/build-helper:0.1.0";

    /// <summary>Build and run images per stack name (<c>App.spec.stack</c>).</summary>
    public IReadOnlyDictionary<string, StackImages> Stacks { get; init; } = new Dictionary<string, StackImages>(StringComparer.Ordinal)
    {
        ["heroku-24"] = new("heroku/heroku:24-build", "heroku/heroku:24"),
    };

    /// <summary>Heroku's build timeout: 15 minutes. The Job's activeDeadlineSeconds.</summary>
    public int TimeoutSeconds { get; init; } = 15 * 60;

    /// <summary>Requests and limits of every build container, and the scratch space the build may use.</summary>
    public BuildResources Resources { get; init; } = new();

    /// <summary>How often an App with spec.source is polled for a new commit at its ref, in seconds (plus up to a tenth as jitter).</summary>
    public int SourcePollSeconds { get; init; } = 60;
}
