namespace Paas.Platform.Rendering;

/// <summary>The process type names Heroku treats specially.</summary>
public static class ProcessTypes
{
    /// <summary>Receives HTTP traffic on <c>$PORT</c>; the only type with a Service, an Ingress and probes.</summary>
    public const string Web = "web";

    /// <summary>Runs once per release before it goes live; a Job, never a Deployment.</summary>
    public const string Release = "release";
}
