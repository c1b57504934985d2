namespace Paas.Platform.Builds;

/// <summary>The container names of a build pod, one per step, in the order they run.</summary>
public static class BuildSteps
{
    /// <summary>Init container: clones the git ref (its termination message is the commit) or downloads and checks the archive.</summary>
    public const string Source = "source";

    /// <summary>Init container: detects buildpacks (its termination message is the plan JSON) and writes the builder's context.</summary>
    public const string Plan = "plan";

    /// <summary>The builder: compiles the slug, puts it on the run image and pushes (its termination message is the digest).</summary>
    public const string Build = "build";
}
