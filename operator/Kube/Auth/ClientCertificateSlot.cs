using System.Security.Cryptography.X509Certificates;

namespace Kube.Auth;

/// <summary>The client certificate that new TLS connections present; an exec plugin may replace it when it refreshes.</summary>
public sealed class ClientCertificateSlot
{
    private volatile X509Certificate2? _current;

    public X509Certificate2? Current
    {
        get => _current;
        set => _current = value;
    }
}
