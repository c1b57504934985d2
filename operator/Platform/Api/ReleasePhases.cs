namespace Paas.Platform.Api;

/// <summary>The phases of a Release, in order.</summary>
public static class ReleasePhases
{
    public const string Pending = "Pending";

    /// <summary>The <c>release</c> process type is running as a Job.</summary>
    public const string Releasing = "Releasing";

    public const string Succeeded = "Succeeded";

    public const string Failed = "Failed";
}
