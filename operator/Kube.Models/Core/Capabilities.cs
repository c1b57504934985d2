namespace Kube.Models;

/// <summary>Linux capabilities added to or dropped from a container (core/v1 Capabilities).</summary>
public sealed record Capabilities
{
    public IReadOnlyList<string>? Add { get; init; }

    public IReadOnlyList<string>? Drop { get; init; }
}
