namespace Kube.Testing;

/// <summary>Which requests faults apply to: a Kubernetes verb (get, list, watch, create, update, patch, delete) or HTTP method, and a path prefix.</summary>
public sealed record FaultFilter(string? Verb = null, string? PathPrefix = null)
{
    internal bool Matches(string verb, string method, string path) =>
        (Verb is null || string.Equals(Verb, verb, StringComparison.OrdinalIgnoreCase) || string.Equals(Verb, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
}
