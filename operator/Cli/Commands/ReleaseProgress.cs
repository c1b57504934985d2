using Paas.Cli.Arguments;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;

namespace Paas.Cli.Commands;

/// <summary>Ends a "Doing X... " line once the operator has made the Release the change causes: "done, v5".</summary>
public static class ReleaseProgress
{
    /// <param name="session">The command's session; its App is the one changed.</param>
    /// <param name="baseline">The newest version before the change.</param>
    /// <param name="noWait">Say "done" at once, as <c>--no-wait</c> asks.</param>
    /// <param name="saved">What is already true if the wait runs out, e.g. "the config vars are saved".</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task FinishAsync(CliSession session, int baseline, bool noWait, string saved, CancellationToken cancellationToken)
    {
        if (noWait)
        {
            await session.FinishStepAsync("done");
            await session.Out.WriteLineAsync($"The operator makes the new Release; see `paas releases -a {session.AppName}`.");
            return;
        }

        if (baseline == 0)
        {
            // Nothing is deployed yet, so there is nothing to restart; the first Build releases with the new state.
            await session.Out.WriteLineAsync("done (no Release yet; the first Build will use it)");
            return;
        }

        var release = await new ReleaseWaiter(session).WaitForNewerAsync(session.AppName, baseline, cancellationToken);
        if (release is null)
        {
            await session.FinishStepAsync("still waiting");
            var seconds = session.Environment.ReleaseWaitTimeout.TotalSeconds;
            throw new CommandFailedException(
                $"{saved}, but the operator made no new Release of {session.AppName} within {seconds:0} s; " +
                $"see why with `paas apps:info -a {session.AppName} -n {session.Namespace}` (is paas-operator running?), or pass --no-wait");
        }

        await session.FinishStepAsync($"done, {ReleaseVersion.Format(release.Spec.Version)}");
    }
}
