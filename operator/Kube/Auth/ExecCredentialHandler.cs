using System.Net;
using System.Net.Http.Headers;

namespace Kube.Auth;

/// <summary>
/// Authenticates with what an exec plugin returns: a bearer token on the request, or a client certificate for new
/// connections. After a 401 the plugin runs again, once, and the request is retried.
/// </summary>
public sealed class ExecCredentialHandler(ExecCredentialProvider provider, ClientCertificateSlot certificateSlot) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await provider.GetCredentialAsync(rejected: null, cancellationToken);
        Apply(request, credential);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var fresh = await provider.GetCredentialAsync(rejected: credential, cancellationToken);
        var retry = RequestCloning.Clone(request);
        Apply(retry, fresh);
        return await base.SendAsync(retry, cancellationToken);
    }

    private void Apply(HttpRequestMessage request, ExecCredential credential)
    {
        if (credential.ClientCertificate is not null)
        {
            certificateSlot.Current = credential.ClientCertificate;
        }

        if (credential.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Token);
        }
    }
}
