namespace Paas.Platform.Builds;

/// <summary>Labels of build Jobs and their pods, beside <see cref="Api.PaasLabels.App"/>.</summary>
public static class BuildLabels
{
    /// <summary>The Build a Job runs, as the Job's name (a label value, unlike some Build names).</summary>
    public const string Build = "paas.dev/build";

    /// <summary>The <c>app.kubernetes.io/component</c> value of build Jobs.</summary>
    public const string Component = "build";

    /// <summary>The label the Job controller sets on a Job's pods.</summary>
    public const string JobName = "job-name";
}
