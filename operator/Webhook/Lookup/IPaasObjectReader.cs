using Paas.Platform.Api;

namespace Paas.Webhook.Lookup;

/// <summary>
/// Reads the Apps and Releases admission decisions depend on. The operator passes its informer cache; without one,
/// <see cref="KubePaasObjectReader"/> asks the API server.
/// </summary>
public interface IPaasObjectReader
{
    /// <summary>The App, or null when it does not exist.</summary>
    ValueTask<App?> GetAppAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>The Release, or null when it does not exist.</summary>
    ValueTask<Release?> GetReleaseAsync(string @namespace, string name, CancellationToken cancellationToken);
}
