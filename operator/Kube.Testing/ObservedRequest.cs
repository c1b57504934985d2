namespace Kube.Testing;

/// <summary>
/// One request the server answered, as <see cref="KubeApiServerOptions.RequestObserver"/> sees it: the Kubernetes
/// verb and resource it named, who sent it, how it ended, and (when asked for) the body it carried.
/// </summary>
/// <param name="Verb">The Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/apis/apps/v1/namespaces/a/deployments/web</c>.</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The API version.</param>
/// <param name="Resource">The plural resource name, e.g. <c>deployments</c>.</param>
/// <param name="Subresource">e.g. <c>status</c>, or null.</param>
/// <param name="Namespace">The namespace in the path, or null.</param>
/// <param name="Name">The object name in the path, or null.</param>
/// <param name="UserAgent">The User-Agent header, or null.</param>
/// <param name="ContentType">The Content-Type header, or null.</param>
/// <param name="StatusCode">The response status; 0 for a watch, which is reported when it starts streaming.</param>
/// <param name="Body">The request body when <see cref="KubeApiServerOptions.ObserveRequestBodies"/> is on and the request had one.</param>
public sealed record ObservedRequest(
    string Verb,
    string Method,
    string Path,
    string Query,
    string Group,
    string Version,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string? UserAgent,
    string? ContentType,
    int StatusCode,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>Time from the request's arrival at the server's dispatcher to its response (zero for a watch).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True for the verbs that change state (create, update, patch, delete, deletecollection).</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";
}
