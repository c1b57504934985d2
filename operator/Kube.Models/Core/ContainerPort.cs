using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>A port a container listens on (core/v1 ContainerPort).</summary>
public sealed record ContainerPort
{
    public string? Name { get; init; }

    // C# forbids a member named like its type; the JSON name stays containerPort.
    [JsonPropertyName("containerPort")]
    public required int Port { get; init; }

    /// <summary><c>TCP</c>, <c>UDP</c> or <c>SCTP</c>.</summary>
    public string? Protocol { get; init; }
}
