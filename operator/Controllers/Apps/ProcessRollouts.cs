using Kube.Models;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Apps;

/// <summary>Reads the rollout of every process type of a Release from the live Deployments, the way <c>kubectl rollout status</c> judges one.</summary>
public static class ProcessRollouts
{
    /// <summary>The process types that run as Deployments: all of the Release's but <c>release</c>, in order of Kubernetes name.</summary>
    public static IReadOnlyList<string> ProcessTypesOf(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return [.. (release.Spec.ProcessTypes?.Keys ?? [])
            .Where(type => type != ProcessTypes.Release)
            .OrderBy(ProcessTypeNames.ToKubernetesName, StringComparer.Ordinal)
            .ThenBy(type => type, StringComparer.Ordinal)];
    }

    /// <summary>One entry per process type of <paramref name="release"/>.</summary>
    /// <param name="app">The App's name.</param>
    /// <param name="release">The current Release.</param>
    /// <param name="formation">The App's Formation, null for the defaults.</param>
    /// <param name="settings">Dyno sizes and defaults.</param>
    /// <param name="live">The cached Deployment of a name, or null.</param>
    /// <param name="freshTemplates">Deployments just sent a new template, whose cached state predates the request.</param>
    /// <exception cref="InvalidOperationException">The Formation names a dyno size the platform does not offer.</exception>
    public static IReadOnlyList<ProcessRollout> Of(
        string app, Release release, Formation? formation, PlatformSettings settings, Func<string, Deployment?> live, IReadOnlySet<string>? freshTemplates = null)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(release);
        var releaseLabel = WorkloadLabels.ReleaseValue(release.Spec.Version);
        return [.. ProcessTypesOf(release).Select(type =>
        {
            var scale = ProcessScale.Of(type, formation, settings);
            var name = ProcessTypeNames.ObjectName(app, type);
            var deployment = live(name);
            var desired = scale.Replicas ?? deployment?.Spec?.Replicas ?? scale.Autoscale?.Min ?? 1;
            var current = deployment is not null
                && freshTemplates?.Contains(name) != true
                && deployment.Metadata.Labels?.GetValueOrDefault(PaasLabels.Release) == releaseLabel;
            if (desired == 0)
            {
                return ScaledToZero(type, deployment);
            }

            return current ? Judge(type, deployment!, desired) : new ProcessRollout(type, desired, 0, false);
        })];
    }

    /// <summary>
    /// No dynos desired: rolled out once the Deployment reports that it has seen that and runs no dynos, or when
    /// nothing reports on it at all (the embedded server has no deployment controller, so its status never comes) or
    /// it does not exist.
    /// </summary>
    private static ProcessRollout ScaledToZero(string type, Deployment? deployment)
    {
        if (deployment?.Status is not { ObservedGeneration: { } seen } status)
        {
            return new ProcessRollout(type, 0, 0, true);
        }

        var observed = seen >= (deployment.Metadata.Generation ?? 0);
        var ready = Math.Min(status.ReadyReplicas ?? 0, status.UpdatedReplicas ?? 0);
        return new ProcessRollout(type, 0, ready, observed && (status.Replicas ?? 0) == 0);
    }

    private static ProcessRollout Judge(string type, Deployment deployment, int desired)
    {
        var status = deployment.Status;
        var updated = status?.UpdatedReplicas ?? 0;
        var ready = status?.ReadyReplicas ?? 0;
        var observed = status?.ObservedGeneration is { } seen && seen >= (deployment.Metadata.Generation ?? 0);
        var rolledOut = observed && updated == (status?.Replicas ?? 0) && updated >= desired && ready >= desired;
        return new ProcessRollout(type, desired, Math.Min(ready, updated), rolledOut);
    }
}
