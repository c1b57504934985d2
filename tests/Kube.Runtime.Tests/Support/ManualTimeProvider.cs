namespace Kube.Runtime.Tests.Support;

/// <summary>
/// A clock that moves only when a test says so. Timers (and so Task.Delay and CancellationTokenSource timeouts given
/// this provider) fire during <see cref="Advance"/>; every delay ever requested is kept in <see cref="RequestedDelays"/>
/// so tests can assert computed backoffs without sleeping.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock sync = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<TimeSpan> requested = [];
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (sync)
            {
                return [.. requested];
            }
        }
    }

    public int PendingTimers
    {
        get
        {
            lock (sync)
            {
                return timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (sync)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (sync)
        {
            target = now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (sync)
            {
                due = timers.Where(timer => timer.DueAt <= target).MinBy(timer => timer.DueAt);
                if (due is null)
                {
                    now = target;
                    return;
                }

                now = due.DueAt > now ? due.DueAt : now;
                timers.Remove(due);
                if (due.Period is { } period)
                {
                    due.DueAt = now + period;
                    timers.Add(due);
                }
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Waits (in real time, up to 10 s) until code under test is blocked on at least this many timers, and the set of
    /// timers has stayed the same for a moment, so a short-lived timeout timer is not mistaken for the code being idle.
    /// </summary>
    public async Task WaitForTimersAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var stableSince = DateTime.UtcNow;
        var previous = Snapshot();
        while (true)
        {
            await Task.Delay(2);
            var current = Snapshot();
            if (!current.SequenceEqual(previous))
            {
                previous = current;
                stableSince = DateTime.UtcNow;
            }
            else if (current.Count >= count && DateTime.UtcNow - stableSince > TimeSpan.FromMilliseconds(15))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} pending timers, found {current.Count}.");
            }
        }
    }

    private List<(ManualTimer, DateTimeOffset)> Snapshot()
    {
        lock (sync)
        {
            return [.. timers.Select(timer => (timer, timer.DueAt))];
        }
    }

    /// <summary>Waits for a pending timer, then advances exactly to the earliest one.</summary>
    public async Task AdvanceToNextTimerAsync()
    {
        await WaitForTimersAsync();
        TimeSpan step;
        lock (sync)
        {
            step = timers.Min(timer => timer.DueAt) - now;
        }

        Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (sync)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            requested.Add(dueTime);
            timer.DueAt = now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timers.Add(timer);
        }
    }

    private void Cancel(ManualTimer timer)
    {
        lock (sync)
        {
            timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
