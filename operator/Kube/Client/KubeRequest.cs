using System.Net.Http.Headers;

namespace Kube.Client;

/// <summary>A request that can be sent again on retry: the body is kept as bytes and new content is made per attempt.</summary>
internal sealed record KubeRequest(HttpMethod Method, string PathAndQuery, byte[]? Body = null, string? ContentType = null)
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>POST creates, so sending it twice could create twice; everything else is safe to repeat.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post;

    public HttpRequestMessage ToMessage(Uri server)
    {
        // Keep a path prefix of the server URL (e.g. a proxy's /k8s/clusters/c-1) in front of the API path.
        var address = new Uri(server.GetLeftPart(UriPartial.Authority) + server.AbsolutePath.TrimEnd('/') + PathAndQuery);
        var message = new HttpRequestMessage(Method, address);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType ?? Json);
        }

        return message;
    }

    public override string ToString() => $"{Method} {PathAndQuery}";
}
