using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>Builds the <see cref="ObservedRequest"/> that <see cref="KubeApiServerOptions.RequestObserver"/> receives.</summary>
internal static class RequestObservations
{
    /// <summary>Describes the request before it is handled; reads the body into memory first when bodies are observed.</summary>
    public static async Task<ObservedRequest> BeginAsync(HttpContext context, RequestTarget target, string verb, bool withBody)
    {
        var request = context.Request;
        var body = ReadOnlyMemory<byte>.Empty;
        if (withBody && request.Method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var bytes = buffer.ToArray();
            body = bytes;
            request.Body = new MemoryStream(bytes, writable: false);
        }

        var resource = target.Resource;
        return new ObservedRequest(
            verb, request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty,
            resource.Group, resource.Version, resource.Plural, target.Subresource, target.Namespace, target.Name,
            request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null,
            request.ContentType, StatusCode: 0, body);
    }
}
