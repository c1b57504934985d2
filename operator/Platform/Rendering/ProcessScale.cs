using Paas.Platform.Api;
using Paas.Platform.Dynos;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>How many dynos of one process type run and how big they are, with the Formation's gaps filled as Heroku does.</summary>
/// <param name="Replicas">The fixed quantity; null when <see cref="Autoscale"/> owns it.</param>
/// <param name="Size">The dyno size the containers get.</param>
/// <param name="Autoscale">Bounds and target when the process type autoscales.</param>
public sealed record ProcessScale(int? Replicas, DynoSize Size, Autoscale? Autoscale)
{
    /// <summary>Whether more than one dyno can run, which is when a disruption budget protects anything.</summary>
    public bool MayRunSeveral => Autoscale is { } bounds ? bounds.Max > 1 : Replicas > 1;

    /// <summary>
    /// The scale of <paramref name="processType"/>: the Formation's entry (by Procfile name, else by Kubernetes name),
    /// and where it says nothing, 1 web dyno and 0 of other types at the platform's default size.
    /// </summary>
    public static ProcessScale Of(string processType, Formation? formation, PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entry = Find(processType, formation);
        var sizeName = entry?.Size ?? settings.DefaultDynoSize;
        var size = settings.DynoSizes.Find(sizeName) ?? throw new InvalidOperationException(
            $"formation spec.processes.{processType}.size: \"{sizeName}\" is not a dyno size of this platform; " +
            $"use one of {string.Join(", ", settings.DynoSizes.Names)}, or add it to the chart's dyno sizes");
        if (entry?.Autoscale is { } autoscale)
        {
            return new ProcessScale(null, size, autoscale);
        }

        var replicas = entry?.Quantity ?? (processType == ProcessTypes.Web ? 1 : 0);
        return new ProcessScale(replicas, size, null);
    }

    private static ProcessFormation? Find(string processType, Formation? formation)
    {
        if (formation?.Spec.Processes is not { } processes)
        {
            return null;
        }

        if (processes.TryGetValue(processType, out var exact))
        {
            return exact;
        }

        var kubernetesName = ProcessTypeNames.ToKubernetesName(processType);
        return processes
            .Where(p => ProcessTypeNames.ToKubernetesName(p.Key) == kubernetesName)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
