using Microsoft.Extensions.Logging;

namespace Kube.Testing;

/// <summary>How to start a <see cref="KubeApiServer"/>.</summary>
public sealed record KubeApiServerOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a fresh self-signed CA (see <see cref="KubeApiServer.CaCertificatePem"/>).</summary>
    public bool Tls { get; init; }

    /// <summary>When set, requests without <c>Authorization: Bearer &lt;token&gt;</c> get 401.</summary>
    public string? RequiredBearerToken { get; init; }

    /// <summary>How often a quiet watch that asked for bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Events kept per resource for resuming watches; older resourceVersions get 410 Gone.</summary>
    public int WatchHistoryLimit { get; init; } = 10_000;

    /// <summary>Events a watcher may fall behind before it is disconnected.</summary>
    public int WatcherBufferSize { get; init; } = 10_000;

    /// <summary>Where the server logs failures it did not expect (they also reach the client as 500 InternalError); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Called once for every resource request (not discovery or health): after its response for most verbs, as it
    /// starts streaming for a watch. Runs on the request's thread, so it must be quick and thread-safe.
    /// </summary>
    public Action<ObservedRequest>? RequestObserver { get; init; }

    /// <summary>Hands request bodies to <see cref="RequestObserver"/> (they are read into memory first).</summary>
    public bool ObserveRequestBodies { get; init; }
}
