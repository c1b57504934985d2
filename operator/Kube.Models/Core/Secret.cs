namespace Kube.Models;

/// <summary>Named confidential data such as config vars or a TLS certificate (core/v1 Secret).</summary>
public sealed record Secret : IKubernetesObject<Secret>
{
    public static ResourceType Resource { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Secret";

    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>E.g. <c>Opaque</c> or <c>kubernetes.io/tls</c>; fixed once created.</summary>
    public string? Type { get; init; }

    /// <summary>When true, data cannot change and the object can only be deleted.</summary>
    public bool? Immutable { get; init; }

    /// <summary>Values by key; JSON carries them as base64.</summary>
    public IReadOnlyDictionary<string, byte[]>? Data { get; init; }

    /// <summary>Write-only plain-text values the API server merges into <see cref="Data"/>.</summary>
    public IReadOnlyDictionary<string, string>? StringData { get; init; }
}
