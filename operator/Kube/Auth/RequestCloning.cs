namespace Kube.Auth;

/// <summary>Copies a request so an auth handler can send it again after a 401 with fresh credentials.</summary>
internal static class RequestCloning
{
    /// <remarks>The content object is shared: the client only sends buffered content, which can be sent twice.</remarks>
    public static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (key, value) in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[key] = value;
        }

        return clone;
    }
}
