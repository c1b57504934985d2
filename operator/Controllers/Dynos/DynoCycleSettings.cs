namespace Paas.Controllers.Dynos;

/// <summary>How often dynos are restarted: Heroku's daily cycling, every 24 hours plus up to 216 minutes.</summary>
public sealed record DynoCycleSettings
{
    /// <summary>The least time a dyno runs before it is cycled.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The most a dyno's cycle is delayed beyond <see cref="Period"/>, so dynos started together do not restart together.</summary>
    public TimeSpan MaxJitter { get; init; } = TimeSpan.FromMinutes(216);

    /// <summary>How soon to look again when a due dyno waits for its siblings to be ready, or right after one was restarted.</summary>
    public TimeSpan Recheck { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Heroku's figures.</summary>
    public static DynoCycleSettings Heroku { get; } = new();

    /// <summary>The cycle the platform settings ask for.</summary>
    public static DynoCycleSettings From(Paas.Platform.Dynos.DynoCyclingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DynoCycleSettings { Period = settings.Period, MaxJitter = settings.MaxJitter };
    }
}
