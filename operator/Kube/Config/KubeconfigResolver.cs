using System.Security.Cryptography.X509Certificates;
using Kube.Auth;

namespace Kube.Config;

/// <summary>Turns one context of a (merged) kubeconfig into a <see cref="KubeConfig"/>, checking every reference and field.</summary>
internal static class KubeconfigResolver
{
    public static KubeConfig Resolve(KubeconfigDocument document, KubeConfigLoadOptions options)
    {
        var files = string.Join(", ", document.Files);
        var contextName = options.Context ?? document.CurrentContext
            ?? throw new KubeConfigException(
                $"{files}: current-context is not set; choose a context with --context or `kubectl config use-context NAME`");

        if (!document.Contexts.TryGetValue(contextName, out var context))
        {
            var known = document.Contexts.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", document.Contexts.Keys);
            throw new KubeConfigException($"{files}: context \"{contextName}\" is not defined in contexts ({known})");
        }

        var where = $"{context.SourceFile}: context \"{context.Name}\"";
        if (string.IsNullOrEmpty(context.Cluster))
        {
            throw new KubeConfigException($"{where} field \"cluster\" is required but missing or empty");
        }

        if (!document.Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubeConfigException($"{where} names cluster \"{context.Cluster}\", which is not defined in clusters");
        }

        UserEntry? user = null;
        if (!string.IsNullOrEmpty(context.User) && !document.Users.TryGetValue(context.User, out user))
        {
            throw new KubeConfigException($"{where} names user \"{context.User}\", which is not defined in users");
        }

        var config = ResolveCluster(cluster) with
        {
            ContextName = context.Name,
            Namespace = options.Namespace ?? (string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace),
            Source = files,
        };
        return user is null ? config : ResolveUser(config, user, options);
    }

    private static KubeConfig ResolveCluster(ClusterEntry cluster)
    {
        var where = $"{cluster.SourceFile}: cluster \"{cluster.Name}\"";
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubeConfigException($"{where} field \"server\" is required but missing or empty");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"{where} field \"server\" must be an http(s) URL such as https://10.0.0.1:6443, not \"{cluster.Server}\"");
        }

        var authorities = new X509Certificate2Collection();
        if (FieldBytes(cluster.CertificateAuthorityData, cluster.CertificateAuthority, where, "certificate-authority", cluster.SourceFile) is { } caPem)
        {
            authorities = PemCredentials.LoadCertificates(caPem, $"{where} certificate-authority");
        }

        return new KubeConfig
        {
            Server = server,
            CertificateAuthorities = authorities,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
        };
    }

    private static KubeConfig ResolveUser(KubeConfig config, UserEntry user, KubeConfigLoadOptions options)
    {
        var where = $"{user.SourceFile}: user \"{user.Name}\"";
        var certificate = FieldBytes(user.ClientCertificateData, user.ClientCertificate, where, "client-certificate", user.SourceFile);
        var key = FieldBytes(user.ClientKeyData, user.ClientKey, where, "client-key", user.SourceFile);
        if ((certificate is null) != (key is null))
        {
            var missing = certificate is null ? "client-certificate" : "client-key";
            throw new KubeConfigException($"{where} has a client {(certificate is null ? "key" : "certificate")} but no {missing}(-data); both are needed for certificate authentication");
        }

        if (user.HasAuthProvider && user.Exec is null && user.Token is null && user.TokenFile is null && certificate is null)
        {
            throw new KubeConfigException($"{where} uses auth-provider, which is not supported; use an exec credential plugin instead (for example kubelogin or the cloud's CLI)");
        }

        if (!string.IsNullOrEmpty(user.Username) != !string.IsNullOrEmpty(user.Password))
        {
            throw new KubeConfigException($"{where} field \"{(string.IsNullOrEmpty(user.Username) ? "username" : "password")}\" is required with basic authentication");
        }

        if (user.Exec is { } exec && exec.ApiVersion is not (ExecCredentialProvider.V1 or ExecCredentialProvider.V1Beta1))
        {
            throw new KubeConfigException($"{where} exec field \"apiVersion\" is \"{exec.ApiVersion}\"; use {ExecCredentialProvider.V1} or {ExecCredentialProvider.V1Beta1}");
        }

        var result = config;
        if (certificate is not null && key is not null)
        {
            var (leaf, chain) = PemCredentials.LoadClientCertificate(certificate, key, where);
            result = result with { ClientCertificate = leaf, ClientCertificateChain = chain };
        }

        if (!string.IsNullOrEmpty(user.Token))
        {
            result = result with { BearerToken = new StaticTokenSource(user.Token) };
        }
        else if (!string.IsNullOrEmpty(user.TokenFile))
        {
            result = result with { BearerToken = new TokenFileSource(ResolvePath(user.TokenFile, user.SourceFile), options.TimeProvider) };
        }

        if (!string.IsNullOrEmpty(user.Username))
        {
            result = result with { Basic = new BasicCredentials(user.Username, user.Password ?? string.Empty) };
        }

        if (user.Exec is { } plugin)
        {
            var clusterInfo = plugin.ProvideClusterInfo ? ExecClusterInfo.From(config) : null;
            result = result with { ExecPlugin = new ExecCredentialProvider(plugin, options.TimeProvider, clusterInfo) };
        }

        return result;
    }

    /// <summary>The bytes of a <c>X-data</c> field (base64) or of the file named by <c>X</c>; the data field wins, as in kubectl.</summary>
    private static byte[]? FieldBytes(string? data, string? path, string where, string field, string sourceFile)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Convert.FromBase64String(data);
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"{where} field \"{field}-data\" is not valid base64: {e.Message}", e);
            }
        }

        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var resolved = ResolvePath(path, sourceFile);
        try
        {
            return File.ReadAllBytes(resolved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"{where} field \"{field}\" names {resolved}, which cannot be read: {e.Message}", e);
        }
    }

    private static string ResolvePath(string path, string sourceFile) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(path, Path.GetDirectoryName(sourceFile) ?? Directory.GetCurrentDirectory());
}
