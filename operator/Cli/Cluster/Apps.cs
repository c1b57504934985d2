using Kube.Models;
using Paas.Cli.Failures;
using Paas.Platform.Api;

namespace Paas.Cli.Cluster;

/// <summary>Reads of a session's App that answer "no such App" with the way out.</summary>
public static class Apps
{
    /// <summary>The App named with <c>-a</c>; a failure that names the namespace and how to list Apps when it does not exist.</summary>
    public static async Task<App> GetAsync(CliSession session, CancellationToken cancellationToken) =>
        await session.Client.TryGetAsync<App>(session.AppName, session.Namespace, cancellationToken)
            ?? throw NotFound(session.AppName, session.Namespace);

    public static CommandFailedException NotFound(string app, string @namespace) =>
        new($"App {app} not found in namespace {@namespace}; list Apps with `paas apps -n {@namespace}`");

    /// <summary>Makes <paramref name="app"/> the controlling owner, so deleting the App deletes what paas created for it.</summary>
    public static IReadOnlyList<OwnerReference>? OwnedBy(App app) =>
        app.Metadata.Uid is { } uid
            ? [new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "App", Name = app.Metadata.Name!, Uid = uid, BlockOwnerDeletion = true }]
            : null;

    /// <summary>The labels the operator puts on an App's objects, so `kubectl get -l paas.dev/app=shop` finds them too.</summary>
    public static Dictionary<string, string> Labels(string app) => new() { [PaasLabels.App] = app };
}
