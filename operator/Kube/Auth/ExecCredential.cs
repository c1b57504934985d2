using System.Security.Cryptography.X509Certificates;

namespace Kube.Auth;

/// <summary>What an exec credential plugin returned: a token or a client certificate, valid until <see cref="Expiration"/>.</summary>
public sealed record ExecCredential
{
    public string? Token { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    public X509Certificate2Collection ClientCertificateChain { get; init; } = [];

    /// <summary>When the credential stops working; null means it is cached until the server rejects it.</summary>
    public DateTimeOffset? Expiration { get; init; }
}
