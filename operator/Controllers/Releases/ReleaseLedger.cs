using System.Globalization;
using Kube.Client;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Controllers.Releases;

/// <summary>
/// Appends Releases to an App's ledger with gap-free, never-duplicated versions. Names are <c>&lt;app&gt;-v&lt;N&gt;</c>,
/// so a plain create is the lock: whoever loses a race gets AlreadyExists, re-reads the ledger from the API server and
/// either finds its own intent already recorded (a retry, a restart, a twin replica) or takes the next number.
/// </summary>
public sealed class ReleaseLedger
{
    /// <summary>Enough for any realistic burst of concurrent writers; beyond it the caller's reconcile retries later.</summary>
    public const int MaxAttempts = 20;

    private readonly IKubeClient client;

    public ReleaseLedger(IKubeClient client)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>
    /// Records <paramref name="plan"/>: returns the created Release, or the one already carrying the same intent
    /// above the plan's base version.
    /// </summary>
    /// <exception cref="InvalidOperationException">Other writers took <see cref="MaxAttempts"/> numbers in a row.</exception>
    public async Task<LedgerEntry> AppendAsync(ReleasePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var current = plan;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                var created = await client.CreateAsync(current.Release, cancellationToken);
                return new LedgerEntry(created, Created: true);
            }
            catch (AlreadyExistsException)
            {
                var history = await ReadHistoryAsync(plan.Release.Spec.App, plan.Release.Metadata.Namespace, cancellationToken);
                if (history.FirstOrDefault(release => release.Spec.Version > plan.BaseVersion && IntentOf(release) == plan.Intent) is { } same)
                {
                    return new LedgerEntry(same, Created: false);
                }

                var next = Math.Max(history.Count == 0 ? 0 : history.Max(release => release.Spec.Version), current.Release.Spec.Version) + 1;
                current = plan.WithVersion(next);
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"Could not number a Release of App {plan.Release.Spec.App}: other writers took {MaxAttempts} versions in a row; the next reconcile retries."));
    }

    /// <summary>The App's Releases from the API server (not a cache), so a number taken a moment ago is seen.</summary>
    public async Task<IReadOnlyList<Release>> ReadHistoryAsync(string appName, string? @namespace, CancellationToken cancellationToken)
    {
        var releases = new List<Release>();
        string? next = null;
        do
        {
            var page = await client.ListAsync<Release>(
                @namespace,
                new ListOptions { LabelSelector = $"{PaasLabels.App}={appName}", Continue = next, Limit = 500 },
                cancellationToken);
            releases.AddRange(page.Items.Where(release => release.Spec.App == appName));
            next = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(next));

        return [.. releases.OrderBy(release => release.Spec.Version)];
    }

    private static string? IntentOf(Release release) =>
        release.Metadata.Annotations?.GetValueOrDefault(PaasAnnotations.ReleaseIntent);
}
