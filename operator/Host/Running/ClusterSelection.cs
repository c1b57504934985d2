namespace Paas.Host.Running;

/// <summary>Where <c>paas-operator run</c> finds its Kubernetes API.</summary>
internal enum ClusterMode
{
    /// <summary>A real cluster from a kubeconfig or the pod's service account.</summary>
    Cluster,

    /// <summary>The in-process API server on 127.0.0.1, for trying the operator without a cluster.</summary>
    Embedded,
}

/// <summary>The chosen mode and the sentence that explains it in the log.</summary>
internal sealed record ClusterChoice(ClusterMode Mode, string Reason);

/// <summary>Chooses between a real cluster and the embedded API server, the way kubectl would find a cluster.</summary>
internal static class ClusterSelection
{
    public static ClusterChoice Choose(bool embedded, string? kubeconfig, Func<string, string?> environment, string homeDirectory, Func<string, bool> fileExists)
    {
        if (embedded)
        {
            return new(ClusterMode.Embedded, "--embedded was given");
        }

        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return new(ClusterMode.Cluster, $"--kubeconfig {kubeconfig}");
        }

        if (environment("KUBECONFIG") is { Length: > 0 } paths)
        {
            return new(ClusterMode.Cluster, $"KUBECONFIG={paths}");
        }

        if (environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 })
        {
            return new(ClusterMode.Cluster, "running in a pod (KUBERNETES_SERVICE_HOST is set)");
        }

        var defaultPath = Path.Combine(homeDirectory, ".kube", "config");
        return fileExists(defaultPath)
            ? new(ClusterMode.Cluster, defaultPath)
            : new(ClusterMode.Embedded, $"no --kubeconfig, no KUBECONFIG, no {defaultPath} and not in a pod");
    }
}
