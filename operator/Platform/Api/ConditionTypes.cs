namespace Paas.Platform.Api;

/// <summary>The condition types paas.dev objects report.</summary>
public static class ConditionTypes
{
    /// <summary>App: every process type runs the current Release with its desired dynos ready. Build, Release, Formation: finished well.</summary>
    public const string Ready = "Ready";

    /// <summary>App: a Build is pending or running.</summary>
    public const string Building = "Building";

    /// <summary>App: the latest Release is current. Release: its release phase succeeded and it went live.</summary>
    public const string Released = "Released";

    /// <summary>Build: the image was built and pushed.</summary>
    public const string Succeeded = "Succeeded";
}
