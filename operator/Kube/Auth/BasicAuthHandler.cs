using System.Net.Http.Headers;
using System.Text;

namespace Kube.Auth;

/// <summary>Adds <c>Authorization: Basic</c> from a kubeconfig's username and password.</summary>
public sealed class BasicAuthHandler(BasicCredentials credentials) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
