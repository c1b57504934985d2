namespace Paas.Controllers.Tests.Plumbing;

/// <summary>A clock that moves only when a test moves it.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
