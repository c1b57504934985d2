using Kube.Models;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The Ingress <c>&lt;app&gt;-web</c> that routes the App's hostnames to its web Service, or to the maintenance page.</summary>
public static class WebIngress
{
    public const string ClusterIssuerAnnotation = "cert-manager.io/cluster-issuer";

    /// <summary>The platform host <c>&lt;app&gt;.&lt;namespace&gt;.&lt;baseDomain&gt;</c> when there is a base domain, then <c>spec.domains</c> in order, lowercase, without repeats.</summary>
    public static IReadOnlyList<string> Hosts(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var hosts = new List<string>();
        if (input.Settings.BaseDomain is { Length: > 0 } baseDomain && input.Namespace is { Length: > 0 } ns)
        {
            hosts.Add($"{input.AppName}.{ns}.{baseDomain.TrimEnd('.')}".ToLowerInvariant());
        }

        foreach (var domain in input.App.Spec.Domains ?? [])
        {
            var host = domain.Trim().TrimEnd('.').ToLowerInvariant();
            if (host.Length > 0 && !hosts.Contains(host))
            {
                hosts.Add(host);
            }
        }

        return hosts;
    }

    /// <summary>Null when the App has no hostname: an Ingress rule without a host would catch every request the controller sees.</summary>
    public static Ingress? Render(RenderInput input)
    {
        var hosts = Hosts(input);
        if (hosts.Count == 0)
        {
            return null;
        }

        var app = input.AppName;
        var settings = input.Settings.Rendering;
        var backend = input.App.Spec.Maintenance == true
            ? new IngressServiceBackend { Name = WebService.MaintenanceName(app), Port = new ServiceBackendPort { Number = settings.Maintenance.Port } }
            : new IngressServiceBackend { Name = ProcessTypeNames.ObjectName(app, ProcessTypes.Web), Port = new ServiceBackendPort { Number = WebService.Port } };
        var annotations = settings.Tls && settings.ClusterIssuer is { Length: > 0 } issuer
            ? Maps.Sorted((ClusterIssuerAnnotation, issuer))
            : null;
        return new Ingress
        {
            Metadata = ObjectMetadata.For(input, ProcessTypeNames.ObjectName(app, ProcessTypes.Web), WorkloadLabels.Stable(app, ProcessTypes.Web), annotations),
            Spec = new IngressSpec
            {
                IngressClassName = settings.IngressClassName,
                Tls = settings.Tls ? [new IngressTls { Hosts = hosts, SecretName = TlsSecretName(app) }] : null,
                Rules = [.. hosts.Select(host => Rule(host, backend))],
            },
        };
    }

    /// <summary>The Secret holding the certificate for all of an App's hosts.</summary>
    public static string TlsSecretName(string app) => $"{app}-tls";

    private static IngressRule Rule(string host, IngressServiceBackend backend) => new()
    {
        Host = host,
        Http = new HttpIngressRuleValue
        {
            Paths = [new HttpIngressPath { Path = "/", PathType = "Prefix", Backend = new IngressBackend { Service = backend } }],
        },
    };
}
