using System.Globalization;
using Kube.Models;

namespace Paas.Platform.Rendering;

/// <summary>The Job <c>&lt;app&gt;-release-v&lt;N&gt;</c> that runs a Release's <c>release</c> command before it goes live.</summary>
public static class ReleasePhaseJob
{
    /// <summary>Heroku's release phase timeout: one hour.</summary>
    public const int TimeoutSeconds = 3600;

    /// <summary>Finished Jobs stay a week, so the release log can be read after a failure.</summary>
    public const int KeepFinishedSeconds = 7 * 24 * 3600;

    public static string Name(string app, int version) => $"{app}-release-v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Null when the Release has no <c>release</c> process type. One attempt, as on Heroku: a failed release phase
    /// fails the Release rather than being retried. Sized by the Formation's <c>release</c> entry, else like web.
    /// The owner, when given in the input, is usually the Release.
    /// </summary>
    public static Job? Render(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Release.Spec.ProcessTypes is not { } processTypes
            || !processTypes.TryGetValue(ProcessTypes.Release, out var command))
        {
            return null;
        }

        var app = input.AppName;
        var version = input.Release.Spec.Version;
        var sizing = input.Formation?.Spec.Processes?.ContainsKey(ProcessTypes.Release) == true ? ProcessTypes.Release : ProcessTypes.Web;
        var size = ProcessScale.Of(sizing, input.Formation, input.Settings).Size;
        var labels = WorkloadLabels.ForRelease(app, ProcessTypes.Release, version);
        return new Job
        {
            Metadata = ObjectMetadata.For(input, Name(app, version), labels),
            Spec = new JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = TimeoutSeconds,
                TtlSecondsAfterFinished = KeepFinishedSeconds,
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = labels },
                    Spec = DynoPod.Spec(input, ProcessTypes.Release, command, size, "Never"),
                },
            },
        };
    }
}
