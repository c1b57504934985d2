namespace Paas.Platform.Rendering;

/// <summary>The chart's choices for how rendered workloads are exposed and secured.</summary>
public sealed record RenderingSettings
{
    /// <summary>The <c>ingressClassName</c> of every App's Ingress; null leaves it to the cluster's default class.</summary>
    public string? IngressClassName { get; init; }

    /// <summary>Serve every host over TLS with a certificate in Secret <c>&lt;app&gt;-tls</c>.</summary>
    public bool Tls { get; init; }

    /// <summary>A cert-manager ClusterIssuer that fills the <c>&lt;app&gt;-tls</c> Secrets; null when something else does.</summary>
    public string? ClusterIssuer { get; init; }

    /// <summary>
    /// The port every web dyno listens on. Heroku picks a random <c>$PORT</c> per dyno; in a pod nothing else
    /// shares the network namespace, so one fixed port keeps Services and probes static. 5000 is Heroku's local default.
    /// </summary>
    public int WebPort { get; init; } = 5000;

    /// <summary>
    /// The uid dynos run as. <c>runAsNonRoot</c> alone rejects images whose USER is a name rather than a number,
    /// which buildpack images often are, so the uid is stated; 1000 is the usual unprivileged uid of stack images.
    /// </summary>
    public long RunAsUser { get; init; } = 1000;

    /// <summary>The Service that serves the maintenance page while <c>spec.maintenance</c> is on.</summary>
    public MaintenanceService Maintenance { get; init; } = new();

    /// <summary>The cluster's DNS domain, for the maintenance Service's full name.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";
}
