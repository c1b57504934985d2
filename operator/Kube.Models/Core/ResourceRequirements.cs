namespace Kube.Models;

/// <summary>Compute resources a container asks for and may not exceed, as quantity strings (core/v1 ResourceRequirements).</summary>
public sealed record ResourceRequirements
{
    public IReadOnlyDictionary<string, string>? Requests { get; init; }

    public IReadOnlyDictionary<string, string>? Limits { get; init; }
}
