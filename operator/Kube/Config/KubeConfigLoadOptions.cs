namespace Kube.Config;

/// <summary>Overrides for <see cref="KubeConfig.Load"/>: the <c>--kubeconfig</c> and <c>--context</c> flags, and seams for tests.</summary>
public sealed record KubeConfigLoadOptions
{
    /// <summary>An explicit kubeconfig file; it must exist. Takes precedence over <c>KUBECONFIG</c>.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The context to use instead of <c>current-context</c>.</summary>
    public string? Context { get; init; }

    /// <summary>Overrides the context's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Reads environment variables; replaced in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The home folder holding <c>.kube/config</c>; defaults to the user's profile folder.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>The service-account folder mounted into pods.</summary>
    public string InClusterRoot { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The clock for token and credential expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
