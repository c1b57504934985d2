namespace Kube.Models;

/// <summary>One key of a Secret or ConfigMap projected to a relative file path (core/v1 KeyToPath).</summary>
public sealed record KeyToPath
{
    public required string Key { get; init; }

    public required string Path { get; init; }
}
