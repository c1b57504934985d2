using Kube.Testing.Resources;

namespace Kube.Testing.Server;

/// <summary>What a resource URL names: the resource, and optionally namespace, name and subresource.</summary>
internal sealed record RequestTarget(ResourceDefinition Resource, string? Namespace, string? Name, string? Subresource, bool WatchPath)
{
    /// <summary>
    /// Parses <c>/api/v1/...</c> and <c>/apis/{group}/{version}/...</c> resource paths (also the legacy <c>/watch/</c> form).
    /// Returns null when the path is not a resource path at all; throws NotFound for an unknown resource.
    /// </summary>
    public static RequestTarget? Parse(string path, ResourceRegistry registry)
    {
        var segments = path.Trim('/').Split('/');
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api" && segments[1] == "v1")
            (group, version, rest) = ("", "v1", 2);
        else if (segments.Length >= 4 && segments[0] == "apis")
            (group, version, rest) = (segments[1], segments[2], 3);
        else
            return null;

        var parts = segments[rest..];
        var watchPath = parts[0] == "watch";
        if (watchPath)
            parts = parts[1..];
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
            return null;

        string? ns = null;
        string plural;
        string? name = null;
        string? subresource = null;
        if (parts[0] == "namespaces" && parts.Length >= 3 && parts[2] is not ("status" or "finalize"))
        {
            ns = parts[1];
            plural = parts[2];
            name = parts.Length > 3 ? parts[3] : null;
            subresource = parts.Length > 4 ? parts[4] : null;
            if (parts.Length > 5)
                return null;
        }
        else
        {
            plural = parts[0];
            name = parts.Length > 1 ? parts[1] : null;
            subresource = parts.Length > 2 ? parts[2] : null;
            if (parts.Length > 3)
                return null;
        }

        var resource = registry.Find(group, version, plural) ?? throw StatusErrors.NotFoundPath(path);
        if (ns is not null && !resource.Namespaced)
            throw StatusErrors.NotFoundPath(path);
        if (subresource is not null && (subresource != "status" || !resource.HasStatus))
            throw StatusErrors.NotFoundPath(path);
        return new RequestTarget(resource, ns, Uri.UnescapeDataString(name ?? "") is { Length: > 0 } n ? n : null, subresource, watchPath);
    }
}
