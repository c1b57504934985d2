namespace Paas.Controllers.Releases;

/// <summary>The reasons of the Events the release controller records, so tools and tests can match on them.</summary>
public static class ReleaseEventReasons
{
    public const string ReleasePhaseStarted = "ReleasePhaseStarted";

    public const string ReleaseSucceeded = "ReleaseSucceeded";

    public const string ReleaseFailed = "ReleaseFailed";

    public const string ReleaseCurrent = "ReleaseCurrent";

    public const string ReleaseCreated = "ReleaseCreated";

    public const string RollbackRejected = "RollbackRejected";
}
