namespace Paas.Host.Running;

/// <summary>Everything <c>paas-operator run</c> was told on its command line.</summary>
internal sealed record RunSettings
{
    public bool Embedded { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Port of the embedded API server; 0 picks a free one.</summary>
    public int EmbeddedPort { get; init; }

    /// <summary>Where the embedded mode writes its kubeconfig.</summary>
    public string StateDirectory { get; init; } = ".run";

    public string CrdDirectory { get; init; } = "crds";

    public bool LeaderElection { get; init; } = true;

    /// <summary>Namespace of the leader-election Lease; null means the pod's namespace or the kubeconfig's.</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>host:port for /healthz and /readyz.</summary>
    public string ProbeAddress { get; init; } = "127.0.0.1:8081";

    /// <summary>host:port (or :port, or 0 for off) serving /metrics; null means :8080, or 127.0.0.1:8080 if free in embedded mode.</summary>
    public string? MetricsAddress { get; init; }

    public bool JsonLogs { get; init; }

    /// <summary>Serve the paas.dev admission webhook.</summary>
    public bool Webhook { get; init; } = true;

    /// <summary>host:port the webhook listens on in a cluster (embedded mode picks a free 127.0.0.1 port).</summary>
    public string WebhookAddress { get; init; } = "0.0.0.0:9443";

    /// <summary>Namespace of the webhook's Service and certificate Secret; null means POD_NAMESPACE, else paas-system.</summary>
    public string? WebhookNamespace { get; init; }

    /// <summary>Read the serving certificate that cert-manager mounts instead of creating one.</summary>
    public bool WebhookCertManager { get; init; }

    /// <summary>The platform settings YAML (<c>--settings</c>); null runs with <see cref="Paas.Platform.PlatformSettings.Default"/>.</summary>
    public string? SettingsFile { get; init; }
}
