using System.Globalization;
using Kube.Models;

namespace Paas.Platform.Rendering;

/// <summary>
/// Heroku's one-off dyno (<c>heroku run:detached</c>): a command run once from the current Release's image, with its
/// config vars, as a Job named <c>&lt;app&gt;-run-&lt;n&gt;</c> whose pod is a dyno of process type <c>run</c>.
/// </summary>
public static class OneOffDyno
{
    /// <summary>The process type one-off dynos show as in <c>paas ps</c> and select by in <c>paas logs --ps</c>, as Heroku's run.N.</summary>
    public const string ProcessType = "run";

    /// <summary>Heroku stops a one-off dyno after 24 hours.</summary>
    public const int TimeoutSeconds = 24 * 3600;

    /// <summary>Finished one-off Jobs stay a day, so their output can be read afterwards; then Kubernetes removes them.</summary>
    public const int KeepFinishedSeconds = 24 * 3600;

    /// <summary>The Job's name for the <paramref name="number"/>th one-off dyno, e.g. <c>shop-run-4821</c>.</summary>
    public static string Name(string app, int number) => $"{app}-{ProcessType}-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// One attempt, as on Heroku: a failed command is not run again. <paramref name="env"/> comes after the config vars
    /// and wins over them (<c>heroku run -e</c>). The owner, when given in the input, is the App, so the Job goes with it.
    /// </summary>
    public static Job Render(RenderInput input, string name, string command, string sizeName, IReadOnlyDictionary<string, string>? env = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var size = input.Settings.DynoSizes.Find(sizeName)
            ?? throw new ArgumentException($"no dyno size {sizeName}; the sizes are {string.Join(", ", input.Settings.DynoSizes.Names)}", nameof(sizeName));
        var labels = WorkloadLabels.ForRelease(input.AppName, ProcessType, input.Release.Spec.Version);
        var pod = DynoPod.Spec(input, ProcessType, command, size, "Never");
        if (env is { Count: > 0 })
        {
            var container = pod.Containers[0];
            var extra = env.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new EnvVar { Name = pair.Key, Value = pair.Value });
            pod = pod with { Containers = [container with { Env = [.. container.Env ?? [], .. extra] }] };
        }

        return new Job
        {
            Metadata = ObjectMetadata.For(input, name, labels),
            Spec = new JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = TimeoutSeconds,
                TtlSecondsAfterFinished = KeepFinishedSeconds,
                Template = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = labels }, Spec = pod },
            },
        };
    }
}
