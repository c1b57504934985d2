using Kube.Auth;
using Kube.Config;

namespace Paas.Cli;

/// <summary>What a run of <c>paas</c> talks to: its output streams, how it reaches the API server, its clock and its patience.</summary>
public sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Builds the HTTP handler chain (TLS, credentials) for a resolved kubeconfig; tests wrap it to fake endpoints.</summary>
    public Func<KubeConfig, HttpMessageHandler> Handler { get; init; } = KubeHttpHandler.Create;

    /// <summary>Reads environment variables for kubeconfig discovery (<c>KUBECONFIG</c>, <c>HOME</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock for ages and wait deadlines.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long commands that change an App wait for the operator's new Release.</summary>
    public TimeSpan ReleaseWaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often such a wait asks the API server again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The process's own console.</summary>
    public static CliEnvironment ForConsole() => new() { Out = Console.Out, Error = Console.Error };
}
