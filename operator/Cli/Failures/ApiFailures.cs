using Kube.Client;

namespace Paas.Cli.Failures;

/// <summary>Turns what the API server (or the network) said into one sentence a developer can act on.</summary>
public static class ApiFailures
{
    public static string Describe(Exception failure, string @namespace, Uri server) => failure switch
    {
        InvalidException invalid when invalid.Causes.Count > 0 =>
            "the cluster refused the change:" + string.Concat(invalid.Causes.Select(cause => $"{System.Environment.NewLine}  {cause.Field}: {cause.Message}")),
        ForbiddenException forbidden =>
            $"{forbidden.Message}; ask a cluster administrator for access to paas.dev resources in namespace {@namespace}, or choose another namespace with -n",
        UnauthorizedException =>
            $"the API server at {server.Authority} did not accept your credentials (401); log in again or choose another context with --context",
        // A 404 that names no object means the resource type itself is not served: the CRDs are missing.
        NotFoundException notFound when string.IsNullOrEmpty(notFound.Status.Details?.Name) =>
            $"{notFound.Message}; is paas-operator installed in this cluster (its CRDs: `kubectl get crd apps.paas.dev`)?",
        KubeApiException api => api.Message,
        HttpRequestException http =>
            $"cannot reach the API server at {server.Authority}: {http.Message}; check the cluster is up, or choose another with --kubeconfig/--context",
        TimeoutException timeout => timeout.Message,
        _ => failure.Message,
    };
}
