using Kube.Runtime.Cache;

namespace Paas.Controllers.Plumbing;

/// <summary>
/// Holds back, per object, a status that reports a change still in progress (a rollout whose dynos are not ready yet)
/// for a short window, so that a change that settles within the window is written once instead of once per step;
/// when the window ends the unsettled status is written after all, so status lags by at most the window.
/// </summary>
/// <remarks>
/// A cold start of N Apps otherwise writes each App's and Formation's status once with nothing ready and again as
/// each Deployment becomes ready, although the kubelet usually makes them ready within a second.
/// </remarks>
public sealed class SettlingStatuses
{
    /// <summary>The window the controllers use: long enough for a test kubelet or a quick rollout, short enough that status barely lags.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(1);

    private readonly Dictionary<ObjectKey, DateTimeOffset> heldSince = [];
    private readonly TimeSpan window;
    private readonly TimeProvider time;

    /// <param name="window">How long an unsettled status may wait; zero writes every status at once.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public SettlingStatuses(TimeSpan? window = null, TimeProvider? time = null)
    {
        this.window = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.window, TimeSpan.Zero, nameof(window));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Statuses being held back right now.</summary>
    public int Held
    {
        get
        {
            lock (heldSince)
            {
                return heldSince.Count;
            }
        }
    }

    /// <summary>
    /// For an unsettled status of <paramref name="key"/> that differs from the live one: how long to wait before
    /// writing it (reconcile again then), or null when its window is over and it must be written now.
    /// </summary>
    public TimeSpan? Hold(ObjectKey key)
    {
        var now = time.GetUtcNow();
        lock (heldSince)
        {
            if (!heldSince.TryGetValue(key, out var since))
            {
                if (window <= TimeSpan.Zero)
                {
                    return null;
                }

                heldSince[key] = now;
                return window;
            }

            var left = since + window - now;
            if (left > TimeSpan.Zero)
            {
                return left;
            }

            // The next unsettled change after this write starts a window of its own.
            heldSince.Remove(key);
            return null;
        }
    }

    /// <summary>Ends the hold of <paramref name="key"/>: its status settled, needs no write, or the object is gone.</summary>
    public void Forget(ObjectKey key)
    {
        lock (heldSince)
        {
            heldSince.Remove(key);
        }
    }
}
