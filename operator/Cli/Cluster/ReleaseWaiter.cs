using Paas.Platform.Api;

namespace Paas.Cli.Cluster;

/// <summary>Waits, with a deadline, for the Release the operator creates after a change to an App.</summary>
public sealed class ReleaseWaiter(CliSession session)
{
    /// <summary>
    /// Polls the App's Releases until one newer than <paramref name="afterVersion"/> exists; returns it, or null when the
    /// deadline (<see cref="CliEnvironment.ReleaseWaitTimeout"/>) passes first.
    /// </summary>
    public async Task<Release?> WaitForNewerAsync(string app, int afterVersion, CancellationToken cancellationToken)
    {
        var environment = session.Environment;
        var deadline = environment.Clock.GetUtcNow() + environment.ReleaseWaitTimeout;
        while (true)
        {
            var history = await ReleaseHistory.ListAsync(session.Client, session.Namespace, app, cancellationToken);
            if (history.NewestVersion > afterVersion)
            {
                return history.NewestFirst[0];
            }

            if (environment.Clock.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(environment.PollInterval, environment.Clock, cancellationToken);
        }
    }
}
