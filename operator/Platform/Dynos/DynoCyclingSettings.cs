namespace Paas.Platform.Dynos;

/// <summary>
/// Heroku's daily dyno cycling as a platform setting: every dyno is restarted once it has run <see cref="Period"/>
/// plus a delay of up to <see cref="MaxJitter"/> drawn per dyno, never all dynos of a process type at once.
/// </summary>
public sealed record DynoCyclingSettings
{
    /// <summary>False turns cycling off: dynos then run until a release, a scale or the cluster restarts them.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The least time a dyno runs before it is restarted; Heroku's is 24 hours.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The most a dyno's restart is delayed beyond <see cref="Period"/>; Heroku's is 216 minutes.</summary>
    public TimeSpan MaxJitter { get; init; } = TimeSpan.FromMinutes(216);
}
