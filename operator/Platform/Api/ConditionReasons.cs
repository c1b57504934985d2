namespace Paas.Platform.Api;

/// <summary>CamelCase reasons for conditions, shared so that tools can match on them.</summary>
public static class ConditionReasons
{
    public const string Reconciled = "Reconciled";

    public const string InvalidSpec = "InvalidSpec";

    public const string AppNotFound = "AppNotFound";

    public const string NoRelease = "NoRelease";

    public const string Maintenance = "Maintenance";

    public const string DynosReady = "DynosReady";

    public const string DynosNotReady = "DynosNotReady";

    public const string BuildPending = "BuildPending";

    public const string BuildRunning = "BuildRunning";

    public const string BuildSucceeded = "BuildSucceeded";

    public const string BuildFailed = "BuildFailed";

    public const string BuildTimedOut = "BuildTimedOut";

    public const string ReleasePending = "ReleasePending";

    public const string ReleasePhaseRunning = "ReleasePhaseRunning";

    public const string ReleasePhaseFailed = "ReleasePhaseFailed";

    public const string ReleaseSucceeded = "ReleaseSucceeded";

    /// <summary>Release: a newer Release became current.</summary>
    public const string Superseded = "Superseded";
}
