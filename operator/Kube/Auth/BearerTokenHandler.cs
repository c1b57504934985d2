using System.Net;
using System.Net.Http.Headers;

namespace Kube.Auth;

/// <summary>Adds <c>Authorization: Bearer</c>; after a 401 it asks the source for a fresh token and tries once more.</summary>
public sealed class BearerTokenHandler(IBearerTokenSource source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await source.GetTokenAsync(forceRefresh: false, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var fresh = await source.GetTokenAsync(forceRefresh: true, cancellationToken);
        if (fresh == token)
        {
            return response;
        }

        response.Dispose();
        var retry = RequestCloning.Clone(request);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(retry, cancellationToken);
    }
}
