namespace Paas.Platform.Builds;

/// <summary>The CamelCase words in <c>Build.status.reason</c>, one per way a build fails.</summary>
public static class BuildFailureReasons
{
    /// <summary>The source could not be fetched: clone, ref, download or checksum.</summary>
    public const string SourceFailed = "SourceFailed";

    /// <summary>No buildpack detected the app, or a named buildpack could not be fetched.</summary>
    public const string DetectFailed = "DetectFailed";

    /// <summary>A buildpack's compile failed (or the stack's images could not be read).</summary>
    public const string CompileFailed = "CompileFailed";

    /// <summary>The image was built but could not be pushed, or no digest came back.</summary>
    public const string PushFailed = "PushFailed";

    /// <summary>The build ran past the timeout.</summary>
    public const string TimedOut = "TimedOut";

    /// <summary>A newer Build of the same App cancelled this one.</summary>
    public const string Superseded = "Superseded";

    /// <summary>The Build or its App asks for something the platform cannot do, such as an unknown stack.</summary>
    public const string InvalidSpec = "InvalidSpec";
}
