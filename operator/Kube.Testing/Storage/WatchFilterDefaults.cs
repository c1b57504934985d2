using Kube.Testing.Selectors;

namespace Kube.Testing.Storage;

/// <summary>Common filters.</summary>
internal static class WatchFilterDefaults
{
    public static WatchFilter Everything { get; } = new(null, LabelSelector.Everything, FieldSelector.Everything);
}
