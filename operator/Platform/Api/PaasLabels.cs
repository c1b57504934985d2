namespace Paas.Platform.Api;

/// <summary>The <c>paas.dev/</c> label keys the operator sets and selects on; each key is spelled here and nowhere else.</summary>
public static class PaasLabels
{
    /// <summary>On every object the operator creates for an App, Releases included; its value is the App's name.</summary>
    public const string App = "paas.dev/app";

    /// <summary>The process type (Kubernetes spelling) a workload runs.</summary>
    public const string ProcessType = "paas.dev/process-type";

    /// <summary>The release an object belongs to, as <c>v&lt;N&gt;</c>; absent on objects that outlive a release.</summary>
    public const string Release = "paas.dev/release";
}
