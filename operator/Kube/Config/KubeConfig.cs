using System.Security.Cryptography.X509Certificates;
using Kube.Auth;

namespace Kube.Config;

/// <summary>Where the API server is and how to authenticate to it: one resolved kubeconfig context, or the pod's service account.</summary>
public sealed record KubeConfig
{
    /// <summary>The API server's base address, e.g. <c>https://10.0.0.1:6443</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The context's namespace, or the pod's namespace in-cluster; <c>default</c> when none is set.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The kubeconfig context used; null in-cluster.</summary>
    public string? ContextName { get; init; }

    /// <summary>Where this came from: the kubeconfig file(s) or the service-account folder, for messages.</summary>
    public string Source { get; init; } = "in-memory";

    /// <summary>The only roots trusted for the server's certificate; empty means the system's trust store.</summary>
    public X509Certificate2Collection CertificateAuthorities { get; init; } = [];

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name the server's certificate is checked against instead of the host of <see cref="Server"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>A client certificate with its private key, for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Intermediate certificates sent after <see cref="ClientCertificate"/>.</summary>
    public X509Certificate2Collection ClientCertificateChain { get; init; } = [];

    /// <summary>A bearer token source: fixed, read from a (rotating) file, or null.</summary>
    public IBearerTokenSource? BearerToken { get; init; }

    public BasicCredentials? Basic { get; init; }

    /// <summary>An exec credential plugin that supplies a token or a client certificate.</summary>
    public ExecCredentialProvider? ExecPlugin { get; init; }

    /// <summary>
    /// Loads configuration as kubectl does: an explicit kubeconfig path, else <c>KUBECONFIG</c> (files joined by the path
    /// separator, merged), else <c>~/.kube/config</c>, else the in-cluster service account.
    /// </summary>
    public static KubeConfig Load(KubeConfigLoadOptions? options = null)
    {
        options ??= new KubeConfigLoadOptions();
        var files = KubeconfigLocator.Locate(options);
        if (files.Count == 0)
        {
            if (InClusterConfig.IsAvailable(options))
            {
                return InClusterConfig.Load(options);
            }

            throw new KubeConfigException(
                $"no Kubernetes configuration found: {KubeconfigLocator.DescribeSearch(options)}, and not running in a pod " +
                "(KUBERNETES_SERVICE_HOST is unset). Set KUBECONFIG or pass the path of a kubeconfig file.");
        }

        var document = KubeconfigDocument.Merge([.. files.Select(KubeconfigReader.ReadFile)]);
        return KubeconfigResolver.Resolve(document, options);
    }

    /// <summary>Loads the pod's service-account configuration only.</summary>
    public static KubeConfig LoadInCluster(KubeConfigLoadOptions? options = null) =>
        InClusterConfig.Load(options ?? new KubeConfigLoadOptions());

    /// <summary>Resolves kubeconfig YAML held in memory; <paramref name="sourceFile"/> names it in errors and anchors relative paths.</summary>
    public static KubeConfig FromYaml(string yaml, string sourceFile, KubeConfigLoadOptions? options = null) =>
        KubeconfigResolver.Resolve(KubeconfigReader.Read(yaml, Path.GetFullPath(sourceFile)), options ?? new KubeConfigLoadOptions());
}
