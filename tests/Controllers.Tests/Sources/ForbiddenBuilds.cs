using System.Net;
using System.Text;

namespace Paas.Controllers.Tests.Sources;

/// <summary>Answers the creation of a Build as an API server whose RBAC does not grant it would: 403 Forbidden.</summary>
internal sealed class ForbiddenBuilds : DelegatingHandler
{
    public ForbiddenBuilds()
        : base(new SocketsHttpHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/builds", StringComparison.Ordinal) != true)
        {
            return base.SendAsync(request, cancellationToken);
        }

        const string status = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
             "message":"builds.paas.dev is forbidden: User \"system:serviceaccount:paas:paas-operator\" cannot create resource \"builds\" in API group \"paas.dev\""}
            """;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(status, Encoding.UTF8, "application/json") });
    }
}
