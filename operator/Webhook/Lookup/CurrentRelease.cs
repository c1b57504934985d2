namespace Paas.Webhook.Lookup;

/// <summary>What a Formation is checked against: whether its App exists, and the process types of the App's current Release.</summary>
/// <param name="AppExists">Whether the App named by <c>spec.app</c> exists.</param>
/// <param name="ProcessTypes">The current Release's process types; null when the App has no current Release yet.</param>
public sealed record CurrentRelease(bool AppExists, IReadOnlyCollection<string>? ProcessTypes)
{
    /// <summary>Follows <c>App.status.currentRelease</c> (a version) to the Release named <c>&lt;app&gt;-v&lt;N&gt;</c>.</summary>
    public static async Task<CurrentRelease> FindAsync(IPaasObjectReader reader, string @namespace, string appName, CancellationToken cancellationToken)
    {
        var app = await reader.GetAppAsync(@namespace, appName, cancellationToken);
        if (app?.Status?.CurrentRelease is not { } version)
        {
            return new CurrentRelease(app is not null, null);
        }

        var release = await reader.GetReleaseAsync(@namespace, $"{appName}-v{version}", cancellationToken);
        return new CurrentRelease(true, release is null ? null : [.. (release.Spec.ProcessTypes ?? new Dictionary<string, string>()).Keys]);
    }
}
