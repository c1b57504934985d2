using System.Security.Cryptography.X509Certificates;
using Kube.Auth;

namespace Kube.Config;

/// <summary>Configuration of a pod: the API server from <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c> and the mounted service account.</summary>
internal static class InClusterConfig
{
    public static bool IsAvailable(KubeConfigLoadOptions options) =>
        !string.IsNullOrEmpty(options.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(options.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));

    public static KubeConfig Load(KubeConfigLoadOptions options)
    {
        var host = options.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = options.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException(
                "in-cluster configuration needs KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, which Kubernetes sets in every pod; outside a pod use a kubeconfig");
        }

        var root = options.InClusterRoot;
        var tokenPath = Path.Combine(root, "token");
        if (!File.Exists(tokenPath))
        {
            throw new KubeConfigException($"{tokenPath}: the service-account token is missing; is automountServiceAccountToken false for this pod?");
        }

        var caPath = Path.Combine(root, "ca.crt");
        X509Certificate2Collection authorities;
        try
        {
            authorities = PemCredentials.LoadCertificates(File.ReadAllBytes(caPath), caPath);
        }
        catch (IOException e)
        {
            throw new KubeConfigException($"{caPath}: the service-account CA cannot be read: {e.Message}", e);
        }

        var namespacePath = Path.Combine(root, "namespace");
        var podNamespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : string.Empty;

        // An IPv6 service address needs brackets in a URL.
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubeConfig
        {
            Server = new Uri($"https://{authority}:{port}"),
            Namespace = options.Namespace ?? (podNamespace.Length > 0 ? podNamespace : "default"),
            Source = root,
            CertificateAuthorities = authorities,
            BearerToken = new TokenFileSource(tokenPath, options.TimeProvider),
        };
    }
}
