namespace Kube.Models;

/// <summary>A page of objects returned by a list call.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record KubeList<T>
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ListMeta Metadata { get; init; } = new();

    public IReadOnlyList<T> Items { get; init; } = [];
}
