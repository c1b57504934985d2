using Kube.Auth;
using Kube.Config;

namespace Kube.Client;

/// <summary>The entry point: load configuration as kubectl does (or take one) and build a <see cref="KubeClient"/> for it.</summary>
public static class KubeClientFactory
{
    /// <summary>
    /// Loads <c>--kubeconfig</c>/<c>KUBECONFIG</c>/<c>~/.kube/config</c>/in-cluster configuration (see
    /// <see cref="KubeConfig.Load"/>) and builds a client for it.
    /// </summary>
    public static KubeClient Create(KubeConfigLoadOptions? load = null, KubeClientOptions? options = null) =>
        Create(KubeConfig.Load(load), options);

    /// <summary>A client for a resolved configuration: its TLS settings and credentials become the HTTP handler chain.</summary>
    public static KubeClient Create(KubeConfig config, KubeClientOptions? options = null) =>
        new(KubeHttpHandler.Create(config), config.Server, options);
}
