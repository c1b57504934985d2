using Kube.Models;

namespace Paas.Platform.Builds;

/// <summary>
/// A way to turn a Build into a Job and to read what the Job's builder reported. The Build API names no builder: the
/// shared <see cref="BuildSteps.Source"/> and <see cref="BuildSteps.Plan"/> steps prepare a Dockerfile context, and a
/// strategy supplies the <see cref="BuildSteps.Build"/> container that builds and pushes it (as Shipwright's build
/// strategies do), so another builder (BuildKit, Buildah) is a new implementation, not an API change.
/// </summary>
public interface IBuildStrategy
{
    /// <summary>The name the chart selects the strategy by, e.g. <c>kaniko</c>.</summary>
    string Name { get; }

    /// <summary>The whole Job for <paramref name="input"/>, named <see cref="BuildJob.Name"/>, with the three steps as containers named by <see cref="BuildSteps"/>.</summary>
    Job Render(BuildJobInput input);

    /// <summary>The pushed image by digest, <c>repo@sha256:...</c>, from the builder's termination message; null when it holds no digest.</summary>
    string? ImageFrom(Api.Build build, string? builderMessage);

    /// <summary>Why the builder container failed, <see cref="BuildFailureReasons.CompileFailed"/> or <see cref="BuildFailureReasons.PushFailed"/>, from its message.</summary>
    string ReasonForBuilderFailure(string? builderMessage);
}
