namespace Paas.Platform.Api;

/// <summary>The phases of a Build, in order.</summary>
public static class BuildPhases
{
    public const string Pending = "Pending";

    public const string Running = "Running";

    public const string Succeeded = "Succeeded";

    public const string Failed = "Failed";
}
